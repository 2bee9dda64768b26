import Evaluators
import Hyperfront
import Samplers

/// The first release's way to build one part of a run, for callers that need only that part;
/// `StudySetup.make` builds them all.
public enum SamplerFactory {
    public static func make(_ settings: SearchSettings, space: SearchSpace, registry: PluginRegistry = .standard) throws(PluginError) -> any Sampler {
        guard let plugin = registry.sampler(settings.algorithm) else {
            let (message, hint) = registry.unknownAlgorithm(settings.algorithm.rawValue)
            throw PluginError("search.algorithm: \(message); \(hint)")
        }
        return try plugin.makeSampler(space: space, search: settings)
    }
}

extension EvaluatorFactory {
    public static func make(_ scenario: Scenario, registry: PluginRegistry = .standard) throws(PluginError) -> MadeEvaluator {
        guard let plugin = registry.evaluator(scenario.evaluator.key) else {
            throw PluginError("evaluator: unknown evaluator '\(scenario.evaluator.key)'; known: \(registry.evaluatorKeys.joined(separator: ", "))")
        }
        return try plugin.makeEvaluator(scenario)
    }
}
