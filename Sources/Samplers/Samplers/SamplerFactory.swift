import Hyperfront

/// Builds the sampler a scenario's `search:` section asks for.
public enum SamplerFactory {
    public struct SamplerError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func make(_ settings: SearchSettings, space: SearchSpace) throws(SamplerError) -> any Sampler {
        switch settings.algorithm {
        case .random:
            return RandomSampler(space: space)
        case .grid:
            do { return try GridSampler(space: space, points: settings.gridPoints, budget: settings.trials) }
            catch { throw SamplerError(description: "search.algorithm grid: \(error.description)") }
        case .nsga2:
            return NSGA2Sampler(space: space, settings: settings)
        }
    }
}
