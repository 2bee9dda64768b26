import Foundation
import Yams

/// Reads and validates scenario files (YAML). Every mistake becomes a `ScenarioError` naming
/// the file, line, column and field, and what to write instead.
public enum ScenarioLoader {
    public static let topLevelKeys = ["name", "description", "evaluator", "space", "objectives", "constraints", "resources", "search"]
    public static let searchKeys = ["algorithm", "population", "trials", "generations", "seed", "workers", "crossover", "mutation", "grid_points"]
    public static let benchmarkKeys = ["benchmark", "variables", "objectives"]
    public static let mlpKeys = ["builtin", "dataset", "validation_dataset", "validation_fraction", "label"]
    public static let commandKeys = ["command", "timeout", "env", "workdir", "metrics"]
    public static let parameterKeys = ["float", "int", "choice", "fixed", "log", "step", "when"]

    /// Loads the scenario at `path`.
    /// - Parameter checkFiles: whether data files and directories it names must exist (off when
    ///   a stored scenario is re-read for a report, where only its model matters).
    public static func load(path: String, checkFiles: Bool = true) throws(ScenarioError) -> Scenario {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScenarioError(file: path, line: 1, column: 1, field: "", message: "is a directory, not a scenario file",
                                hint: "give the path of a scenario YAML file, e.g. Scenarios/quickstart.yaml")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ScenarioError(file: path, line: 1, column: 1, field: "",
                                message: exists ? "cannot read the file" : "no such file",
                                hint: exists ? "check its permissions" : "give the path of a scenario YAML file, e.g. Scenarios/quickstart.yaml")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: 1, column: 1, field: "", message: "the file is not UTF-8 text", hint: "save it as UTF-8")
        }
        return try parse(text, path: path, checkFiles: checkFiles)
    }

    /// Parses scenario text; `path` is used for messages and to resolve relative paths.
    public static func parse(_ text: String, path: String = "<scenario>", checkFiles: Bool = true) throws(ScenarioError) -> Scenario {
        var reader = Reader(file: path, text: text, checkFiles: checkFiles)
        return try reader.scenario()
    }
}

/// A YAML node with where it came from.
struct Located {
    let node: Node
    let field: String
}

struct Reader {
    let file: String
    let text: String
    let checkFiles: Bool
    var directory: String { (file as NSString).deletingLastPathComponent }

    init(file: String, text: String, checkFiles: Bool) {
        self.file = file
        self.text = text
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

    // MARK: the scenario

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
            throw error(root, "evaluator", "missing", hint: "add e.g. 'evaluator: {benchmark: zdt1}', 'evaluator: {builtin: mlp, dataset: data/digits.csv}' or 'evaluator: {command: [python3, train.py]}'")
        }
        let evaluator = try evaluatorSpec(evalNode)

        // Space: the benchmark brings its own; a scenario may still fix or narrow it.
        var space: SearchSpace
        if let (_, spaceNode) = find("space") {
            if case .benchmark(let b) = evaluator {
                throw error(spaceNode, "space", "a benchmark brings its own search space (\(b.variables) variables x1…x\(b.variables))",
                            hint: "remove 'space:', or set 'variables:' under 'evaluator:'")
            }
            space = try searchSpace(spaceNode)
        } else if case .benchmark(let b) = evaluator {
            space = b.space
        } else {
            throw error(root, "space", "missing", hint: "add a search space, e.g. 'space: {units: {choice: [16, 32, 64]}, learning_rate: {float: [1.0e-4, 1.0e-1], log: true}}'")
        }
        if space.count == 0 {
            throw error(find("space")?.value, "space", "is empty", hint: "declare at least one parameter")
        }

        let resources = try find("resources").map { (_, v) throws(ScenarioError) in try resourceFormulas(v, space: space, evaluator: evaluator) } ?? []

        var produced = evaluator.metrics
        if produced != nil { produced! += resources.map(\.metric) }

        guard let (_, objNode) = find("objectives") else {
            throw error(root, "objectives", "missing", hint: "add e.g. 'objectives: [{metric: accuracy, goal: maximize}, {metric: params, goal: minimize}]'")
        }
        let objectives = try objectiveList(objNode, produced: produced)
        let constraints = try find("constraints").map { (_, v) throws(ScenarioError) in try constraintList(v, produced: produced) } ?? []

        var search = SearchSettings()
        if case .benchmark = evaluator {
            search.population = 100
            search.trials = 25_000
        }
        if let (_, s) = find("search") { search = try searchSettings(s, defaults: search) }

