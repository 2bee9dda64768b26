import Foundation
import Yams

/// A value in a scenario file with where it was written: what a plug-in reads its settings
/// from. Every accessor throws a `ScenarioError` naming the file, line, column and field.
public struct ScenarioNode {
    let reader: ScenarioReader
    let node: Node
    /// Dotted path of the field, e.g. `evaluator.timeout`.
    public let field: String

    init(_ reader: ScenarioReader, _ node: Node, _ field: String) {
        self.reader = reader
        self.node = node
        self.field = field
    }

    /// The value under `key` when this is a mapping that has it.
    public subscript(key: String) -> ScenarioNode? {
        guard case .mapping(let m) = node else { return nil }
        for (k, v) in m where k.scalar?.string == key { return ScenarioNode(reader, v, field.isEmpty ? key : "\(field).\(key)") }
        return nil
    }

    public var isScalar: Bool { if case .scalar = node { return true } else { return false } }
    /// `'text'`, `a list`, `a mapping`: what was found, for messages.
    public var found: String { reader.describe(node) }
    /// Whether file and directory paths must exist (off when a stored scenario is re-read).
    public var checksFiles: Bool { reader.checkFiles }

    public func error(_ message: String, hint: String? = nil) -> ScenarioError {
        reader.error(node, field, message, hint: hint)
    }

    /// An error about `key` of this mapping (e.g. a missing one), located here.
    public func error(about key: String, _ message: String, hint: String? = nil) -> ScenarioError {
        reader.error(node, field.isEmpty ? key : "\(field).\(key)", message, hint: hint)
    }

    /// A non-empty single value.
    public func string(example: String) throws(ScenarioError) -> String { try reader.string(node, field, example: example) }
    /// A single value, possibly empty.
    public func text(example: String) throws(ScenarioError) -> String { try reader.scalar(node, field, example: example).string }
    public func int(example: String) throws(ScenarioError) -> Int { try reader.int(node, field, example: example) }
    public func positiveInt(example: String) throws(ScenarioError) -> Int { try reader.positiveInt(node, field, example: example) }
    public func double(example: String) throws(ScenarioError) -> Double { try reader.double(node, field, example: example) }
    public func bool() throws(ScenarioError) -> Bool { try reader.bool(node, field) }
    /// A number with an optional unit (2MB, 30s, 10m).
    public func quantity(example: String) throws(ScenarioError) -> Double { try reader.quantity(node, field, example: example) }

    /// The items of a list (each with this field's name).
    public func list(example: String) throws(ScenarioError) -> [ScenarioNode] {
        try reader.sequence(node, field, example: example).map { ScenarioNode(reader, $0, field) }
    }

    /// The pairs of a mapping, keys checked against `allowed` (nil: any key).
    public func pairs(allowed: [String]? = nil, example: String) throws(ScenarioError) -> [(key: String, value: ScenarioNode)] {
        try reader.mapping(node, field, allowed: allowed, example: example).map { p in
            (p.key, ScenarioNode(reader, p.value, field.isEmpty ? p.key : "\(field).\(p.key)"))
        }
    }

    /// A readable file, relative to the scenario file (or the current directory).
    public func existingFile() throws(ScenarioError) -> String { try reader.existingFile(node, field) }

    /// A directory, relative to the scenario file.
    public func existingDirectory(example: String) throws(ScenarioError) -> String {
        let w = try string(example: example)
        let resolved = reader.resolve(w)
        var isDir: ObjCBool = false
        guard !reader.checkFiles || (FileManager.default.fileExists(atPath: resolved, isDirectory: &isDir) && isDir.boolValue) else {
            throw error("no such directory '\(w)' (looked at \(resolved))", hint: "give a directory, relative to the scenario file")
        }
        return resolved
    }
}
