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
    // Flat copies of the codings' hot fields, so the per-gene loops copy no `Domain`.
    @usableFromInline let kinds: [GeneCoding.Kind]
    @usableFromInline let lowers: [Double]
    @usableFromInline let uppers: [Double]
    /// Genes that decode by clamping alone (floats without log scale or step).
    @usableFromInline let plain: [Bool]

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
        kinds = codings.map(\.kind)
        lowers = codings.map(\.lower)
        uppers = codings.map(\.upper)
        plain = space.parameters.map { p in
            if case .float(_, _, false, nil) = p.domain { return true }
            return false
        }
    }

    /// Writes the genes of `c` into `genes` (NaN for inactive parameters).
    @inlinable
    public func encode(_ c: Configuration, into genes: inout [Double]) {
        let n = codings.count
        precondition(c.count >= n, "a configuration of \(c.count) values for a space of \(n) parameters")
        if genes.count != n { genes = [Double](repeating: 0, count: n) }
        c.values.withUnsafeBufferPointer { v in
            genes.withUnsafeMutableBufferPointer { g in
                plain.withUnsafeBufferPointer { isPlain in
                    for i in 0..<n { g[i] = isPlain[i] ? v[i] : codings[i].encode(v[i]) }
                }
            }
        }
    }

    /// The configuration of `genes`: decoded, snapped into each domain, inactive parameters NaN
    /// and newly activated ones drawn fresh.
    @inlinable
    public func decode(_ genes: [Double], using rng: inout some RandomNumberGenerator) -> Configuration {
        let n = genes.count
        precondition(n <= codings.count, "\(n) genes for a space of \(codings.count) parameters")
        let values = [Double](unsafeUninitializedCapacity: n) { out, initialized in
            genes.withUnsafeBufferPointer { g in
                plain.withUnsafeBufferPointer { isPlain in
                    lowers.withUnsafeBufferPointer { lo in
                        uppers.withUnsafeBufferPointer { hi in
                            for i in 0..<n {
                                let x = g[i]
                                out[i] = isPlain[i] && !x.isNaN ? Swift.min(Swift.max(x, lo[i]), hi[i]) : codings[i].decode(x)
                            }
                        }
                    }
                }
            }
            initialized = n
        }
        var c = Configuration(values)
        if hasConditions { space.normalize(&c) { i in space[i].domain.sample(using: &rng) } }
        return c
    }

    /// Crosses two parents' genes in place, with probability `crossoverProbability`; otherwise
    /// both stay copies. A parameter inactive in either parent is not recombined.
    @inlinable
    public func cross(_ a: inout [Double], _ b: inout [Double], using rng: inout some RandomNumberGenerator) {
        guard rng.nextUnit() < crossoverProbability else { return }
        precondition(a.count >= codings.count && b.count >= codings.count, "genes of another space")
        a.withUnsafeMutableBufferPointer { a in
            b.withUnsafeMutableBufferPointer { b in
                searched.withUnsafeBufferPointer { searched in
                    for i in searched where !a[i].isNaN && !b[i].isNaN {
                        switch kinds[i] {
                        case .real: realCrossover.cross(&a[i], &b[i], lower: lowers[i], upper: uppers[i], using: &rng)
                        case .integer: integerCrossover.cross(&a[i], &b[i], coding: codings[i], using: &rng)
                        case .categorical: categoricalCrossover.cross(&a[i], &b[i], using: &rng)
                        case .fixed: break
                        }
                    }
                }
            }
        }
    }

    /// Mutates each active searched gene with probability `probability` (default: the
    /// configured per-parameter rate).
    @inlinable
    public func mutate(_ g: inout [Double], probability: Double? = nil, using rng: inout some RandomNumberGenerator) {
        let p = probability ?? mutationProbability
        precondition(g.count >= codings.count, "genes of another space")
        g.withUnsafeMutableBufferPointer { g in
            searched.withUnsafeBufferPointer { searched in
                for i in searched where !g[i].isNaN {
                    if rng.nextUnit() < p { mutate(&g[i], at: i, using: &rng) }
                }
            }
        }
    }

    /// Mutates one gene with the operator of its kind.
    @inlinable
    public func mutate(_ g: inout [Double], at i: Int, using rng: inout some RandomNumberGenerator) {
        mutate(&g[i], at: i, using: &rng)
    }

    /// Mutates gene `x` of parameter `i` with the operator of its kind.
    @inlinable
    func mutate(_ x: inout Double, at i: Int, using rng: inout some RandomNumberGenerator) {
        switch kinds[i] {
        case .real: realMutation.mutate(&x, lower: lowers[i], upper: uppers[i], using: &rng)
        case .integer: integerMutation.mutate(&x, coding: codings[i], using: &rng)
        case .categorical: categoricalMutation.mutate(&x, count: Int(uppers[i]) + 1, using: &rng)
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
