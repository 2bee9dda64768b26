import Foundation
import Testing
import Hyperfront
import Pareto
@testable import Samplers

private func normal(_ rng: inout RandomSource) -> Double {
    let u = max(rng.nextUnit(), 1e-300), v = rng.nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
}

private func front(_ m: Int, _ k: Int, _ rng: inout RandomSource) -> [[Double]] {
    (0..<k).map { _ in
        let v = (0..<m).map { _ in abs(normal(&rng)) + 0.05 }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / norm }
    }
}

/// The boxes' hypervolume improvement equals HV(front ∪ {y}) − HV(front), in 2, 3 and 4 objectives.
@Test(arguments: [2, 3, 4])
func boxImprovementIsTheHypervolumeDifference(_ m: Int) {
    var rng = RandomSource(seed: UInt64(m))
    let points = front(m, 9, &rng)
    let reference = [Double](repeating: 1.2, count: m)
    let boxes = NondominatedBoxes(points: points, reference: reference)
    let base = Hypervolume.compute(PointSet(rows: points), reference: reference)
    for _ in 0..<40 {
        let y = (0..<m).map { _ in rng.nextUnit() * 1.3 }
        let exact = Hypervolume.compute(PointSet(rows: points + [y]), reference: reference) - base
        #expect(abs(boxes.improvement(y) - exact) < 1e-12, "y = \(y)")
    }
}

/// Exact EHVI against a Monte-Carlo oracle (200 000 draws), in 2 and 3 objectives.
@Test(arguments: [2, 3])
func expectedImprovementMatchesMonteCarlo(_ m: Int) {
    var rng = RandomSource(seed: 11 + UInt64(m))
    let points = front(m, 6, &rng)
    let reference = [Double](repeating: 1.1, count: m)
    let boxes = NondominatedBoxes(points: points, reference: reference)
    let ehvi = ExpectedHypervolumeImprovement(boxes)
    for trial in 0..<3 {
        let mean = (0..<m).map { _ in 0.3 + 0.6 * rng.nextUnit() }
        let sd = (0..<m).map { _ in 0.05 + 0.3 * rng.nextUnit() }
        let draws = 200_000
        var total = 0.0, squares = 0.0
        for _ in 0..<draws {
            let y = (0..<m).map { mean[$0] + sd[$0] * normal(&rng) }
            let v = boxes.improvement(y)
            total += v; squares += v * v
        }
        let estimate = total / Double(draws)
        let stderr = ((squares / Double(draws) - estimate * estimate) / Double(draws)).squareRoot()
        let exact = exp(ehvi.logValue(mean: mean, sd: sd))
        #expect(abs(exact - estimate) < 4 * stderr + 1e-9, "case \(trial): exact \(exact), Monte Carlo \(estimate) ± \(stderr)")
    }
}

/// Far from the front the linear sum underflows; the log path still ranks by distance.
@Test func logImprovementRanksWhereTheValueUnderflows() {
    let boxes = NondominatedBoxes(points: [[0.2, 0.8], [0.5, 0.5], [0.8, 0.2]], reference: [1, 1])
    let ehvi = ExpectedHypervolumeImprovement(boxes)
    let near = ehvi.logValue(mean: [3, 3], sd: [0.05, 0.05])
    let far = ehvi.logValue(mean: [6, 6], sd: [0.05, 0.05])
    #expect(near.isFinite && far.isFinite)
    #expect(near > far)
    #expect(exp(near) == 0)
    for z in stride(from: -40.0, through: 5, by: 0.5) {
        let direct = log(NormalFunctions.h(z))
        if direct.isFinite && z > -8 { #expect(abs(NormalFunctions.logH(z) - direct) < 1e-6 * max(1, abs(direct)), "z = \(z)") }
    }
}
