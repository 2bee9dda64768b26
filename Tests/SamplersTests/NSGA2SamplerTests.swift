import Foundation
import Testing
import Hyperfront
import Pareto
@testable import Samplers

/// A mixed space: floats (plain, log, step), ints (plain, log), ordinal and categorical choices,
/// a fixed value, and two conditional parameters.
func mixedSpace() -> SearchSpace {
    SearchSpace(parameters: [
        Parameter(name: "optimizer", domain: .categorical([.string("sgd"), .string("adam"), .string("rmsprop")])),
        Parameter(name: "momentum", domain: .float(lower: 0.5, upper: 0.99, log: false, step: nil),
                  condition: Condition(clauses: [.init(parameter: 0, allowed: [0])])),
        Parameter(name: "learning_rate", domain: .float(lower: 1e-4, upper: 1e-1, log: true, step: nil)),
        Parameter(name: "dropout", domain: .float(lower: 0, upper: 0.5, log: false, step: 0.1)),
        Parameter(name: "layers", domain: .int(lower: 1, upper: 4, log: false, step: 1)),
        Parameter(name: "epochs", domain: .int(lower: 5, upper: 200, log: true, step: 1)),
        Parameter(name: "units", domain: .ordinal([16, 32, 64, 128, 256])),
        Parameter(name: "beta2", domain: .ordinal([0.99, 0.999]),
                  condition: Condition(clauses: [.init(parameter: 0, allowed: [1, 2]), .init(parameter: 4, allowed: [2, 3, 4])])),
        Parameter(name: "seed", domain: .fixed(.int(7))),
    ])
}

/// Two objectives any configuration can be scored on (minimised).
func score(_ c: Configuration) -> [Double] {
    let v = c.values.map { $0.isNaN ? 0 : $0 }
    let a = v.enumerated().reduce(0.0) { $0 + sin(Double($1.offset + 1) * $1.element) }
    let b = v.enumerated().reduce(0.0) { $0 + cos(Double($1.offset + 2) * $1.element) }
    return [a, b]
}

/// Runs a sampler for `trials` evaluations with `score`, returning every proposal in order.
func drive(_ sampler: inout NSGA2Sampler, trials: Int, seed: UInt64, limit: Int = .max, reversedTells: Bool = false,
           objectives: (Configuration) -> [Double] = score) -> [Proposal] {
    var rng = RandomSource(seed: seed)
    var all: [Proposal] = []
    var known = Set<Configuration>()
    while all.count < trials {
        let batch = sampler.ask(limit: Swift.min(limit, trials - all.count), isKnown: { known.contains($0) }, using: &rng)
        if batch.isEmpty { break }
        for p in batch { known.insert(p.configuration) }
        all += batch
        let observations = batch.map { Observation(configuration: $0.configuration, generation: $0.generation,
                                                   objectives: objectives($0.configuration), violation: 0) }
        if reversedTells {
            for o in observations.reversed() { sampler.tell([o]) }
        } else {
            sampler.tell(observations)
        }
    }
    return all
}

func settings(population: Int) -> SearchSettings {
    var s = SearchSettings()
    s.population = population
    return s
}

@Test func mixedChildrenAreValidAndConditionsHold() {
    let space = mixedSpace()
    var sampler = NSGA2Sampler(space: space, settings: settings(population: 12))
    let proposals = drive(&sampler, trials: 12 * 25, seed: 4)
    #expect(proposals.count == 300)
    for p in proposals {
        let c = p.configuration
        for (i, param) in space.parameters.enumerated() {
            let active = space.isActive(i, in: c)
            #expect(active == !c[i].isNaN, "\(param.name) active=\(active) value=\(c[i])")
            if active {
                #expect(param.domain.clamp(c[i]) == c[i], "\(param.name) = \(c[i]) is not a value of its domain")
            }
        }
        // Conditions, spelled out: momentum only with sgd; beta2 only with adam/rmsprop and ≥ 2 layers.
        #expect(c[1].isNaN == (c[0] != 0))
        #expect(c[7].isNaN == !((c[0] == 1 || c[0] == 2) && c[4] >= 2))
    }
    // Later generations really vary the conditional parameters too.
    let late = proposals.filter { $0.generation >= 5 }
    #expect(Set(late.compactMap { $0.configuration[1].isNaN ? nil : $0.configuration[1] }).count > 5)
    #expect(Set(proposals.map(\.generation)) == Set(0..<25))
}

@Test func noConfigurationIsProposedTwiceUntilTheSpaceIsExhausted() {
    // 3 × 4 × 2 = 24 configurations.
    let space = SearchSpace(parameters: [
        Parameter(name: "a", domain: .categorical([.string("x"), .string("y"), .string("z")])),
        Parameter(name: "b", domain: .int(lower: 0, upper: 3, log: false, step: 1)),
        Parameter(name: "c", domain: .ordinal([1, 2])),
    ])
    var sampler = NSGA2Sampler(space: space, settings: settings(population: 5))
    let proposals = drive(&sampler, trials: 1_000, seed: 2)
    #expect(proposals.count == 24)
    #expect(Set(proposals.map(\.configuration)).count == 24)
    #expect(sampler.isExhausted)
}

