import Foundation
import Hyperfront

/// A user's command in a scenario: `evaluator: {command: [python3, train.py], timeout: 10m}`.
public struct CommandPlugin: EvaluatorPlugin {
    public init() {}
    public var key: String { "command" }
    public var keys: [String] { ["command", "timeout", "env", "workdir", "metrics", "persistent"] }
    public var example: String { "{command: [python3, train.py], timeout: 10m}" }

    /// The longest single argument or environment entry Linux passes to a program
    /// (MAX_ARG_STRLEN, 32 pages of 4 KiB): the parameters' JSON in `HYPERFRONT_PARAMS` and
    /// each argument with its placeholders filled must fit, or every trial fails to start.
    public static let maximumArgumentBytes = 131_072

    public func parse(_ section: ScenarioNode) throws(ScenarioError) -> any EvaluatorSettings {
        let cn = section["command"]!
        if cn.isScalar {
            throw cn.error("must be a list of program and arguments (no shell is used)",
                           hint: "write e.g. command: [python3, train.py, --epochs, \"{epochs}\"]")
        }
        let command = try cn.list(example: "[python3, train.py]").map { n throws(ScenarioError) in try n.text(example: "[python3, train.py]") }
        if command.isEmpty || command[0].isEmpty { throw cn.error("is empty", hint: "write e.g. command: [python3, train.py]") }
        let timeout = try section["timeout"].map { n throws(ScenarioError) in
            let t = try n.quantity(example: "timeout: 10m")
            if t <= 0 { throw n.error("must be positive", hint: "write e.g. timeout: 10m") }
            return t
        }
        var env: [String: String] = [:]
        if let en = section["env"] {
            for (k, val) in try en.pairs(example: "{CUDA_VISIBLE_DEVICES: \"0\"}") { env[k] = try val.text(example: "\"0\"") }
        }
        let workdir = try section["workdir"].map { n throws(ScenarioError) in try n.existingDirectory(example: "workdir: .") }
        let metrics = try section["metrics"].map { n throws(ScenarioError) in
            try n.list(example: "[val_loss, accuracy]").map { m throws(ScenarioError) in try m.string(example: "val_loss") }
        }
        let persistent = try section["persistent"].map { n throws(ScenarioError) in try n.bool() } ?? false
        return CommandSpec(command: command, timeout: timeout, environment: env, workdir: workdir, metrics: metrics, persistent: persistent)
    }

    /// Refuses a space whose parameters cannot reach the command: their JSON, or an argument
    /// with placeholders filled, may exceed `maximumArgumentBytes`.
    public func check(_ settings: any EvaluatorSettings, space: SearchSpace, section: ScenarioNode) throws(ScenarioError) {
        let limit = Self.maximumArgumentBytes - "HYPERFRONT_PARAMS=".utf8.count - 1
        let widest = space.parameters.map { Self.longestValue($0.domain) }
        var json = 2
        for (p, w) in zip(space.parameters, widest) { json += jsonQuote(p.name).utf8.count + 2 + w + 2 }
        if json > limit {
            throw section.error(about: "command",
                                "the \(space.count) parameters' values take up to \(json) bytes as JSON, more than the \(limit) a command's environment variable HYPERFRONT_PARAMS may hold",
                                hint: "search fewer parameters (or shorter names and choice values) per command; fixed values can live in the command's own arguments")
        }
        let width = Dictionary(zip(space.names, widest), uniquingKeysWith: { a, _ in a })
        for arg in (settings as! CommandSpec).command where arg.contains("{") {
            var bytes = arg.utf8.count
            for name in CommandEvaluator.placeholders(in: arg) { bytes += width[name] ?? 0 }
            if bytes > Self.maximumArgumentBytes - 1 {
                throw section.error(about: "command", "the argument '\(arg.prefix(40))…' may grow to \(bytes) bytes, more than the \(Self.maximumArgumentBytes - 1) one argument may hold",
                                    hint: "pass fewer placeholders in one argument, or read the parameters from HYPERFRONT_PARAMS or stdin")
            }
        }
    }

    /// The longest JSON text a value of `domain` may take.
    static func longestValue(_ domain: Domain) -> Int {
        switch domain {
        case .float: return 24   // e.g. -2.2250738585072014e-308
        case .int(let lo, let hi, _, _): return max(String(lo).utf8.count, String(hi).utf8.count)
        case .ordinal(let v): return v.map { Domain.ordinal([$0]).decode(0).json.utf8.count }.max() ?? 0
        case .categorical(let v): return v.map { $0.json.utf8.count }.max() ?? 0
        case .fixed(let v): return v.json.utf8.count
        }
    }

    public func makeEvaluator(_ scenario: Scenario) throws(PluginError) -> MadeEvaluator {
        let provided = Set(scenario.resources.map(\.metric))
        var required: [String] = []
        for m in scenario.objectives.map(\.metric) + scenario.constraints.map(\.metric)
        where !provided.contains(m) && !required.contains(m) { required.append(m) }
        let spec = scenario.evaluator.settings as! CommandSpec
        if spec.persistent == true {
            return MadeEvaluator(evaluator: try PersistentCommandEvaluator(spec: spec, space: scenario.space, required: required))
        }
        let progressKey = scenario.earlyStopping.algorithm == .none ? nil : scenario.earlyStopping.resource
        return MadeEvaluator(evaluator: try CommandEvaluator(spec: spec, space: scenario.space, required: required, progressKey: progressKey))
    }

    public func decodeSettings(from decoder: any Decoder) throws -> any EvaluatorSettings {
        try CommandSpec(from: decoder)
    }
}
