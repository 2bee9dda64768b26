import Foundation
import Testing
import Hyperfront
import LinearAlgebra
@testable import Samplers

/// The random Chebyshev scalarisation (ParEGO): a point that dominates every other has the
/// smallest value whatever the weights; feasible values lie in [0, 1.05] (each weighted
/// scaled objective is in [0, 1], the weights sum to 1); the weights change with the random
/// numbers.
@Test func chebyshevScalarisationRanksADominatingPointFirst() {
    var rng = RandomSource(seed: 9)
    let values: [[Double]] = [[0.2, 1.0, 3.0], [0.5, 2.0, 4.0], [0.9, 1.5, 3.5], [0.3, 4.0, 3.1], [2.0, 1.2, 5.0]]
    var seen = Set<[Double]>()
    for _ in 0..<50 {
        let s = BayesSampler.chebyshev(values, feasible: values, using: &rng)
        #expect(s.values.count == values.count && s.feasible.count == values.count)
        #expect(s.values.allSatisfy { $0 >= 0 && $0 <= 1.05 + 1e-12 })
        #expect(s.values[0] <= s.values[1] && s.values[0] <= s.values[2])
        #expect(zip(s.values, s.feasible).allSatisfy { $0 == $1[0] })
        seen.insert(s.values)
    }
    #expect(seen.count > 40)
    // Scaled by the feasible rows' range: an infeasible row beyond it may exceed 1.05.
    let s = BayesSampler.chebyshev(values + [[10, 10, 10]], feasible: values, using: &rng)
    #expect(s.values[5] > 1.05)
}

/// With every model-based proposal scalarised, the sampler still beats random search on a
/// smooth two-objective problem, proposes new distinct configurations and repeats itself for
/// a seed.
@Test func scalarisedProposalsBeatRandomAndRepeat() throws {
    try BLASLibrary.load()
    let space = SearchSpace(parameters: (0..<4).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    var settings = BayesSettings()
    settings.scalarisedShare = 1
    settings.randomCandidates = 96
    settings.mutationCandidates = 64
    var a = BayesSampler(space: space, settings: settings), b = a
    let x = driveBayes(&a, trials: 30, seed: 5, objectives: zdt1).flatMap { $0 }.map(\.configuration)
    let y = driveBayes(&b, trials: 30, seed: 5, objectives: zdt1).flatMap { $0 }.map(\.configuration)
    #expect(x.count == 30 && Set(x).count == 30)
    #expect(x == y)
    var r = RandomSampler(space: space)
    var rng = RandomSource(seed: 5)
    let random = r.ask(limit: 30, isKnown: { _ in false }, using: &rng).map(\.configuration)
    #expect(zdt1Hypervolume(x) > zdt1Hypervolume(random))
}
