import Foundation
import Yams

/// The `evaluator:` section, and paths relative to the scenario file.
extension ScenarioReader {
    /// Reads `evaluator:` with the registered plug-in whose key it names.
    func evaluatorSpec(_ node: Node) throws(ScenarioError) -> (EvaluatorSpec, any EvaluatorPlugin) {
        let example = registry.evaluators.map(\.example).joined(separator: " or ")
        let pairs = try mapping(node, "evaluator", allowed: nil, example: example)
        let keys = pairs.map(\.key)
        let kinds = registry.evaluators.filter { keys.contains($0.key) }
        if kinds.count != 1 {
            let names = registry.evaluatorKeys.map { "'\($0):'" }
            let neither = names.count < 2 ? "does not say \(names.joined())" : "says neither \(names.dropLast().joined(separator: ", ")) nor \(names.last!)"
            throw error(node, "evaluator", kinds.isEmpty ? neither : "names more than one kind (\(kinds.map(\.key).joined(separator: ", ")))",
                        hint: "write exactly one of: \(example)")
        }
        let plugin = kinds[0]
        _ = try mapping(node, "evaluator", allowed: plugin.keys, example: plugin.example)
        let settings = try plugin.parse(ScenarioNode(self, node, "evaluator"))
        return (EvaluatorSpec(key: plugin.key, settings: settings), plugin)
    }

    /// Resolves a path relative to the scenario file's directory (absolute paths unchanged).
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let dir = directory
        return dir.isEmpty ? path : (dir as NSString).appendingPathComponent(path)
    }

    func existingFile(_ node: Node, _ field: String) throws(ScenarioError) -> String {
        let p = try string(node, field, example: "data/digits.csv")
        let candidates = [resolve(p), p]
        if !checkFiles { return candidates[0] }
        for c in candidates where FileManager.default.isReadableFile(atPath: c) { return c }
        throw error(node, field, "no such file '\(p)' (looked at \(Set(candidates).sorted().joined(separator: " and ")))",
                    hint: "give a CSV path relative to the scenario file, e.g. data/digits.csv")
    }
}
