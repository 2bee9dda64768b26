import Hyperfront

/// Grid search in a scenario: `search: {algorithm: grid, grid_points: 5}`. A run asks for no
/// more trials than the grid has points.
public struct GridSamplerPlugin: SamplerPlugin {
    public init() {}
    public var key: String { SearchSettings.Algorithm.grid.rawValue }

    /// Values per continuous parameter.
    static let points = Setting("grid_points", .int(2...1_000_000), default: .int(5), example: "grid_points: 5")

    public var settings: [Setting] { [Self.points] }

    public func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler {
        do { return try GridSampler(space: space, points: search.gridPoints, budget: search.trials) }
        catch { throw PluginError("search.algorithm grid: \(error.description)") }
    }

    public func trialLimit(of sampler: any Sampler) -> Int? { (sampler as? GridSampler)?.size }
}

extension SearchSettings.Algorithm {
    public static let grid: Self = "grid"
}

extension SearchSettings {
    /// Grid search: values per continuous parameter.
    public var gridPoints: Int {
        get { value(GridSamplerPlugin.points)!.int! }
        set { options[GridSamplerPlugin.points.key] = .int(newValue) }
    }
}
