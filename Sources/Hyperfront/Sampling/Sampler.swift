/// A configuration a sampler wants evaluated.
public struct Proposal: Sendable, Hashable {
    public var configuration: Configuration
    /// The generation it belongs to (0 = initial population; random/grid samplers use 0).
    public var generation: Int
    public init(configuration: Configuration, generation: Int) {
        self.configuration = configuration
        self.generation = generation
    }
}

/// What a sampler learns about an evaluated proposal.
public struct Observation: Sendable {
    /// The configuration evaluated.
    public var configuration: Configuration
    /// The configuration as the sampler proposed it, when it was changed before evaluation
    /// (repaired to fit a budget, or replaced by a seed); nil when it was evaluated as proposed.
    public var proposed: Configuration?
    public var generation: Int
    /// Objective values, minimised (maximised metrics already negated). Failed trials carry
    /// +infinity in every objective.
    public var objectives: [Double]
    /// Total constraint violation; 0 = feasible, +infinity = failed.
    public var violation: Double
    /// Each outcome constraint's signed excess over its bound, relative to the bound's
    /// magnitude (≤ 0: met), in the scenario's order; empty for failed trials or when unknown.
    public var constraints: [Double]
    public init(configuration: Configuration, generation: Int, objectives: [Double], violation: Double, proposed: Configuration? = nil,
                constraints: [Double] = []) {
        self.configuration = configuration
        self.constraints = constraints
        self.proposed = proposed
        self.generation = generation
        self.objectives = objectives
        self.violation = violation
    }
}

/// The ask/tell seam every search algorithm plugs into.
///
/// A sampler is a deterministic function of its settings, the random numbers it is handed and
/// the observations it is told, in the order told. It proposes a *batch* (a generation for
/// NSGA-II) and expects to be told every proposal of a batch before it proposes the next one.
/// A proposal may be changed before it is evaluated (repaired to fit a budget); its
/// observation then carries the evaluated configuration and, in `proposed`, the original.
public protocol Sampler {
    /// Proposes up to `limit` configurations. An empty answer means the sampler has nothing
    /// more to propose (e.g. the grid is exhausted).
    /// - Parameter isKnown: whether a configuration was already evaluated or proposed; a
    ///   sampler should avoid proposing those again.
    mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal]
    /// Reports the results of proposals.
    mutating func tell(_ observations: [Observation])
}
