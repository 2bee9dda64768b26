import Hyperfront

/// Builds the evaluator a scenario's `evaluator:` section asks for.
public enum EvaluatorFactory {
    public struct Made: Sendable {
        public var evaluator: any Evaluator
        /// Resource formulas the evaluator knows exactly (e.g. the MLP's parameter count).
        public var resources: [ResourceFormula]
    }

    public struct EvaluatorError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    public static func make(_ scenario: Scenario) throws(EvaluatorError) -> Made {
        switch scenario.evaluator {
        case .benchmark(let spec):
            return Made(evaluator: BenchmarkEvaluator(spec: spec), resources: [])
        case .mlp(let spec):
            do {
                let mlp = try MLPEvaluator(spec: spec, space: scenario.space)
                return Made(evaluator: mlp, resources: try mlp.resourceFormulas())
            } catch { throw EvaluatorError(error.description) }
        case .command(let spec):
            let provided = Set(scenario.resources.map(\.metric))
            var required: [String] = []
            for m in scenario.objectives.map(\.metric) + scenario.constraints.map(\.metric)
            where !provided.contains(m) && !required.contains(m) { required.append(m) }
            return Made(evaluator: try CommandEvaluator(spec: spec, space: scenario.space, required: required), resources: [])
        }
    }
}
