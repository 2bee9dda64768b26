import Hyperfront

/// `search: {algorithm: auto}`: the Bayesian sampler for budgets up to
/// `bayesianTrialLimit` trials, NSGA-II beyond — where a model-based proposal's cost (a model
/// fit and an acquisition search per trial) stops paying for itself against NSGA-II's
/// microseconds, and NSGA-II's generations have room to converge. The measurement behind the
/// limit is in the README ("Choosing an algorithm").
public struct AutoSamplerPlugin: SamplerPlugin {
    public init() {}
    public var key: String { SearchSettings.Algorithm.auto.rawValue }

    /// Trials up to which `auto` picks the Bayesian sampler.
    public static let bayesianTrialLimit = 300

    /// The sampler `auto` stands for with `search`'s trial budget.
    public static func choice(_ search: SearchSettings) -> any SamplerPlugin {
        search.trials <= bayesianTrialLimit ? BayesPlugin() : NSGA2Plugin()
    }

    public func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler {
        try makeSampler(space: space, search: search, budget: nil)
    }

    public func makeSampler(space: SearchSpace, search: SearchSettings, budget: (any ProposalRepair)?) throws(PluginError) -> any Sampler {
        try Self.choice(search).makeSampler(space: space, search: search, budget: budget)
    }

    public func defaultPipelineDepth(search: SearchSettings, cheapTrials: Bool) -> Int {
        Self.choice(search).defaultPipelineDepth(search: search, cheapTrials: cheapTrials)
    }
}

extension SearchSettings.Algorithm {
    public static let auto: Self = "auto"
}
