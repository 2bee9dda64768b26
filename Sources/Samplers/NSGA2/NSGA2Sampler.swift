import Hyperfront
import Pareto

/// NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and elitist multiobjective genetic
/// algorithm: NSGA-II", IEEE Transactions on Evolutionary Computation 6(2), 182–197) for mixed
/// hyperparameter spaces, behind the ask/tell `Sampler` seam.
///
/// The first `ask` returns the initial population (generation 0, uniform samples of the space —
/// or, when trials were told before it, e.g. an earlier study's, children of the best of those);
/// every later `ask` returns children of the next generation — up to `limit` at a time, the
/// rest of the same generation on the following asks. A new generation is bred once every
/// proposal of the previous one has been told: the told children join the parents, (μ+λ)
/// survival by constrained rank and crowding keeps `populationSize` of them, binary tournaments
/// pick parents, and `Reproduction` varies them. A child that repeats a configuration already
/// proposed (by this sampler or, per `isKnown`, by anyone) is mutated again, then replaced by
/// a fresh sample; no configuration is ever proposed twice — when nothing new is left the batch
/// is simply smaller, and an empty answer means the space is exhausted.
///
/// Deterministic: the proposals are a function of the settings, the generator handed in and the
/// observations told (matched to proposals by configuration, so the order of `tell` calls within
/// a generation does not matter).
public struct NSGA2Sampler: Sampler {
    public let space: SearchSpace
    public let populationSize: Int
    public let reproduction: Reproduction
    public let survival: RankAndCrowdingSurvival
    public let selection: BinaryTournament
    /// How often a duplicate child is mutated again before other means are tried.
    public var revariationAttempts = 16

    /// The current parents (after survival), with rank and crowding distance.
    public private(set) var population = Population()
    /// The generation being proposed or evaluated (0 = the initial population).
    public private(set) var generation = 0
    /// Proposals handed out and not yet told.
    public var outstanding: Int { pendingStart - toldCount }
    /// `true` once nothing new can be proposed.
    public private(set) var isExhausted = false

    /// Children of the current generation not yet handed out, in order.
    var pending: [Configuration] = []
    var pendingStart = 0
    /// Whether the current generation's batch has been created.
    var batchOpen = false
    /// Told children of the current generation, by index (nil: not told yet).
    var told: [(objectives: [Double], violation: Double)?] = []
    var toldCount = 0
    /// Where the next observation is looked for first (observations usually come in order).
    var tellHint = 0
    /// Observations that matched no proposal (joined to the current generation's pool).
    var extra = Population()
    /// Every configuration this sampler has proposed.
    var proposed: Set<Configuration> = []
    // Reused buffers.
    var parents: [Int] = []
    var genesA: [Double] = []
    var genesB: [Double] = []

    /// - Parameters:
    ///   - space: the search space.
    ///   - settings: population size, SBX and polynomial-mutation settings.
    ///   - pruning: cut the last front by iterative crowding pruning (default) instead of one
    ///     crowding ranking as in the original paper (see `RankAndCrowdingSurvival`).
    public init(space: SearchSpace, settings: SearchSettings, pruning: Bool = true) {
        precondition(settings.population >= 2, "NSGA-II needs a population of at least 2")
        self.space = space
        self.populationSize = settings.population
        self.reproduction = Reproduction(space: space, settings: settings)
        self.survival = RankAndCrowdingSurvival(size: settings.population, pruning: pruning)
        self.selection = BinaryTournament()
        self.proposed.reserveCapacity(Swift.min(Swift.max(settings.trials, settings.population), 1 << 20))
    }