@Test func duplicatesKnownFromElsewhereAreAvoided() {
    let space = SearchSpace(parameters: [
        Parameter(name: "a", domain: .int(lower: 0, upper: 9, log: false, step: 1)),
        Parameter(name: "b", domain: .categorical([.bool(false), .bool(true)])),
    ])
    // Everything with a < 5 counts as already evaluated (e.g. by an earlier study).
    var sampler = NSGA2Sampler(space: space, settings: settings(population: 4))
    var rng = RandomSource(seed: 8)
    var seen: [Configuration] = []
    while true {
        let batch = sampler.ask(limit: 10, isKnown: { $0[0] < 5 }, using: &rng)
        if batch.isEmpty { break }
        seen += batch.map(\.configuration)
        sampler.tell(batch.map { Observation(configuration: $0.configuration, generation: $0.generation, objectives: [$0.configuration[0], -$0.configuration[1]], violation: 0) })
    }
    #expect(seen.count == 10)
    #expect(seen.allSatisfy { $0[0] >= 5 })
    #expect(Set(seen).count == 10)
}

@Test func sameSeedGivesIdenticalProposalsAndChunkingDoesNotMatter() {
    let space = mixedSpace()
    var a = NSGA2Sampler(space: space, settings: settings(population: 10))
    var b = NSGA2Sampler(space: space, settings: settings(population: 10))
    var c = NSGA2Sampler(space: space, settings: settings(population: 10))
    var d = NSGA2Sampler(space: space, settings: settings(population: 10))
    let pa = drive(&a, trials: 150, seed: 42)
    let pb = drive(&b, trials: 150, seed: 42)
    let pc = drive(&c, trials: 150, seed: 43)
    let pd = drive(&d, trials: 150, seed: 42, limit: 3)
    var e = NSGA2Sampler(space: space, settings: settings(population: 10))
    let pe = drive(&e, trials: 150, seed: 42, reversedTells: true)
    #expect(pa == pb)
    #expect(pa != pc)
    // Asking 3 at a time hands out the same generations in the same order.
    #expect(pa == pd)
    // Results told one by one in reverse order (as parallel workers might) change nothing.
    #expect(pa == pe)
}

@Test func generationIsHandedOutInChunksAndWaitsForItsResults() {
    let space = mixedSpace()
    var s = NSGA2Sampler(space: space, settings: settings(population: 6))
    var rng = RandomSource(seed: 1)
    let first = s.ask(limit: 4, isKnown: { _ in false }, using: &rng)
    let second = s.ask(limit: 4, isKnown: { _ in false }, using: &rng)
    #expect(first.count == 4 && second.count == 2)
    #expect((first + second).allSatisfy { $0.generation == 0 })
    #expect(s.outstanding == 6)
    #expect(s.ask(limit: 4, isKnown: { _ in false }, using: &rng).isEmpty)
    // Told out of order, including a failed trial.
    let all = (first + second).reversed()
    s.tell(all.enumerated().map { k, p in
        Observation(configuration: p.configuration, generation: 0,
                    objectives: k == 0 ? [.infinity, .infinity] : score(p.configuration), violation: k == 0 ? .infinity : 0)
    })
    #expect(s.outstanding == 0 && s.generation == 1 && s.population.count == 6)
    let next = s.ask(limit: 100, isKnown: { _ in false }, using: &rng)
    #expect(next.count == 6 && next.allSatisfy { $0.generation == 1 })
}

@Test func survivalKeepsFeasibleFrontsThenTheLeastCrowded() {
    // A(1,5) B(2,3) C(3,1) form front 0; D(2,6) E(5,2) G(3.5,3.5) front 1 (G between D and E);
    // F(0,0) beats everything but violates a constraint.
    let points = PointSet(rows: [[1, 5], [2, 3], [3, 1], [2, 6], [5, 2], [3.5, 3.5], [0, 0]])
    let violations: [Double] = [0, 0, 0, 0, 0, 0, 1]
    for pruning in [false, true] {
        let s5 = RankAndCrowdingSurvival(size: 5, pruning: pruning).select(points, violations: violations)
        #expect(Set(s5.indices) == [0, 1, 2, 3, 4])
        #expect(s5.ranks == [0, 0, 0, 1, 1])
        let s2 = RankAndCrowdingSurvival(size: 2, pruning: pruning).select(points, violations: violations)
        #expect(Set(s2.indices) == [0, 2], "the extremes of front 0")
        let s7 = RankAndCrowdingSurvival(size: 7, pruning: pruning).select(points, violations: violations)
        #expect(s7.indices.last == 6 && s7.ranks.last == 2)
    }
    // B's crowding in front 0: (3 − 1)/2 + (5 − 1)/4 = 2.
    let s3 = RankAndCrowdingSurvival(size: 3).select(points, violations: violations)
    #expect(s3.crowding[s3.indices.firstIndex(of: 1)!] == 2)
}

