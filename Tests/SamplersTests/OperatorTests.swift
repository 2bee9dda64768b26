import Foundation
import Testing
import Hyperfront
@testable import Samplers

/// A generator that replays given uniform draws (as 53-bit fractions), for hand-computed cases.
struct ReplayGenerator: RandomNumberGenerator {
    var draws: [Double]
    var position = 0
    init(_ draws: [Double]) { self.draws = draws }
    mutating func next() -> UInt64 {
        defer { position += 1 }
        return UInt64(draws[position] * 0x1.0p53) << 11
    }
}

private func near(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) <= tol }

@Test func sbxMatchesHandComputedChildren() {
    // Oracle values from the bounded SBX formulas (Deb & Agrawal 1995), evaluated independently.
    var (c1, c2) = SimulatedBinaryCrossover.children(0.2, 0.6, lower: 0, upper: 1, eta: 15, u: 0.3)
    #expect(near(c1, 0.20628455804456944) && near(c2, 0.5937155341858971))
    (c1, c2) = SimulatedBinaryCrossover.children(0.6, 0.2, lower: 0, upper: 1, eta: 15, u: 0.9)
    #expect(near(c1, 0.1788363456948409) && near(c2, 0.6211646019610464))
    (c1, c2) = SimulatedBinaryCrossover.children(0.05, 0.1, lower: 0, upper: 1, eta: 2, u: 0.95)
    #expect(near(c1, 0.026288633997237403) && near(c2, 0.12885750045928637))
    // The children's mean equals the parents' mean whenever neither bound is near.
    (c1, c2) = SimulatedBinaryCrossover.children(0.49, 0.51, lower: 0, upper: 1, eta: 15, u: 0.7)
    #expect(near((c1 + c2) / 2, 0.5, 1e-9))
    // Identical parents stay put.
    (c1, c2) = SimulatedBinaryCrossover.children(0.3, 0.3, lower: 0, upper: 1, eta: 15, u: 0.7)
    #expect(c1 == 0.3 && c2 == 0.3)
}

@Test func sbxOperatorUsesItsDrawsInOrder() {
    let sbx = SimulatedBinaryCrossover(eta: 15, variableProbability: 0.5)
    // Coin 0.1 < 0.5: crossed with u = 0.3; swap coin 0.2 < 0.5: children exchanged.
    var rng = ReplayGenerator([0.1, 0.3, 0.2])
    var a = 0.2, b = 0.6
    sbx.cross(&a, &b, lower: 0, upper: 1, using: &rng)
    #expect(near(a, 0.5937155341858971) && near(b, 0.20628455804456944))
    // Coin 0.7 ≥ 0.5: untouched, one draw used.
    var rng2 = ReplayGenerator([0.7])
    var x = 0.2, y = 0.6
    sbx.cross(&x, &y, lower: 0, upper: 1, using: &rng2)
    #expect(x == 0.2 && y == 0.6 && rng2.position == 1)
}

@Test func polynomialMutationMatchesHandComputedMutants() {
    #expect(near(PolynomialMutation.mutant(0.5, lower: 0, upper: 1, eta: 20, u: 0.25), 0.46753180049317733))
    #expect(near(PolynomialMutation.mutant(0.5, lower: 0, upper: 1, eta: 20, u: 0.8), 0.5426946399707698))
    #expect(near(PolynomialMutation.mutant(0.1, lower: 0, upper: 2, eta: 5, u: 0.01), 0.002275545377865257))
    // u = 0.5 is the median of the perturbation: no change.
    #expect(near(PolynomialMutation.mutant(0.37, lower: 0, upper: 1, eta: 20, u: 0.5), 0.37))
    // u → 0 reaches the lower bound, u → 1 the upper bound.
    #expect(near(PolynomialMutation.mutant(0.37, lower: 0, upper: 1, eta: 20, u: 0), 0))
    #expect(near(PolynomialMutation.mutant(0.37, lower: 0, upper: 1, eta: 20, u: 1 - 1e-16), 1, 1e-6))
}

