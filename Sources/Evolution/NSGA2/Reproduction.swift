import Hyperfront

/// The variation step of NSGA-II for a mixed search space: each parameter gets the operator of
/// its kind — SBX and polynomial mutation for floats (in log space for log-scaled ones),
/// integer crossover and mutation for ints and ordinal choices, uniform crossover and reset
/// mutation for categorical choices. Works on gene buffers (see `GeneCoding`) that the caller
/// reuses from child to child.
public struct Reproduction: Sendable {
    public let space: SearchSpace
    public let codings: [GeneCoding]
    /// Indices of the searched (non-fixed) parameters.
    public let searched: [Int]
    /// Probability that a pair of parents is crossed at all.
    public let crossoverProbability: Double
    /// Per-parameter mutation probability.
    public let mutationProbability: Double
    public let realCrossover: SimulatedBinaryCrossover
    public let integerCrossover: IntegerCrossover
    public let categoricalCrossover: UniformCrossover
    public let realMutation: PolynomialMutation
    public let integerMutation: IntegerMutation
    public let categoricalMutation: ResetMutation
    /// Whether any parameter is conditional (otherwise decoding skips `SearchSpace.normalize`).
    public let hasConditions: Bool

    /// Operators from the scenario's search settings; mutation probability nil = 1/n over the
    /// searched parameters (Deb et al. 2002).
    public init(space: SearchSpace, settings: SearchSettings) {
        precondition((0...1).contains(settings.crossoverProbability), "crossover probability must lie in [0, 1]")
        if let p = settings.mutationProbability { precondition((0...1).contains(p), "mutation probability must lie in [0, 1]") }
        self.space = space
        let codings = space.parameters.map { GeneCoding($0.domain) }
        let searched = codings.indices.filter { codings[$0].isSearched }
        self.codings = codings
        self.searched = searched
        crossoverProbability = settings.crossoverProbability
        mutationProbability = settings.mutationProbability ?? (searched.isEmpty ? 0 : 1 / Double(searched.count))
        realCrossover = SimulatedBinaryCrossover(eta: settings.crossoverEta)
        integerCrossover = IntegerCrossover(eta: settings.crossoverEta)
        categoricalCrossover = UniformCrossover()
        realMutation = PolynomialMutation(eta: settings.mutationEta)
        integerMutation = IntegerMutation(eta: settings.mutationEta)
        categoricalMutation = ResetMutation()
        hasConditions = space.parameters.contains { $0.condition != nil }
    }

    /// Writes the genes of `c` into `genes` (NaN for inactive parameters).
    @inlinable
    public func encode(_ c: Configuration, into genes: inout [Double]) {
        genes.removeAll(keepingCapacity: true)
        for i in codings.indices { genes.append(codings[i].encode(c[i])) }
    }

    /// The configuration of `genes`: decoded, snapped into each domain, inactive parameters NaN
    /// and newly activated ones drawn fresh.
    @inlinable
    public func decode(_ genes: [Double], using rng: inout some RandomNumberGenerator) -> Configuration {
        var values = [Double](repeating: 0, count: genes.count)
        for i in genes.indices { values[i] = codings[i].decode(genes[i]) }
        var c = Configuration(values)
        if hasConditions { space.normalize(&c) { i in space[i].domain.sample(using: &rng) } }
        return c
    }

    /// Crosses two parents' genes in place, with probability `crossoverProbability`; otherwise
    /// both stay copies. A parameter inactive in either parent is not recombined.
    @inlinable
    public func cross(_ a: inout [Double], _ b: inout [Double], using rng: inout some RandomNumberGenerator) {
        guard rng.nextUnit() < crossoverProbability else { return }
        for i in searched where !a[i].isNaN && !b[i].isNaN {
            let coding = codings[i]
            switch coding.kind {
            case .real: realCrossover.cross(&a[i], &b[i], lower: coding.lower, upper: coding.upper, using: &rng)
            case .integer: integerCrossover.cross(&a[i], &b[i], coding: coding, using: &rng)
            case .categorical: categoricalCrossover.cross(&a[i], &b[i], using: &rng)
            case .fixed: break
            }
        }
    }

    /// Mutates each active searched gene with probability `probability` (default: the
    /// configured per-parameter rate).
    @inlinable
    public func mutate(_ g: inout [Double], probability: Double? = nil, using rng: inout some RandomNumberGenerator) {
        let p = probability ?? mutationProbability
        for i in searched where !g[i].isNaN {
            if rng.nextUnit() < p { mutate(&g, at: i, using: &rng) }
        }
    }

    /// Mutates one gene with the operator of its kind.
    @inlinable
    public func mutate(_ g: inout [Double], at i: Int, using rng: inout some RandomNumberGenerator) {
        let coding = codings[i]
        switch coding.kind {
        case .real: realMutation.mutate(&g[i], lower: coding.lower, upper: coding.upper, using: &rng)
        case .integer: integerMutation.mutate(&g[i], coding: coding, using: &rng)
        case .categorical: categoricalMutation.mutate(&g[i], count: Int(coding.upper) + 1, using: &rng)
        case .fixed: break
        }
    }

    /// Mutates one randomly chosen active searched gene (used to re-vary a duplicate child).
    @inlinable
    public func mutateOne(_ g: inout [Double], using rng: inout some RandomNumberGenerator) {
        let active = searched.filter { !g[$0].isNaN }
        guard !active.isEmpty else { return }
        mutate(&g, at: active[Int(rng.nextUnit() * Double(active.count))], using: &rng)
    }
}