        return Scenario(name: name, source: text, path: file, space: space, objectives: objectives,
                        constraints: constraints, resources: resources, evaluator: evaluator, search: search)
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

    // MARK: evaluator

    func evaluatorSpec(_ node: Node) throws(ScenarioError) -> EvaluatorSpec {
        let example = "{benchmark: zdt1} or {builtin: mlp, dataset: data/digits.csv} or {command: [python3, train.py]}"
        let pairs = try mapping(node, "evaluator", allowed: nil, example: example)
        let keys = pairs.map(\.key)
        func v(_ k: String) -> Node? { pairs.first { $0.key == k }?.value }
        let kinds = ["benchmark", "builtin", "command"].filter(keys.contains)
        if kinds.count != 1 {
            throw error(node, "evaluator", kinds.isEmpty ? "says neither 'benchmark:', 'builtin:' nor 'command:'" : "names more than one kind (\(kinds.joined(separator: ", ")))",
                        hint: "write exactly one of: \(example)")
        }
        switch kinds[0] {
        case "benchmark":
            _ = try mapping(node, "evaluator", allowed: ScenarioLoader.benchmarkKeys, example: "{benchmark: zdt1, variables: 30}")
            let nameNode = v("benchmark")!
            let raw = try string(nameNode, "evaluator.benchmark", example: "zdt1").lowercased()
            guard let problem = BenchmarkSpec.Problem(rawValue: raw) else {
                let all = BenchmarkSpec.Problem.allCases.map(\.rawValue)
                throw error(nameNode, "evaluator.benchmark", "unknown benchmark '\(raw)'",
                            hint: (closest(to: raw, in: all).map { "did you mean '\($0)'? " } ?? "") + "known: \(all.joined(separator: ", "))")
            }
            var m: Int? = nil
            if let on = v("objectives") {
                let value = try positiveInt(on, "evaluator.objectives", example: "objectives: 3")
                if problem.isZDT && value != 2 { throw error(on, "evaluator.objectives", "ZDT problems have exactly 2 objectives", hint: "remove it, or use a DTLZ problem") }
                if !problem.isZDT && value < 2 { throw error(on, "evaluator.objectives", "DTLZ problems need at least 2 objectives", hint: "write objectives: 3") }
                m = value
            }
            var n: Int? = nil
            if let vn = v("variables") {
                let value = try positiveInt(vn, "evaluator.variables", example: "variables: 30")
                let minimum = problem.minimumVariables(objectives: m ?? problem.defaultObjectives)
                if value < minimum { throw error(vn, "evaluator.variables", "\(problem.rawValue) needs at least \(minimum) variables", hint: "write variables: \(problem.defaultVariables(objectives: m ?? problem.defaultObjectives))") }
                n = value
            }
            return .benchmark(BenchmarkSpec(problem: problem, variables: n, objectives: m))
        case "builtin":
            _ = try mapping(node, "evaluator", allowed: ScenarioLoader.mlpKeys, example: "{builtin: mlp, dataset: data/digits.csv}")
            let kindNode = v("builtin")!
            let kind = try string(kindNode, "evaluator.builtin", example: "mlp")
            guard kind == "mlp" else { throw error(kindNode, "evaluator.builtin", "unknown built-in evaluator '\(kind)'", hint: "the built-in evaluator is 'mlp'") }
            guard let dn = v("dataset") else {
                throw error(node, "evaluator.dataset", "missing", hint: "add 'dataset: data/digits.csv' (a CSV file with a header and a label column)")
            }
            let dataset = try existingFile(dn, "evaluator.dataset")
            let validation = try v("validation_dataset").map { n throws(ScenarioError) in try existingFile(n, "evaluator.validation_dataset") }
            var fraction = 0.2
            if let fn = v("validation_fraction") {
                fraction = try double(fn, "evaluator.validation_fraction", example: "validation_fraction: 0.2")
                if !(fraction > 0 && fraction < 1) { throw error(fn, "evaluator.validation_fraction", "must be strictly between 0 and 1, found \(formatNumber(fraction))", hint: "write validation_fraction: 0.2") }
            }
            let label = try v("label").map { n throws(ScenarioError) in try string(n, "evaluator.label", example: "label: label") } ?? "label"
            return .mlp(MLPSpec(dataset: dataset, validationDataset: validation, validationFraction: fraction, label: label))
        default:
            _ = try mapping(node, "evaluator", allowed: ScenarioLoader.commandKeys, example: "{command: [python3, train.py], timeout: 10m}")
            let cn = v("command")!
            let command: [String]
            if case .scalar = cn {
                throw error(cn, "evaluator.command", "must be a list of program and arguments (no shell is used)",
                            hint: "write e.g. command: [python3, train.py, --epochs, \"{epochs}\"]")
            }
            command = try sequence(cn, "evaluator.command", example: "[python3, train.py]").map { n throws(ScenarioError) in
                try scalar(n, "evaluator.command", example: "[python3, train.py]").string
            }
            if command.isEmpty || command[0].isEmpty { throw error(cn, "evaluator.command", "is empty", hint: "write e.g. command: [python3, train.py]") }
            let timeout = try v("timeout").map { n throws(ScenarioError) in
                let t = try quantity(n, "evaluator.timeout", example: "timeout: 10m")
                if t <= 0 { throw error(n, "evaluator.timeout", "must be positive", hint: "write e.g. timeout: 10m") }
                return t
            }
            var env: [String: String] = [:]
            if let en = v("env") {
                for (k, _, val) in try mapping(en, "evaluator.env", allowed: nil, example: "{CUDA_VISIBLE_DEVICES: \"0\"}") {
                    env[k] = try scalar(val, "evaluator.env.\(k)", example: "\"0\"").string
                }
            }
            var workdir: String? = nil
            if let wn = v("workdir") {
                let w = try string(wn, "evaluator.workdir", example: "workdir: .")
                let resolved = resolve(w)
                var isDir: ObjCBool = false
                guard !checkFiles || (FileManager.default.fileExists(atPath: resolved, isDirectory: &isDir) && isDir.boolValue) else {
                    throw error(wn, "evaluator.workdir", "no such directory '\(w)' (looked at \(resolved))", hint: "give a directory, relative to the scenario file")
                }
                workdir = resolved
            }
            let metrics = try v("metrics").map { n throws(ScenarioError) in
                try sequence(n, "evaluator.metrics", example: "[val_loss, accuracy]").map { m throws(ScenarioError) in try string(m, "evaluator.metrics", example: "val_loss") }
            }
            return .command(CommandSpec(command: command, timeout: timeout, environment: env, workdir: workdir, metrics: metrics))
        }
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

    // MARK: space

    func searchSpace(_ node: Node) throws(ScenarioError) -> SearchSpace {
        let pairs = try mapping(node, "space", allowed: nil, example: "{units: {choice: [16, 32, 64]}, dropout: {float: [0.0, 0.5]}}")
        var parameters: [Parameter] = []
        for (name, keyNode, value) in pairs {
            let field = "space.\(name)"
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw error(keyNode, field, "'\(name)' is not a valid parameter name", hint: "use letters, digits and underscores, starting with a letter (e.g. learning_rate)")
            }
            parameters.append(try parameter(name, value, field: field, declared: parameters))
        }
        return SearchSpace(parameters: parameters)
    }