@Test func pruningRecomputesCrowdingAfterEachRemoval() {
    // On a line, points at 0, 1, 2, 2.1, 2.2, 3.5, 10 (f2 = −f1, range 10); keep 4.
    // One-shot crowding: 1 → 0.4, 2 → 0.22, 2.1 → 0.04, 2.2 → 0.28, 3.5 → 1.56, so 0, 1, 3.5, 10
    // stay. Pruning removes 2.1 (0.04); then 2 has 0.24 (2.2 − 1), 2.2 has 0.3, 1 has 0.4: 2 goes;
    // then 1 has 0.44 (2.2 − 0), 2.2 has 0.5: 1 goes, keeping 0, 2.2, 3.5, 10.
    let xs = [0, 1, 2, 2.1, 2.2, 3.5, 10]
    let points = PointSet(rows: xs.map { [$0, -$0] })
    let plain = RankAndCrowdingSurvival(size: 4, pruning: false).select(points, violations: [Double](repeating: 0, count: 7))
    let pruned = RankAndCrowdingSurvival(size: 4, pruning: true).select(points, violations: [Double](repeating: 0, count: 7))
    #expect(Set(plain.indices.map { xs[$0] }) == [0, 1, 3.5, 10])
    #expect(Set(pruned.indices.map { xs[$0] }) == [0, 2.2, 3.5, 10])
    let kept = pruned.indices.map { xs[$0] }
    #expect(abs(pruned.crowding[kept.firstIndex(of: 2.2)!] - 2 * (3.5 - 0) / 10) < 1e-12)
}

@Test func tournamentPrefersLowerRankThenLargerCrowding() {
    #expect(BinaryTournament.crowdedWinner(0, 1, ranks: [0, 1], crowding: [0, 9]) == 0)
    #expect(BinaryTournament.crowdedWinner(0, 1, ranks: [1, 1], crowding: [0.5, 2]) == 1)
    #expect(BinaryTournament.crowdedWinner(0, 1, ranks: [1, 1], crowding: [2, 2]) == nil)
    // With two permutations, every member competes exactly twice: the worst never wins.
    var rng = RandomSource(seed: 3)
    var winners: [Int] = []
    BinaryTournament().select(count: 4, ranks: [0, 1, 2, 3], crowding: [1, 1, 1, 1], into: &winners, using: &rng)
    #expect(winners.count == 4 && !winners.contains(3) && winners.filter { $0 == 0 }.count == 2)
}

@Test func zdt1HypervolumeImprovesClearlyOverTheInitialPopulation() {
    // ZDT1 with 30 variables, population 20, 30 generations.
    let n = 30
    let space = SearchSpace(parameters: (1...n).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    var sampler = NSGA2Sampler(space: space, settings: settings(population: 20))
    let proposals = drive(&sampler, trials: 600, seed: 1, objectives: zdt1)
    let reference = [1.1, 11.0]
    func hv(_ configs: [Configuration]) -> Double {
        let points = PointSet(rows: configs.map(zdt1))
        return Hypervolume.compute(points.subset(NondominatedSorting.nondominatedIndices(points)), reference: reference)
    }
    let initial = hv(proposals.filter { $0.generation == 0 }.map(\.configuration))
    let final = hv(sampler.population.configurations)
    #expect(final > initial * 1.15, "initial \(initial), final \(final)")
    #expect(sampler.generation == 30)
}

@Test func failedAndInfeasibleTrialsLoseToFeasibleOnes() {
    // x1 < 0.2 fails (+infinity, NaN for one objective), x1 > 0.8 violates a constraint.
    let space = SearchSpace(parameters: (1...4).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    var sampler = NSGA2Sampler(space: space, settings: settings(population: 16))
    var rng = RandomSource(seed: 6)
    for _ in 0..<20 {
        let batch = sampler.ask(limit: 100, isKnown: { _ in false }, using: &rng)
        sampler.tell(batch.map { p in
            let x = p.configuration
            if x[0] < 0.2 { return Observation(configuration: x, generation: p.generation, objectives: [.infinity, .nan], violation: .infinity) }
            return Observation(configuration: x, generation: p.generation, objectives: [x[0], 1 - x[0] + x[1]],
                               violation: x[0] > 0.8 ? x[0] - 0.8 : 0)
        })
    }
    let pop = sampler.population
    #expect(pop.count == 16)
    #expect(pop.violations.allSatisfy { $0 == 0 })
    #expect(pop.configurations.allSatisfy { $0[0] >= 0.2 && $0[0] <= 0.8 })
    #expect(pop.ranks.allSatisfy { $0 == 0 })
}
