import Hyperfront

/// Evaluates a standard test problem (ZDT, DTLZ) on the configuration `x1 … xn` of its
/// `BenchmarkSpec.space`, reporting the metrics `f1 … fm` (all minimised).
public struct BenchmarkEvaluator: BufferedEvaluator {
    public let spec: BenchmarkSpec

    public init(spec: BenchmarkSpec) { self.spec = spec }

    public var metricNames: [String] { spec.metrics }

    public func evaluate(_ request: TrialRequest) -> TrialOutcome {
        var f = [Double](repeating: 0, count: spec.objectives)
        if let failure = f.withUnsafeMutableBufferPointer({ evaluate(request, into: $0) }) { return .failed(failure) }
        var metrics: [String: Double] = [:]
        for (name, v) in zip(spec.metrics, f) { metrics[name] = v }
        return TrialOutcome(metrics: metrics)
    }

    /// Writes f1…fm of the request's configuration into `metrics`, no allocation; the reason
    /// when the configuration is not a point of the problem.
    public func evaluate(_ request: TrialRequest, into metrics: UnsafeMutableBufferPointer<Double>) -> String? {
        precondition(metrics.count == spec.objectives, "expected room for \(spec.objectives) metrics")
        return request.configuration.values.withUnsafeBufferPointer { x in
            guard x.count == spec.variables else {
                return "\(spec.problem.rawValue) expects \(spec.variables) variables x1…x\(spec.variables), got \(x.count)"
            }
            if let bad = x.firstIndex(where: { !$0.isFinite }) {
                return "\(spec.problem.rawValue): x\(bad + 1) is not a finite number"
            }
            evaluate(x, into: metrics)
            return nil
        }
    }

    /// The objective values f1…fm at `x` (`spec.variables` values).
    public func objectives(_ x: [Double]) -> [Double] {
        precondition(x.count == spec.variables, "expected \(spec.variables) variables")
        var f = [Double](repeating: 0, count: spec.objectives)
        x.withUnsafeBufferPointer { xp in
            f.withUnsafeMutableBufferPointer { fp in evaluate(xp, into: fp) }
        }
        return f
    }

    /// The fast path: writes f1…fm at `x` into `f`, no allocation.
    /// - Precondition: `x.count == spec.variables`, `f.count == spec.objectives`.
    @inlinable
    public func evaluate(_ x: UnsafeBufferPointer<Double>, into f: UnsafeMutableBufferPointer<Double>) {
        switch spec.problem {
        case .zdt1: ZDT.evaluate(1, x, into: f)
        case .zdt2: ZDT.evaluate(2, x, into: f)
        case .zdt3: ZDT.evaluate(3, x, into: f)
        case .zdt4: ZDT.evaluate(4, x, into: f)
        case .zdt6: ZDT.evaluate(6, x, into: f)
        case .dtlz1: DTLZ.evaluate(1, x, into: f)
        case .dtlz2: DTLZ.evaluate(2, x, into: f)
        case .dtlz3: DTLZ.evaluate(3, x, into: f)
        case .dtlz4: DTLZ.evaluate(4, x, into: f)
        case .dtlz5: DTLZ.evaluate(5, x, into: f)
        case .dtlz6: DTLZ.evaluate(6, x, into: f)
        case .dtlz7: DTLZ.evaluate(7, x, into: f)
        }
    }

    /// Evaluates many configurations at once: row-major objective values, `spec.objectives`
    /// per configuration.
    public func objectives(batch: [Configuration]) -> [Double] {
        let m = spec.objectives
        var out = [Double](repeating: 0, count: batch.count * m)
        out.withUnsafeMutableBufferPointer { all in
            for (k, c) in batch.enumerated() {
                precondition(c.count == spec.variables, "expected \(spec.variables) variables")
                c.values.withUnsafeBufferPointer { xp in
                    evaluate(xp, into: UnsafeMutableBufferPointer(rebasing: all[(k * m)..<((k + 1) * m)]))
                }
            }
        }
        return out
    }
}
