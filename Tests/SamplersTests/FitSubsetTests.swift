import Foundation
import Testing
import Hyperfront
import LinearAlgebra
@testable import Samplers

/// Beyond `fitSubset` trials the hyperparameters are fitted on a subset: the models stay
/// accurate (the objective model predicts held-out points of a smooth function within a few
/// percent of its range), the fitted values are finite, and proposals repeat for a seed.
@Test func hyperparametersFittedOnASubsetKeepTheModelAccurate() throws {
    try BLASLibrary.load()
    let space = SearchSpace(parameters: (0..<3).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    func f(_ c: Configuration) -> [Double] { [c[0] + 0.3 * sin(3 * c[1]), 1 - c[0] + c[2] * c[2]] }
    var rng = RandomSource(seed: 4)
    var history: [Observation] = []
    for _ in 0..<220 {
        let c = space.sample(using: &rng)
        history.append(Observation(configuration: c, generation: 0, objectives: f(c), violation: 0))
    }
    var settings = BayesSettings()
    settings.fitSubset = 60
    settings.randomCandidates = 64
    settings.mutationCandidates = 32
    settings.regionCandidates = 32
    var a = BayesSampler(space: space, settings: settings)
    a.tell(history)
    var b = a
    var r1 = RandomSource(seed: 7), r2 = RandomSource(seed: 7)
    let known = Set(history.map(\.configuration))
    let p = a.ask(limit: 1, isKnown: { known.contains($0) }, using: &r1)
    let q = b.ask(limit: 1, isKnown: { known.contains($0) }, using: &r2)
    #expect(p.count == 1 && p == q)
    let fit = try #require(a.fitted[0])
    #expect(fit.inverseSquaredLengthscales.allSatisfy { $0.isFinite && $0 > 0 } && fit.scale.isFinite && fit.noise.isFinite)
    #expect(a.fittedAt[0] == 220)
    // The model conditioned on all 220 trials with those hyperparameters predicts new points.
    var features: [Double] = []
    for o in history { a.encoding.append(o.configuration, to: &features) }
    let gp = GaussianProcess(features: features, targets: history.map { $0.objectives[0] }, dimension: 3,
                             categorical: a.encoding.categorical, parameters: fit)
    var worst = 0.0
    for _ in 0..<50 {
        let c = space.sample(using: &rng)
        var x: [Double] = []
        a.encoding.append(c, to: &x)
        worst = max(worst, abs(gp.predict(x, count: 1).mean[0] - f(c)[0]))
    }
    #expect(worst < 0.05, "largest error \(worst) on a function of range 1.3")
}
