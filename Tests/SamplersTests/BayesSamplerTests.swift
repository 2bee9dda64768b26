import Foundation
import Testing
import Hyperfront
import LinearAlgebra
@testable import Samplers

/// Runs a Bayesian sampler for `trials` evaluations, telling each batch whole; returns every
/// proposal in order.
func driveBayes(_ sampler: inout BayesSampler, trials: Int, seed: UInt64,
                objectives: (Configuration) -> [Double]? = score, constraint: ((Configuration) -> Double)? = nil) -> [[Proposal]] {
    var rng = RandomSource(seed: seed)
    var batches: [[Proposal]] = []
    var known = Set<Configuration>()
    var count = 0
    while count < trials {
        let batch = sampler.ask(limit: trials - count, isKnown: { known.contains($0) }, using: &rng)
        if batch.isEmpty { break }
        for p in batch { known.insert(p.configuration) }
        count += batch.count
        batches.append(batch)
        sampler.tell(batch.map { p in
            guard let f = objectives(p.configuration) else {
                return Observation(configuration: p.configuration, generation: 0, objectives: [.infinity, .infinity], violation: .infinity)
            }
            let c = constraint?(p.configuration)
            return Observation(configuration: p.configuration, generation: 0, objectives: f, violation: max(c ?? 0, 0),
                               constraints: c.map { [$0] } ?? [])
        })
    }
    return batches
}

private func bayes(_ space: SearchSpace, batch: Int = 1) -> BayesSampler {
    var s = BayesSettings()
    s.batch = batch
    s.randomCandidates = 96
    s.mutationCandidates = 64
    return BayesSampler(space: space, settings: s)
}

@Test func sameSeedSameProposals() throws {
    try BLASLibrary.load()
    var a = bayes(mixedSpace()), b = bayes(mixedSpace())
    let x = driveBayes(&a, trials: 24, seed: 3).flatMap { $0 }
    let y = driveBayes(&b, trials: 24, seed: 3).flatMap { $0 }
    #expect(x.count == 24)
    #expect(x == y)
    var c = bayes(mixedSpace())
    #expect(driveBayes(&c, trials: 24, seed: 4).flatMap { $0 } != x)
}

@Test func proposalsAreNewValidAndDistinctInABatch() throws {
    try BLASLibrary.load()
    let space = mixedSpace()
    var s = bayes(space, batch: 4)
    let batches = driveBayes(&s, trials: 40, seed: 8)
    let all = batches.flatMap { $0 }.map(\.configuration)
    #expect(all.count == 40)
    #expect(Set(all).count == all.count)
    // After the initial design every batch holds `batch` proposals.
    #expect(batches.dropFirst().allSatisfy { $0.count == 4 || $0 == batches.last! })
    for c in all {
        var n = c
        space.normalize(&n) { _ in .nan }
        #expect(n == c, "proposal outside its domains or conditions: \(c.values)")
    }
}

/// On a smooth 2-objective problem the model-based proposals beat random search's
/// hypervolume after 30 trials (same seed for both).
@Test func bayesBeatsRandomOnASmoothProblem() throws {
    try BLASLibrary.load()
    let space = SearchSpace(parameters: (0..<3).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    var s = bayes(space)
    let b = driveBayes(&s, trials: 30, seed: 5, objectives: zdt1).flatMap { $0 }.map(\.configuration)
    var r = RandomSampler(space: space)
    var rng = RandomSource(seed: 5)
    let random = r.ask(limit: 30, isKnown: { _ in false }, using: &rng).map(\.configuration)
    #expect(zdt1Hypervolume(b) > zdt1Hypervolume(random))
}

/// Failed trials and a broken outcome constraint: proposals keep coming, and the model
/// steers away from the failure region.
@Test func failuresAndConstraintsAreModelled() throws {
    try BLASLibrary.load()
    let space = SearchSpace(parameters: (0..<2).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    var s = bayes(space)
    let batches = driveBayes(&s, trials: 36, seed: 2,
                             objectives: { c in c[0] > 0.6 ? nil : [c[0], 1 - c[0] + c[1]] },
                             constraint: { c in c[1] - 0.5 })
    let all = batches.flatMap { $0 }.map(\.configuration)
    #expect(all.count == 36)
    let late = all.suffix(16)
    let failing = late.filter { $0[0] > 0.6 }.count
    #expect(failing <= 4, "\(failing) of the last 16 proposals are in the failure region")
}
