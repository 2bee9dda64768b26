import Hyperfront

/// Bayesian optimisation in a scenario: `search: {algorithm: bayes, batch: 4}`. `batch` is the
/// number of configurations proposed at once; it defaults to the scenario's own `workers`
/// (as written in the file — a `--workers` on the command line never changes it, so a seed
/// gives the same trials with any number of workers).
public struct BayesPlugin: SamplerPlugin {
    public init() {}
    public var key: String { SearchSettings.Algorithm.bayes.rawValue }

    static let batch = Setting("batch", .int(1...1024), default: nil, example: "batch: 4")
    static let initialTrials = Setting("initial_trials", .int(1...100_000), default: nil, example: "initial_trials: 10")

    public var settings: [Setting] { [Self.batch, Self.initialTrials] }

    public func check(_ search: inout SearchSettings, given: GivenSettings) throws(ScenarioError) {
        let algorithm = search.algorithm
        if (algorithm == .bayes || algorithm == .auto) && search.options[Self.batch.key] == nil {
            search.options[Self.batch.key] = .int(search.workers)
        }
    }

    public func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler {
        try makeSampler(space: space, search: search, budget: nil)
    }

    public func makeSampler(space: SearchSpace, search: SearchSettings, budget: (any ProposalRepair)?) throws(PluginError) -> any Sampler {
        BayesSampler(space: space, settings: Self.settings(search), budget: budget)
    }

    static func settings(_ search: SearchSettings) -> BayesSettings {
        var s = BayesSettings()
        s.batch = search.value(batch)?.int ?? 1
        s.initialTrials = search.value(initialTrials)?.int
        return s
    }
}

extension SearchSettings.Algorithm {
    public static let bayes: Self = "bayes"
}

extension SearchSettings {
    /// Bayesian search: configurations proposed at once.
    public var batch: Int {
        get { value(BayesPlugin.batch)?.int ?? 1 }
        set { options[BayesPlugin.batch.key] = .int(newValue) }
    }
}