    func parameter(_ name: String, _ node: Node, field: String, declared: [Parameter]) throws(ScenarioError) -> Parameter {
        // A bare scalar is a fixed value.
        if case .scalar = node {
            return Parameter(name: name, domain: .fixed(try value(node, field)))
        }
        let example = "{float: [0.0, 0.5]}, {int: [1, 4]}, {choice: [16, 32, 64]} or {fixed: 10}"
        let pairs = try mapping(node, field, allowed: ScenarioLoader.parameterKeys, example: example)
        func v(_ k: String) -> Node? { pairs.first { $0.key == k }?.value }
        let kinds = ["float", "int", "choice", "fixed"].filter { k in pairs.contains { $0.key == k } }
        guard kinds.count == 1 else {
            throw error(node, field, kinds.isEmpty ? "says neither float, int, choice nor fixed" : "names more than one kind (\(kinds.joined(separator: ", ")))",
                        hint: "write exactly one of \(example)")
        }
        let kind = kinds[0]
        let logNode = v("log"), stepNode = v("step")
        let log = try logNode.map { n throws(ScenarioError) in try bool(n, "\(field).log") } ?? false
        if kind == "choice" || kind == "fixed" {
            if let logNode { throw error(logNode, "\(field).log", "'log' applies to float and int ranges only", hint: "remove it") }
            if let stepNode { throw error(stepNode, "\(field).step", "'step' applies to float and int ranges only", hint: "remove it") }
        }
        let domain: Domain
        switch kind {
        case "float", "int":
            let rn = v(kind)!
            let rangeExample = kind == "float" ? "\(kind): [0.0, 0.5]" : "\(kind): [1, 4]"
            let items = try sequence(rn, "\(field).\(kind)", example: rangeExample)
            guard items.count == 2 else {
                throw error(rn, "\(field).\(kind)", "a range needs exactly two bounds, found \(items.count)", hint: "write \(rangeExample)")
            }
            if kind == "float" {
                let lo = try double(items[0], "\(field).\(kind)", example: rangeExample)
                let hi = try double(items[1], "\(field).\(kind)", example: rangeExample)
                if lo > hi { throw error(rn, "\(field).float", "the range is inverted: \(formatNumber(lo)) > \(formatNumber(hi))", hint: "write float: [\(formatNumber(hi)), \(formatNumber(lo))]") }
                if lo == hi { throw error(rn, "\(field).float", "the range is empty (both bounds are \(formatNumber(lo)))", hint: "widen it, or write fixed: \(formatNumber(lo))") }
                if log && lo <= 0 { throw error(rn, "\(field).float", "a log range needs a lower bound above 0, found \(formatNumber(lo))", hint: "write e.g. float: [1.0e-6, \(formatNumber(hi))], log: true") }
                var step: Double? = nil
                if let stepNode {
                    let s = try double(stepNode, "\(field).step", example: "step: 0.1")
                    if s <= 0 || s > hi - lo { throw error(stepNode, "\(field).step", "must be positive and at most the range's width (\(formatNumber(hi - lo))), found \(formatNumber(s))", hint: "write e.g. step: \(formatNumber((hi - lo) / 10))") }
                    if log { throw error(stepNode, "\(field).step", "'step' and 'log' cannot be combined", hint: "remove one of them") }
                    step = s
                }
                domain = .float(lower: lo, upper: hi, log: log, step: step)
            } else {
                let lo = try int(items[0], "\(field).int", example: rangeExample)
                let hi = try int(items[1], "\(field).int", example: rangeExample)
                let exact = 1 << 53   // values are stored as doubles: integers beyond 2^53 are not exact
                if abs(lo) > exact || abs(hi) > exact {
                    throw error(rn, "\(field).int", "bounds must lie within ±2^53 (9007199254740992)", hint: "narrow the range, or use a float range with log: true")
                }
                if lo > hi { throw error(rn, "\(field).int", "the range is inverted: \(lo) > \(hi)", hint: "write int: [\(hi), \(lo)]") }
                if log && lo <= 0 { throw error(rn, "\(field).int", "a log range needs a lower bound of at least 1, found \(lo)", hint: "write e.g. int: [1, \(hi)], log: true") }
                var step = 1
                if let stepNode {
                    step = try positiveInt(stepNode, "\(field).step", example: "step: 2")
                    if lo < hi && step > hi - lo {
                        throw error(stepNode, "\(field).step", "must be at most the range's width (\(hi - lo)), found \(step)", hint: "write e.g. step: \(max(1, (hi - lo) / 4))")
                    }
                    if log && step != 1 { throw error(stepNode, "\(field).step", "'step' and 'log' cannot be combined", hint: "remove one of them") }
                }
                if lo == hi { throw error(rn, "\(field).int", "the range holds a single value (\(lo))", hint: "widen it, or write fixed: \(lo)") }
                domain = .int(lower: lo, upper: hi, log: log, step: step)
            }
        case "choice":
            let cn = v("choice")!
            let items = try sequence(cn, "\(field).choice", example: "choice: [16, 32, 64]")
            if items.isEmpty { throw error(cn, "\(field).choice", "has no values", hint: "list at least two, e.g. choice: [relu, tanh]") }
            var values: [Value] = []
            for item in items {
                let val = try value(item, "\(field).choice")
                if values.contains(val) || (val.number != nil && values.contains { $0.number == val.number }) { throw error(item, "\(field).choice", "the value \(val) is listed twice", hint: "list each value once") }
                values.append(val)
            }
            let numbers = values.compactMap(\.number)
            if numbers.count == values.count {
                domain = .ordinal(numbers.sorted())
            } else if numbers.isEmpty {
                domain = .categorical(values)
            } else {
                throw error(cn, "\(field).choice", "mixes numbers and names", hint: "use only numbers (ordered choices) or only names (unordered choices); quote numbers to treat them as names")
            }
        default:
            domain = .fixed(try value(v("fixed")!, "\(field).fixed"))
        }
        var condition: Condition? = nil
        if let wn = v("when") { condition = try self.condition(wn, field: "\(field).when", declared: declared, owner: name) }
        return Parameter(name: name, domain: domain, condition: condition)
    }

