import Foundation
import Yams

/// Reads known configurations from a file: JSON (a list of objects parameter → value) or CSV
/// (a header of parameter names, one configuration a row; an empty cell leaves a parameter
/// out, for one whose condition does not hold). Every mistake is reported — each with the
/// file, line and what is allowed — not only the first.
public enum KnownConfigurationFile {
    /// Every mistake found in a file.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var errors: [ScenarioError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    /// The configurations of the file at `path` (`.json` or `.csv`), checked against `space`.
    public static func read(path: String, space: SearchSpace) throws(Failure) -> [KnownConfiguration] {
        func fail(_ message: String, hint: String? = nil) -> Failure {
            Failure(errors: [ScenarioError(file: path, line: 1, column: 1, field: "", message: message, hint: hint)])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail(FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file",
                       hint: "give a JSON file (a list of objects parameter → value) or a CSV file (a header of parameter names)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("the file is not UTF-8 text", hint: "save it as UTF-8") }
        switch (path as NSString).pathExtension.lowercased() {
        case "json": return try json(text, path: path, space: space)
        case "csv": return try csv(text, path: path, space: space)
        default: throw fail("unknown file kind", hint: "name it .json (a list of objects parameter → value) or .csv (a header of parameter names)")
        }
    }

    /// A JSON list of objects, read with the YAML parser (JSON is YAML) so every value keeps its line.
    public static func json(_ text: String, path: String, space: SearchSpace) throws(Failure) -> [KnownConfiguration] {
        let reader = ScenarioReader(file: path, text: text, registry: PluginRegistry(samplers: [], evaluators: []), checkFiles: false)
        let example = "[{\(space.names.prefix(2).map { "\"\($0)\": ..." }.joined(separator: ", "))}]"
        let root: Node
        do {
            guard let r = try Yams.compose(yaml: text) else {
                throw Failure(errors: [reader.error(nil, "", "the file is empty", hint: "write \(example)")])
            }
            root = r
        } catch let e as Failure { throw e }
        catch let e as YamlError { throw Failure(errors: [reader.yamlError(e)]) }
        catch { throw Failure(errors: [reader.error(nil, "", "not valid JSON: \(error)")]) }
        let items: [Node]
        do { items = try reader.sequence(root, "", example: example) } catch { throw Failure(errors: [error]) }
        var out: [KnownConfiguration] = [], errors: [ScenarioError] = []
        for item in items {
            do { out.append(try reader.knownConfiguration(item, space: space, field: "", example: example)) }
            catch { errors.append(error) }
        }
        if !errors.isEmpty { throw Failure(errors: errors) }
        return out
    }

    /// A CSV file: a header of parameter names, then one configuration a row.
    public static func csv(_ text: String, path: String, space: SearchSpace) throws(Failure) -> [KnownConfiguration] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Failure(errors: [ScenarioError(file: path, line: 1, column: 1, field: "", message: "the file has no header",
                                                 hint: "start with a line of parameter names: \(space.names.joined(separator: ","))")])
        }
        let header = fields(headerLine).map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [KnownConfiguration] = [], errors: [ScenarioError] = []
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = fields(line)
            guard cells.count == header.count else {
                errors.append(ScenarioError(file: path, line: n + 1, column: 1, field: "",
                                            message: "the row has \(cells.count) values, the header names \(header.count)",
                                            hint: "give one value per column (an empty one leaves a parameter out)"))
                continue
            }
            var values: [(name: String, value: Value)] = []
            for (name, cell) in zip(header, cells) {
                let t = cell.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { continue }
                values.append((name, parse(t)))
            }
            switch space.configuration(known: values) {
            case .success(let c): out.append(KnownConfiguration(configuration: c, file: path, line: n + 1))
            case .failure(let f):
                for p in f.problems {
                    let at = p.parameter.flatMap { name in header.firstIndex(of: name) }.map { Self.column(of: $0, in: line) } ?? 1
                    errors.append(ScenarioError(file: path, line: n + 1, column: at, field: p.parameter ?? "", message: p.message))
                }
            }
        }
        if !errors.isEmpty { throw Failure(errors: errors) }
        return out
    }

    /// The cells of a CSV line (double quotes group a cell; "" inside quotes is a quote).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], cell = "", quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? chars.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = chars.next() { if next == "\"" { cell.append("\"") } else { quoted = false; pending = next } }
                    else { quoted = false }
                } else { cell.append(ch) }
            } else if ch == "\"" { quoted = true }
            else if ch == "," { out.append(cell); cell = "" }
            else { cell.append(ch) }
        }
        out.append(cell)
        return out
    }

    /// The 1-based column where cell `index` of `line` starts (quotes ignored).
    static func column(of index: Int, in line: String) -> Int {
        var commas = 0, column = 1
        for ch in line {
            if commas == index { return column }
            if ch == "," { commas += 1 }
            column += 1
        }
        return column
    }

    /// A cell as a value: a whole number, a number, true/false, or a name.
    static func parse(_ t: String) -> Value {
        if let i = Int(t) { return .int(i) }
        if let d = Double(t), d.isFinite { return .double(d) }
        if t == "true" || t == "false" { return .bool(t == "true") }
        return .string(t)
    }
}
