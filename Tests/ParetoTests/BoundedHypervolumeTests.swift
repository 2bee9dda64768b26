import Foundation
import Testing
import Randomness
@testable import Pareto

/// Points on the simplex x₁ + … + x_d = 1 (a linear front, all mutually non-dominated).
private func simplexFront(_ n: Int, _ d: Int, seed: UInt64) -> PointSet {
    var rng = RandomSource(seed: seed)
    var values: [Double] = []
    for _ in 0..<n {
        var row = (0..<d).map { _ in -Foundation.log(rng.uniform() + 1e-300) }
        let s = row.reduce(0, +)
        row = row.map { $0 / s }
        values += row
    }
    return PointSet(values: values, dimension: d)
}

@Test func exactHypervolumeIsRefusedBeyondItsWorkLimit() {
    // 10 objectives × 500 points and 100 × 40: minutes of WFG; refused after the budget.
    for (n, d) in [(500, 10), (40, 100)] {
        let front = simplexFront(n, d, seed: UInt64(d))
        let ref = [Double](repeating: 1.1, count: d)
        #expect(Hypervolume.compute(front, reference: ref, workLimit: 20_000_000) == nil, "\(n)×\(d)")
    }
    // Within the budget, the bounded value is the exact one.
    let small = simplexFront(60, 4, seed: 3)
    let ref = [1.1, 1.1, 1.1, 1.1]
    #expect(Hypervolume.compute(small, reference: ref, workLimit: Hypervolume.defaultWorkLimit) == Hypervolume.compute(small, reference: ref))
    let six = simplexFront(40, 6, seed: 4)
    let ref6 = [Double](repeating: 1.2, count: 6)
    #expect(Hypervolume.compute(six, reference: ref6, workLimit: Hypervolume.defaultWorkLimit) == Hypervolume.compute(six, reference: ref6))
    // The refusal depends on the work, not on time: the same answer every time.
    #expect(Hypervolume.compute(six, reference: ref6, workLimit: 100) == nil)
}

@Test func monteCarloEstimateIsWithinItsErrorAndRepeatable() {
    let front = simplexFront(80, 5, seed: 9)
    let ref = [Double](repeating: 1.1, count: 5)
    let exact = Hypervolume.compute(front, reference: ref)
    var a = RandomSource(seed: 1), b = RandomSource(seed: 1)
    let e = Hypervolume.estimate(front, reference: ref, samples: 200_000, using: &a)
    #expect(e == Hypervolume.estimate(front, reference: ref, samples: 200_000, using: &b))
    #expect(e.standardError > 0)
    #expect(abs(e.value - exact) < 4 * e.standardError, "\(e.value) vs \(exact) ± \(e.standardError)")
}
