import Testing
@testable import Pareto

/// A splitmix64 stream for the tests (the Pareto toolkit depends on nothing).
private struct Stream: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Points on the simplex x₁ + … + x_d = 1 (a linear front, all mutually non-dominated).
private func simplexFront(_ n: Int, _ d: Int, seed: UInt64) -> PointSet {
    var rng = Stream(state: seed)
    var values: [Double] = []
    for _ in 0..<n {
        var row = (0..<d).map { _ in -log(Double(rng.next() >> 11) * 0x1p-53 + 1e-300) }
        let s = row.reduce(0, +)
        row = row.map { $0 / s }
        values += row
    }
    return PointSet(values: values, dimension: d)
}

private func log(_ x: Double) -> Double {
    // Natural logarithm without Foundation: ln x = log2(x)·ln 2, log2 by exponent and series.
    let e = Double(x.exponent), m = x.significand  // x = m·2^e, m in [1, 2)
    let t = (m - 1) / (m + 1), t2 = t * t
    var sum = 0.0, term = t
    for k in stride(from: 1, through: 41, by: 2) { sum += term / Double(k); term *= t2 }
    return 2 * sum + e * 0.693_147_180_559_945_3
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
    var a = Stream(state: 1), b = Stream(state: 1)
    let e = Hypervolume.estimate(front, reference: ref, samples: 200_000, using: &a)
    #expect(e == Hypervolume.estimate(front, reference: ref, samples: 200_000, using: &b))
    #expect(e.standardError > 0)
    #expect(abs(e.value - exact) < 4 * e.standardError, "\(e.value) vs \(exact) ± \(e.standardError)")
}
