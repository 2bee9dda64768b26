import Hyperfront

/// Benchmark problems in a scenario: `evaluator: {benchmark: zdt1, variables: 30, objectives: 2}`.
public struct BenchmarkPlugin: EvaluatorPlugin {
    public init() {}
    public var key: String { "benchmark" }
    public var keys: [String] { ["benchmark", "variables", "objectives"] }
    public var example: String { "{benchmark: zdt1, variables: 30}" }

    /// The most variables a problem may have: each trial stores and evaluates all of them
    /// (10^8 variables grew to 22.9 GB before the study file refused the row).
    public static let maximumVariables = 10_000

    public func parse(_ section: ScenarioNode) throws(ScenarioError) -> any EvaluatorSettings {
        let nameNode = section["benchmark"]!
        let raw = try nameNode.string(example: "zdt1").lowercased()
        guard let problem = BenchmarkSpec.Problem(rawValue: raw) else {
            let all = BenchmarkSpec.Problem.allCases.map(\.rawValue)
            throw nameNode.error("unknown benchmark '\(raw)'",
                                 hint: (closest(to: raw, in: all).map { "did you mean '\($0)'? " } ?? "") + "known: \(all.joined(separator: ", "))")
        }
        var m: Int? = nil
        if let on = section["objectives"] {
            let value = try on.positiveInt(example: "objectives: 3")
            if problem.isZDT && value != 2 { throw on.error("ZDT problems have exactly 2 objectives", hint: "remove it, or use a DTLZ problem") }
            if !problem.isZDT && value < 2 { throw on.error("DTLZ problems need at least 2 objectives", hint: "write objectives: 3") }
            if value > Self.maximumVariables { throw on.error("at most \(Self.maximumVariables) objectives, found \(value)", hint: "write objectives: 3") }
            m = value
        }
        let objectives = m ?? problem.defaultObjectives
        var n: Int? = nil
        if let vn = section["variables"] {
            let value = try vn.positiveInt(example: "variables: 30")
            let minimum = problem.minimumVariables(objectives: objectives)
            if value < minimum { throw vn.error("\(problem.rawValue) needs at least \(minimum) variables", hint: "write variables: \(problem.defaultVariables(objectives: objectives))") }
            if value > Self.maximumVariables {
                throw vn.error("at most \(Self.maximumVariables) variables, found \(value)",
                               hint: "write e.g. variables: \(problem.defaultVariables(objectives: objectives)) (the literature's setting)")
            }
            n = value
        }
        if n == nil && problem.defaultVariables(objectives: objectives) > Self.maximumVariables {
            throw section["objectives"]!.error("\(objectives) objectives make \(problem.defaultVariables(objectives: objectives)) variables, more than \(Self.maximumVariables)",
                                               hint: "write fewer objectives, e.g. objectives: 3")
        }
        return BenchmarkSpec(problem: problem, variables: n, objectives: m)
    }

    public func makeEvaluator(_ scenario: Scenario) throws(PluginError) -> MadeEvaluator {
        MadeEvaluator(evaluator: BenchmarkEvaluator(spec: scenario.evaluator.settings as! BenchmarkSpec))
    }

    public func decodeSettings(from decoder: any Decoder) throws -> any EvaluatorSettings {
        try BenchmarkSpec(from: decoder)
    }
}