    func condition(_ node: Node, field: String, declared: [Parameter], owner: String) throws(ScenarioError) -> Condition {
        let pairs = try mapping(node, field, allowed: nil, example: "when: {optimizer: sgd}")
        if pairs.isEmpty { throw error(node, field, "is empty", hint: "write e.g. when: {optimizer: sgd}") }
        var clauses: [Condition.Clause] = []
        for (parent, keyNode, valueNode) in pairs {
            guard let index = declared.firstIndex(where: { $0.name == parent }) else {
                let hint = parent == owner ? "a parameter cannot depend on itself"
                    : (closest(to: parent, in: declared.map(\.name)).map { "did you mean '\($0)'? " } ?? "")
                        + "a condition names a parameter declared above this one (declared so far: \(declared.map(\.name).joined(separator: ", ")))"
                throw error(keyNode, "\(field).\(parent)", "unknown parameter '\(parent)'", hint: hint)
            }
            let domain = declared[index].domain
            let items: [Node]
            if case .sequence(let s) = valueNode { items = Array(s) } else { items = [valueNode] }
            if items.isEmpty { throw error(valueNode, "\(field).\(parent)", "lists no values", hint: "write e.g. \(parent): [a, b]") }
            var allowed: Set<Double> = []
            for item in items {
                let val = try value(item, "\(field).\(parent)")
                guard let encoded = encode(val, in: domain) else {
                    throw error(item, "\(field).\(parent)", "'\(parent)' never takes the value \(val)", hint: "use one of its values: \(describeValues(domain))")
                }
                allowed.insert(encoded)
            }
            clauses.append(Condition.Clause(parameter: index, allowed: allowed))
        }
        return Condition(clauses: clauses)
    }

