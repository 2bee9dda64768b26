import Hyperfront

extension CommandEvaluator {
    /// Why `metrics` cannot be a trial's result (a required metric missing or not finite), or nil.
    static func checkRequired(_ metrics: [String: Double], required: [String]) -> String? {
        let missing = required.filter { metrics[$0] == nil }
        if !missing.isEmpty {
            return "did not report \(missing.joined(separator: ", ")) (reported: \(metrics.keys.sorted().joined(separator: ", ")))"
        }
        if let bad = required.first(where: { !metrics[$0]!.isFinite }) {
            return "reported \(nonFinite(metrics[bad]!)) for \(bad)"
        }
        return nil
    }

    /// The step of an intermediate line: its `progressKey` value (e.g. `epoch`), else its
    /// `step`; nil when it has neither (then it is kept, but tells the scheduler nothing).
    static func progressStep(_ fields: [(String, Double?)], progressKey: String?) -> Int? {
        var step: Double? = nil
        for (k, v) in fields {
            if k == progressKey, let v { step = v; break }
            if k == "step", let v { step = v }
        }
        guard let s = step, s.isFinite, abs(s) < 1e15 else { return nil }
        return Int(s.rounded())
    }
}

extension TrialRequest {
    /// Sends an intermediate report to the trial's scheduler; true when it says stop.
    func reportProgress(step: Int, _ metrics: [String: Double]) -> Bool {
        channel.report(step: step, metrics) == .stop
    }
}
