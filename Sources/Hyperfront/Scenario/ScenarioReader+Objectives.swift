import Foundation
import Yams

/// The `objectives:` and `constraints:` sections.
extension ScenarioReader {
    func checkMetric(_ node: Node, _ field: String, _ metric: String, produced: [String]?) throws(ScenarioError) {
        guard let produced, !produced.contains(metric) else { return }
        throw error(node, field, "the evaluator does not report a metric '\(metric)'",
                    hint: (closest(to: metric, in: produced).map { "did you mean '\($0)'? " } ?? "") + "metrics available: \(produced.joined(separator: ", "))")
    }

    func objectiveList(_ node: Node, produced: [String]?) throws(ScenarioError) -> [Objective] {
        let example = "- {metric: accuracy, goal: maximize}"
        let items = try sequence(node, "objectives", example: "[{metric: accuracy, goal: maximize}, {metric: params, goal: minimize}]")
        if items.isEmpty { throw error(node, "objectives", "is empty", hint: "list at least one objective: \(example)") }
        var out: [Objective] = []
        for (k, item) in items.enumerated() {
            let field = "objectives[\(k + 1)]"
            let pairs = try mapping(item, field, allowed: ["metric", "goal"], example: "{metric: accuracy, goal: maximize}")
            guard let mn = pairs.first(where: { $0.key == "metric" })?.value else { throw error(item, "\(field).metric", "missing", hint: "write \(example)") }
            let metric = try string(mn, "\(field).metric", example: "metric: accuracy")
            try checkMetric(mn, "\(field).metric", metric, produced: produced)
            if out.contains(where: { $0.metric == metric }) { throw error(mn, "\(field).metric", "'\(metric)' is already an objective", hint: "list each metric once") }
            var goal = Goal.minimize
            if let gn = pairs.first(where: { $0.key == "goal" })?.value {
                let g = try string(gn, "\(field).goal", example: "goal: maximize")
                guard let parsed = Goal(rawValue: g.lowercased()) ?? (g.lowercased() == "min" ? .minimize : g.lowercased() == "max" ? .maximize : nil) else {
                    throw error(gn, "\(field).goal", "unknown goal '\(g)'", hint: "write goal: minimize or goal: maximize")
                }
                goal = parsed
            }
            out.append(Objective(metric: metric, goal: goal))
        }
        return out
    }

    func constraintList(_ node: Node, produced: [String]?) throws(ScenarioError) -> [OutcomeConstraint] {
        let example = "{metric: memory_bytes, max: 2MB}"
        let items = try sequence(node, "constraints", example: "[\(example)]")
        var out: [OutcomeConstraint] = []
        for (k, item) in items.enumerated() {
            let field = "constraints[\(k + 1)]"
            let pairs = try mapping(item, field, allowed: ["metric", "max", "min"], example: example)
            guard let mn = pairs.first(where: { $0.key == "metric" })?.value else { throw error(item, "\(field).metric", "missing", hint: "write \(example)") }
            let metric = try string(mn, "\(field).metric", example: "metric: memory_bytes")
            try checkMetric(mn, "\(field).metric", metric, produced: produced)
            let bounds = pairs.filter { $0.key == "max" || $0.key == "min" }
            if bounds.isEmpty { throw error(item, field, "gives no bound", hint: "add 'max:' or 'min:', e.g. \(example)") }
            var read: [(key: String, node: Node, bound: Double)] = []
            for (key, _, bn) in bounds {
                let b = try quantity(bn, "\(field).\(key)", example: key == "max" ? "max: 2MB" : "min: 0.9")
                read.append((key, bn, b))
                out.append(OutcomeConstraint(metric: metric, kind: key == "max" ? .atMost : .atLeast, bound: b))
            }
            if let hi = read.first(where: { $0.key == "max" }), let lo = read.first(where: { $0.key == "min" }), lo.bound > hi.bound {
                throw error(lo.node, "\(field).min", "min \(formatNumber(lo.bound)) is above max \(formatNumber(hi.bound)): no trial can meet both",
                            hint: "write min: \(formatNumber(hi.bound)), max: \(formatNumber(lo.bound)) if the bounds are swapped")
            }
        }
        return out
    }
}
