import Hyperfront

/// Random search in a scenario: `search: {algorithm: random}`.
public struct RandomSamplerPlugin: SamplerPlugin {
    public init() {}
    public var key: String { SearchSettings.Algorithm.random.rawValue }

    public func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler {
        RandomSampler(space: space)
    }
}

extension SearchSettings.Algorithm {
    public static let random: Self = "random"
}
