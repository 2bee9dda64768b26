import Foundation
import Yams

/// Typed access to a scenario's YAML nodes: every read names the file, line, column and field
/// of a mistake, and what to write instead.
struct ScenarioReader {
    let file: String
    let text: String
    let registry: PluginRegistry
    let checkFiles: Bool
    var directory: String { (file as NSString).deletingLastPathComponent }

    init(file: String, text: String, registry: PluginRegistry, checkFiles: Bool) {
        self.file = file
        self.text = text
        self.registry = registry
        self.checkFiles = checkFiles
    }

    // MARK: errors

    func error(_ at: Node?, _ field: String, _ message: String, hint: String? = nil) -> ScenarioError {
        let mark = at?.mark
        return ScenarioError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, field: field, message: message, hint: hint)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: typed access

    /// The pairs of a mapping, checking keys against `allowed`.
    func mapping(_ node: Node, _ field: String, allowed: [String]?, example: String) throws(ScenarioError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let m) = node else {
            throw error(node, field, "expected a mapping, found \(describe(node))", hint: "write it as \(example)")
        }
        var out: [(String, Node, Node)] = []
        var seen: Set<String> = []
        for (k, v) in m {
            guard case .scalar(let ks) = k else { throw error(k, field, "keys must be plain names", hint: "write \(example)") }
            let key = ks.string
            let sub = field.isEmpty ? key : "\(field).\(key)"
            if let allowed, !allowed.contains(key) {
                let suggestion = closest(to: key, in: allowed)
                throw error(k, sub, "unknown key '\(key)'",
                            hint: suggestion.map { "did you mean '\($0)'? (valid keys: \(allowed.joined(separator: ", ")))" }
                                ?? "valid keys here: \(allowed.joined(separator: ", "))")
            }
            if seen.contains(key) { throw error(k, sub, "'\(key)' is given twice", hint: "keep one '\(key)' entry") }
            seen.insert(key)
            out.append((key, k, v))
        }
        return out
    }

    func sequence(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> [Node] {
        guard case .sequence(let s) = node else {
            throw error(node, field, "expected a list, found \(describe(node))", hint: "write it as \(example)")
        }
        return Array(s)
    }

    func scalar(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> Node.Scalar {
        guard case .scalar(let s) = node else {
            throw error(node, field, "expected a single value, found \(describe(node))", hint: "write it as \(example)")
        }
        return s
    }

    func string(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> String {
        let s = try scalar(node, field, example: example)
        if s.string.isEmpty { throw error(node, field, "is empty", hint: "write it as \(example)") }
        return s.string
    }

    func double(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> Double {
        let s = try scalar(node, field, example: example)
        if s.style == .plain, let v = node.float ?? node.int.map(Double.init), v.isFinite { return v }
        if s.style == .plain, let v = Double(s.string), v.isFinite { return v }
        throw error(node, field, "expected a finite number, found \(describe(node))", hint: "write it as \(example)")
    }

    func int(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> Int {
        let s = try scalar(node, field, example: example)
        if s.style == .plain, let v = node.int { return v }
        if s.style == .plain, let d = Double(s.string), d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        throw error(node, field, "expected a whole number, found \(describe(node))", hint: "write it as \(example)")
    }

    func positiveInt(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> Int {
        let v = try int(node, field, example: example)
        if v < 1 { throw error(node, field, "must be at least 1, found \(v)", hint: "write it as \(example)") }
        return v
    }

    func bool(_ node: Node, _ field: String) throws(ScenarioError) -> Bool {
        let s = try scalar(node, field, example: "true or false")
        if s.style == .plain, let b = node.bool { return b }
        throw error(node, field, "expected true or false, found \(describe(node))", hint: "write true or false")
    }

    /// A number with an optional unit (2MB, 30s, 10m).
    func quantity(_ node: Node, _ field: String, example: String) throws(ScenarioError) -> Double {
        let s = try scalar(node, field, example: example)
        if s.style == .plain, let v = node.float ?? node.int.map(Double.init), v.isFinite { return v }
        if let v = Units.parse(s.string) { return v }
        throw error(node, field, "'\(s.string)' is not a quantity", hint: Units.help + "; e.g. \(example)")
    }

    /// A scalar as a parameter value (int, double, bool or string).
    func value(_ node: Node, _ field: String) throws(ScenarioError) -> Value {
        let s = try scalar(node, field, example: "a number, true/false or a name")
        if s.style == .plain {
            if let i = node.int { return .int(i) }
            if let d = node.float, d.isFinite { return .double(d) }
            if let b = node.bool { return .bool(b) }
        }
        if s.string.isEmpty { throw error(node, field, "is empty", hint: "give a value") }
        return .string(s.string)
    }
}