@Test func stochasticRoundingIsUnbiasedOnItsDraw() {
    #expect(StochasticRounding.round(2.3, u: 0.29) == 3)
    #expect(StochasticRounding.round(2.3, u: 0.31) == 2)
    #expect(StochasticRounding.round(4, u: 0) == 4)
    var rng = RandomSource(seed: 5)
    var sum = 0.0
    for _ in 0..<20_000 { sum += StochasticRounding.round(1.25, u: rng.nextUnit()) }
    #expect(abs(sum / 20_000 - 1.25) < 0.02)
}

@Test func resetMutationAlwaysPicksAnotherChoiceUniformly() {
    var counts = [Int](repeating: 0, count: 4)
    var rng = RandomSource(seed: 9)
    let reset = ResetMutation()
    for _ in 0..<8_000 {
        var k = 2.0
        reset.mutate(&k, count: 4, using: &rng)
        counts[Int(k)] += 1
    }
    #expect(counts[2] == 0)
    for i in [0, 1, 3] { #expect(abs(counts[i] - 8_000 / 3) < 250) }
    #expect(ResetMutation.reset(0, count: 3, u: 0) == 1)
    #expect(ResetMutation.reset(0, count: 3, u: 0.99) == 2)
}

@Test func integerOperatorsKeepChildrenOnTheGridAndMutationChangesTheValue() {
    let domains: [Domain] = [
        .int(lower: 2, upper: 20, log: false, step: 3),
        .int(lower: 1, upper: 1024, log: true, step: 1),
        .ordinal([16, 32, 64, 128]),
        .int(lower: 0, upper: 1, log: false, step: 1),
    ]
    var rng = RandomSource(seed: 21)
    let crossover = IntegerCrossover(eta: 15, variableProbability: 1)
    let mutation = IntegerMutation(eta: 20)
    for d in domains {
        let coding = GeneCoding(d)
        #expect(coding.kind == .integer)
        for _ in 0..<500 {
            let x = d.sample(using: &rng), y = d.sample(using: &rng)
            var a = coding.encode(x), b = coding.encode(y)
            crossover.cross(&a, &b, coding: coding, using: &rng)
            for g in [a, b] {
                let v = coding.decode(g)
                #expect(d.clamp(v) == v && v == coding.decode(coding.encode(v)), "\(d): \(v)")
            }
            var m = coding.encode(x)
            mutation.mutate(&m, coding: coding, using: &rng)
            let mv = coding.decode(m)
            #expect(d.clamp(mv) == mv && mv != x, "\(d): \(x) → \(mv)")
        }
    }
}

@Test func logScaledFloatsVaryInLogSpace() {
    let d = Domain.float(lower: 1e-4, upper: 1e-1, log: true, step: nil)
    let coding = GeneCoding(d)
    #expect(coding.kind == .real)
    #expect(abs(coding.lower - log(1e-4)) < 1e-12 && abs(coding.upper - log(1e-1)) < 1e-12)
    #expect(abs(coding.decode(coding.encode(3e-3)) - 3e-3) < 1e-15)
    // SBX away from the bounds keeps the mean of the genes: the children's geometric mean is
    // the parents' (1e-3·1e-2)^(1/2), not their arithmetic mean.
    let (g1, g2) = SimulatedBinaryCrossover.children(coding.encode(1e-3), coding.encode(1e-2), lower: coding.lower, upper: coding.upper, eta: 15, u: 0.6)
    let c1 = coding.decode(g1), c2 = coding.decode(g2)
    #expect(abs((c1 * c2).squareRoot() - (1e-5).squareRoot()) < 1e-9)
    // A step float lands on its grid.
    let stepped = GeneCoding(.float(lower: 0, upper: 0.5, log: false, step: 0.1))
    #expect(abs(stepped.decode(0.26) - 0.3) < 1e-12)
}

@Test func distributionPowerAgreesWithPow() {
    for x in [0.0, 0.3, 0.999, 1, 1.7, 12.5] {
        for e in [0.0, 1, 16, 21, 64, 2.5, 70] {
            let expected = pow(x, e)
            #expect(abs(DistributionPower.power(x, e) - expected) <= 1e-13 * Swift.max(1, expected), "\(x)^\(e)")
        }
    }
}
