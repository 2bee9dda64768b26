import Yams

/// The `enqueue:` list (configurations evaluated first) and its `enqueue_budget:` policy.
///
/// ```yaml
/// enqueue:
///   - {units: 64, activation: relu, learning_rate: 0.01}
///   - {units: 128, activation: tanh, learning_rate: 0.001}
/// enqueue_budget: refuse      # or repair
/// ```
///
/// Every parameter active in an item must be given (a fixed one may be left out); a value is
/// checked against its domain and the error names the item's line and what is allowed.
extension ScenarioReader {
    func enqueueBudget(_ node: Node) throws(ScenarioError) -> KnownConfiguration.BudgetPolicy {
        let allowed = KnownConfiguration.BudgetPolicy.allCases.map(\.rawValue)
        let word = try string(node, "enqueue_budget", example: "enqueue_budget: refuse")
        guard let policy = KnownConfiguration.BudgetPolicy(rawValue: word) else {
            throw error(node, "enqueue_budget", "unknown policy '\(word)'", hint: "write one of \(allowed.joined(separator: ", ")) (refuse: a configuration that breaks a budget is an error; repair: it is moved to the nearest one that fits)")
        }
        return policy
    }

    func enqueueList(_ node: Node, space: SearchSpace) throws(ScenarioError) -> [KnownConfiguration] {
        let example = "enqueue: [{\(space.names.prefix(2).map { "\($0): ..." }.joined(separator: ", "))}]"
        var out: [KnownConfiguration] = []
        for item in try sequence(node, "enqueue", example: example) {
            out.append(try knownConfiguration(item, space: space, field: "enqueue", example: example))
        }
        return out
    }

    /// One mapping parameter → value, checked against `space` (also used for JSON files, read
    /// with the YAML parser so that every value keeps its line).
    func knownConfiguration(_ item: Node, space: SearchSpace, field: String, example: String) throws(ScenarioError) -> KnownConfiguration {
        let pairs = try mapping(item, field, allowed: nil, example: example)
        var values: [(name: String, value: Value)] = []
        var nodes: [String: Node] = [:]
        for (key, _, valueNode) in pairs {
            values.append((key, try value(valueNode, field.isEmpty ? key : "\(field).\(key)")))
            nodes[key] = valueNode
        }
        switch space.configuration(known: values) {
        case .success(let c):
            let mark = item.mark
            return KnownConfiguration(configuration: c, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        case .failure(let failure):
            let first = failure.problems[0]
            let at = first.parameter.flatMap { nodes[$0] } ?? item
            let more = failure.problems.count > 1 ? " (and \(failure.problems.count - 1) more in this entry: "
                + failure.problems.dropFirst().map(\.message).joined(separator: "; ") + ")" : ""
            throw error(at, first.parameter.map { field.isEmpty ? $0 : "\(field).\($0)" } ?? field, first.message + more)
        }
    }
}
