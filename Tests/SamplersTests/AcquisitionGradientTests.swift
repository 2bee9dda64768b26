import Foundation
import Testing
import Hyperfront
import LinearAlgebra
@testable import Samplers

/// A model of a smooth function on two numeric features and one categorical one.
private func model(_ rng: inout RandomSource, _ f: ([Double]) -> Double, n: Int = 15) -> (GaussianProcess, [Double]) {
    var x: [Double] = []
    var y: [Double] = []
    for _ in 0..<n {
        let row = [rng.nextUnit(), rng.nextUnit(), Double(Int(rng.nextUnit() * 3))]
        x += row
        y.append(f(row))
    }
    let p = GaussianProcess.Hyperparameters(inverseSquaredLengthscales: [3, 0.7, 0.4], scale: 1.2, noise: 1e-3)
    return (GaussianProcess(features: x, targets: y, dimension: 3, categorical: [false, false, true], parameters: p), x)
}

private func probes(_ rng: inout RandomSource, _ count: Int) -> [[Double]] {
    (0..<count).map { _ in [0.05 + 0.9 * rng.nextUnit(), 0.05 + 0.9 * rng.nextUnit(), Double(Int(rng.nextUnit() * 3))] }
}

/// The posterior's values and gradients at several points (one solve) agree with `predict` and with central
/// differences of it; the categorical feature gets no gradient.
@Test func posteriorGradientMatchesFiniteDifferences() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 11)
    let (gp, _) = model(&rng) { sin(5 * $0[0]) + $0[1] * $0[1] + 0.3 * $0[2] }
    let points = probes(&rng, 8)
    let all = gp.predictWithGradient(points.flatMap { $0 }, count: points.count)
    for (j, p) in points.enumerated() {
        let g = (mean: all.mean[j], variance: all.variance[j], dMean: Array(all.dMean[(3 * j)..<(3 * j + 3)]),
                 dVariance: Array(all.dVariance[(3 * j)..<(3 * j + 3)]))
        let direct = gp.predict(p, count: 1)
        #expect(abs(g.mean - direct.mean[0]) < 1e-9 && abs(g.variance - direct.variance[0]) < 1e-9)
        for t in 0..<2 {
            let h = 1e-6
            var a = p, b = p
            a[t] += h; b[t] -= h
            let pa = gp.predict(a, count: 1), pb = gp.predict(b, count: 1)
            let dMean = (pa.mean[0] - pb.mean[0]) / (2 * h), dVariance = (pa.variance[0] - pb.variance[0]) / (2 * h)
            #expect(abs(g.dMean[t] - dMean) < 1e-5 * max(1, abs(dMean)), "∂μ/∂x\(t) at \(p): \(g.dMean[t]) vs \(dMean)")
            #expect(abs(g.dVariance[t] - dVariance) < 1e-5 * max(1, abs(dVariance)), "∂σ²/∂x\(t) at \(p): \(g.dVariance[t]) vs \(dVariance)")
        }
        #expect(g.dMean[2] == 0 && g.dVariance[2] == 0)
    }
}

/// The acquisition's values and gradients (two objectives, log EHVI, and one constraint's log
/// probability of feasibility) agree with `scores` and with central differences of it.
@Test func acquisitionGradientMatchesFiniteDifferences() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 12)
    let (f1, x) = model(&rng) { $0[0] + 0.2 * $0[2] }
    let (f2, _) = model(&rng) { 1 - sqrt($0[0]) + $0[1] }
    let (c, _) = model(&rng) { $0[1] - 0.6 }
    var values: [[Double]] = []
    for i in 0..<(x.count / 3) {
        let p = Array(x[(3 * i)..<(3 * i + 3)])
        values.append([f1.predict(p, count: 1).mean[0], f2.predict(p, count: 1).mean[0]])
    }
    let surrogate = Surrogate(objectives: [f1, f2], feasibility: [c], feasibleValues: values)
    var checked = 0
    let points = probes(&rng, 12)
    let all = surrogate.scoresWithGradients(points.flatMap { $0 }, count: points.count)
    for (j, p) in points.enumerated() {
        let value = all.values[j], gradient = Array(all.gradients[(3 * j)..<(3 * j + 3)])
        let direct = surrogate.scores(p, count: 1)[0]
        #expect(abs(value - direct) < 1e-9 * max(1, abs(direct)), "value at \(p): \(value) vs \(direct)")
        guard value.isFinite && value > -200 else { continue }
        for t in 0..<2 {
            let h = 1e-5
            var a = p, b = p
            a[t] += h; b[t] -= h
            let fd = (surrogate.scores(a, count: 1)[0] - surrogate.scores(b, count: 1)[0]) / (2 * h)
            #expect(abs(gradient[t] - fd) < 1e-3 * max(1, abs(fd)), "∂a/∂x\(t) at \(p): \(gradient[t]) vs \(fd)")
        }
        checked += 1
    }
    #expect(checked >= 6)
}
