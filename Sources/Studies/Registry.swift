import Evaluators
import Hyperfront
import Samplers
import Schedulers

/// Every sampler, evaluator and early-stopping scheduler a scenario may name: the one
/// registration list. A new sampler is its folder in Sources/Samplers (its `SamplerPlugin`
/// beside it) plus one line here; likewise a scheduler in Sources/Schedulers.
extension PluginRegistry {
    public static let standard = PluginRegistry(
        samplers: [
            NSGA2Plugin(),
            RandomSamplerPlugin(),
            GridSamplerPlugin(),
            BayesPlugin(),
            AutoSamplerPlugin(),
        ],
        evaluators: [
            BenchmarkPlugin(),
            MLPPlugin(),
            CommandPlugin(),
        ],
        schedulers: [
            SuccessiveHalvingPlugin.asha,
            SuccessiveHalvingPlugin.hyperband,
        ])
}

/// Scenario loading with the standard registry.
extension ScenarioLoader {
    /// Loads the scenario at `path` (see `load(path:registry:checkFiles:)`).
    public static func load(path: String, checkFiles: Bool = true) throws(ScenarioError) -> Scenario {
        try load(path: path, registry: .standard, checkFiles: checkFiles)
    }

    /// Parses scenario text (see `parse(_:path:registry:checkFiles:)`).
    public static func parse(_ text: String, path: String = "<scenario>", checkFiles: Bool = true) throws(ScenarioError) -> Scenario {
        try parse(text, path: path, registry: .standard, checkFiles: checkFiles)
    }
}