    func encode(_ v: Value, in domain: Domain) -> Double? {
        switch domain {
        case .categorical(let values): return values.firstIndex(of: v).map(Double.init)
        case .ordinal(let values): return v.number.flatMap { n in values.firstIndex(of: n).map(Double.init) }
        case .int(let lo, let hi, _, let step):
            guard case .int(let i) = v, i >= lo, i <= hi, (i - lo) % step == 0 else { return nil }
            return Double(i)
        case .fixed(let f): return f == v ? 0 : nil
        case .float: return nil
        }
    }

    func describeValues(_ domain: Domain) -> String {
        switch domain {
        case .categorical(let v): return v.map(\.description).joined(separator: ", ")
        case .ordinal(let v): return v.map(formatNumber).joined(separator: ", ")
        case .int(let lo, let hi, _, _): return "whole numbers from \(lo) to \(hi)"
        case .fixed(let f): return f.description
        case .float: return "a float range cannot be used in a condition; use a choice"
        }
    }

    // MARK: resources

    func resourceFormulas(_ node: Node, space: SearchSpace, evaluator: EvaluatorSpec) throws(ScenarioError) -> [ResourceFormula] {
        let pairs = try mapping(node, "resources", allowed: nil, example: "{params: \"64*units + units\"}")
        var out: [ResourceFormula] = []
        for (metric, _, value) in pairs {
            let field = "resources.\(metric)"
            if let produced = evaluator.metrics, produced.contains(metric) {
                throw error(value, field, "the evaluator already reports '\(metric)'", hint: "name the formula differently, or remove it")
            }
            let s = try scalar(value, field, example: "\"64*units + units\"")
            let expression: Expression
            do { expression = try Expression.parse(s.string) } catch {
                throw self.error(value, field, "cannot read the formula: \(error.message) at character \(error.offset + 1)",
                                 hint: "use numbers, parameter names, + - * / ^, parentheses, min, max, ceil, floor")
            }
            for n in expression.names {
                guard let i = space.index(of: n) else {
                    throw error(value, field, "the formula names '\(n)', which is not a parameter",
                                hint: (closest(to: n, in: space.names).map { "did you mean '\($0)'? " } ?? "") + "parameters: \(space.names.joined(separator: ", "))")
                }
                switch space[i].domain {
                case .float(_, _, _, nil):
                    throw error(value, field, "the formula names '\(n)', a continuous parameter",
                                hint: "a resource formula may only use int, numeric choice and fixed parameters (known before training)")
                case .categorical:
                    throw error(value, field, "the formula names '\(n)', whose choices are names, not numbers",
                                hint: "a resource formula may only use int, numeric choice and fixed parameters")
                default: break
                }
            }
            out.append(ResourceFormula(metric: metric, expression: expression, space: space))
        }
        return out
    }

