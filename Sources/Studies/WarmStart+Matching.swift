import Hyperfront

extension WarmStart {
    /// The warm start `trials` of an earlier study (its space `oldSpace`, its metrics
    /// `oldMetrics`) give a study of `scenario` (as run: the evaluator's resources added).
    /// - Complexity: O(trials × parameters).
    static func make(source: String, oldSpace: SearchSpace, oldMetrics: [String], trials: [Trial], for scenario: Scenario) -> WarmStart {
        let space = scenario.space
        var mismatches: [String] = []
        for p in space.parameters {
            guard let i = oldSpace.index(of: p.name) else {
                if case .fixed = p.domain { continue }
                mismatches.append("parameter '\(p.name)' is new (\(source) has none): its trials cannot be reused where it is active")
                continue
            }
            let was = oldSpace[i].domain
            if was != p.domain {
                mismatches.append("parameter '\(p.name)': was \(was.allowedValues), now \(p.domain.allowedValues) (trials with a value outside are left out)")
            }
        }
        for p in oldSpace.parameters where space.index(of: p.name) == nil {
            mismatches.append("parameter '\(p.name)' is not in the new space: its values are ignored")
        }
        let names = scenario.metricNames
        for o in scenario.objectives where !oldMetrics.contains(o.metric) && !scenario.resources.contains(where: { $0.metric == o.metric }) {
            mismatches.append("objective '\(o.metric)' is not a metric of \(source): no trial can be reused")
        }

        let execution = TrialExecution(evaluator: NoEvaluator(metricNames: names), scenario: scenario, seed: 0)
        var told: [Told] = []
        var leftOut: [String: Int] = [:]
        for t in trials.sorted(by: { $0.number < $1.number }) {
            guard t.state == .complete else { leftOut["not complete (\(t.state.rawValue))", default: 0] += 1; continue }
            let values = oldSpace.decode(t.configuration).filter { space.index(of: $0.name) != nil }
            let configuration: Configuration
            switch space.configuration(known: values) {
            case .success(let c): configuration = c
            case .failure(let f):
                let p = f.problems[0]
                let name = p.parameter ?? "?"
                let reason = switch p.kind {
                case .outside: "outside the new domain of '\(name)'"
                case .missing: "without a value for '\(name)'"
                case .inactive: "with '\(name)' inactive under the new conditions"
                case .unknown: "with an unknown parameter '\(name)'"
                }
                leftOut[reason, default: 0] += 1
                continue
            }
            var metrics = [Double](repeating: .nan, count: names.count)
            for (k, name) in names.enumerated() {
                if let r = scenario.resources.first(where: { $0.metric == name }) {
                    metrics[k] = r.value(configuration, in: space)
                } else if let j = oldMetrics.firstIndex(of: name), j < t.metrics.count {
                    metrics[k] = t.metrics[j]
                }
            }
            if let missing = scenario.objectives.first(where: { metrics[names.firstIndex(of: $0.metric)!].isNaN }) {
                leftOut["without a value for objective '\(missing.metric)'", default: 0] += 1
                continue
            }
            let trial = Trial(number: t.number, generation: 0, configuration: configuration, state: .complete, metrics: metrics,
                              violation: scenario.violation(metrics: metrics), startedAt: t.startedAt, finishedAt: t.finishedAt, failure: nil)
            let o = execution.observation(trial)
            told.append(Told(trial: t.number, configuration: configuration.values.map { $0.isNaN ? nil : $0 }, objectives: o.objectives,
                             violation: o.violation, constraints: o.constraints))
        }
        return WarmStart(source: source, told: told, leftOut: leftOut, mismatches: mismatches)
    }
}
