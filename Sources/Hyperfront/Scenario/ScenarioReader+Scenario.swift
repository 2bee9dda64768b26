import Foundation
import Yams

/// The whole file: its top-level sections, read in dependency order.
extension ScenarioReader {
    mutating func scenario() throws(ScenarioError) -> Scenario {
        let root: Node
        do {
            guard let r = try Yams.compose(yaml: text) else {
                throw error(nil, "", "the file is empty", hint: "start from Scenarios/quickstart.yaml")
            }
            root = r
        } catch let e as ScenarioError {
            throw e
        } catch let e as YamlError {
            throw yamlError(e)
        } catch {
            throw self.error(nil, "", "not valid YAML: \(error)")
        }
        let top = try mapping(root, "", allowed: ScenarioLoader.topLevelKeys, example: "name: ..., evaluator: ..., space: ..., objectives: ...")
        func find(_ k: String) -> (keyNode: Node, value: Node)? {
            top.first { $0.key == k }.map { ($0.keyNode, $0.value) }
        }

        let name = try find("name").map { (_, v) throws(ScenarioError) in try string(v, "name", example: "name: digits-mlp") }
            ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension

        guard let (_, evalNode) = find("evaluator") else {
            throw error(root, "evaluator", "missing", hint: "add e.g. " + registry.evaluators.map { "'evaluator: \($0.example)'" }.joined(separator: ", "))
        }
        let (evaluator, evaluatorPlugin) = try evaluatorSpec(evalNode)

        // Space: a benchmark brings its own.
        var space: SearchSpace
        if let (_, spaceNode) = find("space") {
            if let provided = evaluator.settings.providedSpace {
                throw error(spaceNode, "space", provided.conflict, hint: provided.hint)
            }
            space = try searchSpace(spaceNode)
        } else if let provided = evaluator.settings.providedSpace {
            space = provided.space
        } else {
            throw error(root, "space", "missing", hint: "add a search space, e.g. 'space: {units: {choice: [16, 32, 64]}, learning_rate: {float: [1.0e-4, 1.0e-1], log: true}}'")
        }
        if space.count == 0 {
            throw error(find("space")?.value, "space", "is empty", hint: "declare at least one parameter")
        }
        try evaluatorPlugin.check(evaluator.settings, space: space, section: ScenarioNode(self, evalNode, "evaluator"))

        let resources = try find("resources").map { (_, v) throws(ScenarioError) in try resourceFormulas(v, space: space, evaluator: evaluator) } ?? []

        var produced = evaluator.metrics
        if produced != nil { produced! += resources.map(\.metric) }

        guard let (_, objNode) = find("objectives") else {
            throw error(root, "objectives", "missing", hint: "add e.g. 'objectives: [{metric: accuracy, goal: maximize}, {metric: params, goal: minimize}]'")
        }
        let objectives = try objectiveList(objNode, produced: produced)
        let constraints = try find("constraints").map { (_, v) throws(ScenarioError) in try constraintList(v, produced: produced) } ?? []

        var search = SearchSettings()
        evaluator.settings.adjustSearchDefaults(&search)
        search = try searchSettings(find("search")?.value, defaults: search)

        var scenario = Scenario(name: name, source: text, path: file, space: space, objectives: objectives,
                                constraints: constraints, resources: resources, evaluator: evaluator, search: search)
        if let (_, e) = find("early_stopping") { scenario.earlyStopping = try earlyStopping(e) }
        if let (_, e) = find("enqueue_budget") { scenario.enqueueBudget = try enqueueBudget(e) }
        if let (_, e) = find("enqueue") { scenario.enqueue = try enqueueList(e, space: space) }
        if let (_, r) = find("report") { scenario.report = try reportSettings(r, objectives: objectives, metrics: scenario.metricNames) }
        return scenario
    }

    func yamlError(_ e: YamlError) -> ScenarioError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ScenarioError(file: file, line: mark.line, column: mark.column, field: "",
                                 message: "not valid YAML: \(problem)",
                                 hint: "check indentation (spaces, not tabs), colons after keys, and matching brackets and quotes")
        case .duplicatedKeysInMapping(let dups, let context):
            return ScenarioError(file: file, line: context.mark.line, column: context.mark.column, field: "",
                                 message: "key(s) given twice: \(dups.joined(separator: ", "))", hint: "keep one of each")
        default:
            return ScenarioError(file: file, line: 1, column: 1, field: "", message: "not valid YAML: \(e)")
        }
    }
}