    // MARK: objectives and constraints

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
            for (key, _, bn) in bounds {
                let b = try quantity(bn, "\(field).\(key)", example: key == "max" ? "max: 2MB" : "min: 0.9")
                out.append(OutcomeConstraint(metric: metric, kind: key == "max" ? .atMost : .atLeast, bound: b))
            }
        }
        return out
    }

    // MARK: search

    func searchSettings(_ node: Node, defaults: SearchSettings) throws(ScenarioError) -> SearchSettings {
        var s = defaults
        let pairs = try mapping(node, "search", allowed: ScenarioLoader.searchKeys, example: "{algorithm: nsga2, population: 24, trials: 240, seed: 7}")
        var trialsNode: Node? = nil, generationsNode: Node? = nil
        for (key, _, v) in pairs {
            let field = "search.\(key)"
            switch key {
            case "algorithm":
                let a = try string(v, field, example: "algorithm: nsga2")
                guard let alg = SearchSettings.Algorithm(rawValue: a.lowercased().replacingOccurrences(of: "-", with: "")) else {
                    let all = SearchSettings.Algorithm.allCases.map(\.rawValue)
                    throw error(v, field, "unknown algorithm '\(a)'", hint: (closest(to: a, in: all).map { "did you mean '\($0)'? " } ?? "") + "write one of: \(all.joined(separator: ", "))")
                }
                s.algorithm = alg
            case "population":
                s.population = try positiveInt(v, field, example: "population: 24")
                if s.population < 2 { throw error(v, field, "must be at least 2", hint: "write population: 24") }
            case "trials": trialsNode = v
            case "generations": generationsNode = v
            case "seed":
                let seed = try int(v, field, example: "seed: 7")
                if seed < 0 { throw error(v, field, "must be 0 or more", hint: "write seed: 7") }
                s.seed = UInt64(seed)
            case "workers": s.workers = try positiveInt(v, field, example: "workers: 2")
            case "crossover", "mutation":
                let sub = try mapping(v, field, allowed: ["probability", "eta"], example: "{probability: 0.9, eta: 15}")
                for (k, _, x) in sub {
                    let value = try double(x, "\(field).\(k)", example: k == "eta" ? "eta: 15" : "probability: 0.9")
                    if k == "probability" && !(0...1).contains(value) { throw error(x, "\(field).\(k)", "must be between 0 and 1, found \(formatNumber(value))", hint: "write probability: 0.9") }
                    if k == "eta" && value < 0 { throw error(x, "\(field).\(k)", "must be 0 or more, found \(formatNumber(value))", hint: "write eta: 15") }
                    switch (key, k) {
                    case ("crossover", "probability"): s.crossoverProbability = value
                    case ("crossover", _): s.crossoverEta = value
                    case ("mutation", "probability"): s.mutationProbability = value
                    default: s.mutationEta = value
                    }
                }
            case "grid_points":
                s.gridPoints = try positiveInt(v, field, example: "grid_points: 5")
                if s.gridPoints < 2 { throw error(v, field, "must be at least 2", hint: "write grid_points: 5") }
            default: break
            }
        }
        if let t = trialsNode, let g = generationsNode {
            throw error(g, "search.generations", "give either 'trials' or 'generations', not both", hint: "remove one (trials = generations × population): trials at \(t.mark?.description ?? "?")")
        }
        let limit = SearchSettings.maximumTrials
        if let t = trialsNode {
            s.trials = try positiveInt(t, "search.trials", example: "trials: 240")
            if s.trials > limit { throw error(t, "search.trials", "at most \(limit) trials, found \(s.trials)", hint: "write e.g. trials: 240") }
        }
        if let g = generationsNode {
            let generations = try positiveInt(g, "search.generations", example: "generations: 250")
            let (total, overflow) = generations.multipliedReportingOverflow(by: s.population)
            if overflow || total > limit {
                throw error(g, "search.generations", "\(generations) generations of \(s.population) make more than \(limit) trials", hint: "write e.g. generations: 250")
            }
            s.trials = total
        }
        return s
    }
}