    /// Up to `limit` proposals of the current generation. Returns `[]` while proposals of the
    /// previous batch are still outstanding (`outstanding > 0`: tell them first) and once the
    /// space is exhausted (`isExhausted`).
    ///
    /// A stopped run resumes exactly by replaying it: a fresh sampler with a generator seeded
    /// the same way, asked with the same limits and told the stored results in between, proposes
    /// the stored trials again and continues from there.
    public mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] {
        guard limit > 0, !isExhausted else { return [] }
        if !batchOpen {
            guard outstanding == 0 else { return [] }
            // Trials told before the first ask (a warm start from an earlier study): the best
            // of them are the parents, so the first batch is already bred from them.
            if generation == 0 && population.isEmpty && !extra.isEmpty { adoptToldAsParents() }
            pending = generation == 0 && population.isEmpty ? initialBatch(isKnown: isKnown, using: &rng)
                                                            : breed(isKnown: isKnown, using: &rng)
            if pending.isEmpty { isExhausted = true; return [] }
            pendingStart = 0
            told = Array(repeating: nil, count: pending.count)
            toldCount = 0
            tellHint = 0
            batchOpen = true
        }
        let end = Swift.min(pending.count, pendingStart + limit)
        var out: [Proposal] = []
        out.reserveCapacity(end - pendingStart)
        for k in pendingStart..<end {
            out.append(Proposal(configuration: pending[k], generation: generation))
        }
        pendingStart = end
        return out
    }

    public mutating func tell(_ observations: [Observation]) {
        for o in observations {
            if let k = outstandingIndex(of: o.proposed ?? o.configuration) {
                told[k] = (o.objectives, o.violation)
                // A repaired child enters the population as evaluated (Lamarckian repair).
                if o.proposed != nil { pending[k] = o.configuration }
                toldCount += 1
                tellHint = k + 1
            } else {
                extra.append(o.configuration, objectives: o.objectives, violation: o.violation, generation: o.generation)
            }
        }
        if batchOpen && outstanding == 0 && pendingStart == pending.count { closeGeneration() }
    }

    /// The index of a handed-out, untold proposal equal to `c`, searched from `tellHint` on.
    /// - Complexity: O(1) when observations arrive in proposal order, O(batch) otherwise.
    func outstandingIndex(of c: Configuration) -> Int? {
        let n = pendingStart
        guard n > 0 else { return nil }
        var k = tellHint < n ? tellHint : 0
        for _ in 0..<n {
            if told[k] == nil && pending[k] == c { return k }
            k = k + 1 == n ? 0 : k + 1
        }
        return nil
    }

    /// Merges the told children into the population and runs survival.
    mutating func closeGeneration() {
        var children = extra
        for (k, c) in pending.enumerated() {
            if let t = told[k] { children.append(c, objectives: t.objectives, violation: t.violation, generation: generation) }
        }
        var merged = population + children
        if !merged.isEmpty {
            let s = survival.select(merged.points, violations: merged.violations)
            merged = merged.subset(s.indices)
            merged.ranks = s.ranks
            merged.crowding = s.crowding
        }
        population = merged
        extra = Population()
        pending = []
        pendingStart = 0
        told = []
        toldCount = 0
        batchOpen = false
        generation += 1
    }

    /// Makes the observations told before any ask the parent population: survival (rank and
    /// crowding) keeps the best `populationSize` of them, and none of their configurations is
    /// proposed again.
    mutating func adoptToldAsParents() {
        for c in extra.configurations { proposed.insert(c) }
        let s = survival.select(extra.points, violations: extra.violations)
        population = extra.subset(s.indices)
        population.ranks = s.ranks
        population.crowding = s.crowding
        extra = Population()
    }

    /// Generation 0: `populationSize` distinct uniform samples.
    mutating func initialBatch(isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Configuration] {
        var out: [Configuration] = []
        out.reserveCapacity(populationSize)
        for _ in 0..<populationSize {
            var c = space.sample(using: &rng)
            if claim(c, isKnown) || replaceDuplicate(&c, genes: nil, isKnown: isKnown, using: &rng) {
                out.append(c)
            }
        }
        return out
    }

    /// One generation of children: tournaments, crossover of pairs, mutation, duplicate removal.
    mutating func breed(isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Configuration] {
        guard !population.isEmpty else { return initialBatch(isKnown: isKnown, using: &rng) }
        let n = populationSize
        parents.removeAll(keepingCapacity: true)
        selection.select(count: n + (n & 1), ranks: population.ranks, crowding: population.crowding, into: &parents, using: &rng)
        var out: [Configuration] = []
        out.reserveCapacity(n)
        var k = 0
        while k + 1 < parents.count {
            reproduction.encode(population.configurations[parents[k]], into: &genesA)
            reproduction.encode(population.configurations[parents[k + 1]], into: &genesB)
            reproduction.cross(&genesA, &genesB, using: &rng)
            reproduction.mutate(&genesA, using: &rng)
            reproduction.mutate(&genesB, using: &rng)
            for pass in 0..<2 where out.count < n {
                var c = reproduction.decode(pass == 0 ? genesA : genesB, using: &rng)
                if claim(c, isKnown) || replaceDuplicate(&c, genes: pass == 0 ? genesA : genesB, isKnown: isKnown, using: &rng) {
                    out.append(c)
                }
            }
            k += 2
        }
        return out
    }

    /// Records `c` as proposed when it is new; `false` for a duplicate (a configuration the
    /// caller knows is recorded too, so it is never looked up twice).
    @inline(__always)
    mutating func claim(_ c: Configuration, _ isKnown: (Configuration) -> Bool) -> Bool {
        proposed.insert(c).inserted && !isKnown(c)
    }
}
