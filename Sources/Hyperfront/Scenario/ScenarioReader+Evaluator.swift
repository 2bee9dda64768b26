import Foundation
import Yams

/// The `evaluator:` section, and paths relative to the scenario file.
extension ScenarioReader {
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
}
