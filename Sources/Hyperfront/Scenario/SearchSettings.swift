/// The `search:` section: which algorithm, how many trials, its operator settings.
public struct SearchSettings: Sendable, Hashable {
    public enum Algorithm: String, Sendable, Hashable, CaseIterable { case nsga2, random, grid }

    public var algorithm: Algorithm = .nsga2
    /// NSGA-II population size (Deb et al. 2002 use 100; hyperparameter searches use less).
    public var population: Int = 24
    /// Total number of trials to run.
    public var trials: Int = 240
    public var seed: UInt64 = 1
    /// Trials run at once.
    public var workers: Int = 1
    /// SBX (Deb & Agrawal 1995): probability a pair of parents is crossed, and its
    /// distribution index η_c.
    public var crossoverProbability: Double = 0.9
    public var crossoverEta: Double = 15
    /// Polynomial mutation (Deb & Goyal 1996): per-parameter probability (nil: 1/n, n = number
    /// of searched parameters) and distribution index η_m.
    public var mutationProbability: Double? = nil
    public var mutationEta: Double = 20
    /// Grid search: values per continuous parameter.
    public var gridPoints: Int = 5

    public init() {}

    /// The most trials one study may ask for.
    public static let maximumTrials = 100_000_000
}
