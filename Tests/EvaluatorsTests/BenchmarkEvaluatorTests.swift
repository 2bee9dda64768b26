import Foundation
import Testing
import Hyperfront
import Pareto
@testable import Evaluators

private func f(_ problem: BenchmarkSpec.Problem, _ x: [Double]) -> [Double] {
    BenchmarkEvaluator(spec: BenchmarkSpec(problem: problem, variables: x.count)).objectives(x)
}

private func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol }
}

@Test func zdtValuesAtHandComputedPoints() {
    // g = 1 when x2…xn = 0: f2 = 1 − √f1 (ZDT1), 1 − f1² (ZDT2), 1 − √f1 − f1·sin(10π f1) (ZDT3).
    var x = [Double](repeating: 0, count: 30)
    x[0] = 0.25
    #expect(close(f(.zdt1, x), [0.25, 0.5]))
    #expect(close(f(.zdt2, x), [0.25, 0.9375]))
    #expect(close(f(.zdt3, x), [0.25, 0.5 - 0.25 * sin(2.5 * Double.pi)]))
    // x2…xn = 1: g = 10, ZDT1 f2 = 10 (1 − √(0.025)).
    let ones = [0.25] + [Double](repeating: 1, count: 29)
    #expect(close(f(.zdt1, ones), [0.25, 10 * (1 - 0.025.squareRoot())]))
    // ZDT4: g = 1 + 10·9 + Σ(0 − 10 cos 0) = 1.
    var z4 = [Double](repeating: 0, count: 10)
    z4[0] = 0.64
    #expect(close(f(.zdt4, z4), [0.64, 0.2]))
    // ZDT4 with x2 = 1 (cos 4π = 1): g = 1 + 90 + (1 − 10) + 8·(−10) = 2.
    z4[1] = 1
    #expect(close(f(.zdt4, z4), [0.64, 2 * (1 - 0.32.squareRoot())]))
    // ZDT6: x1 = 0 → f1 = 1, g = 1 → f2 = 0; x1 = 1/12 → sin(π/2) = 1, f1 = 1 − e^(−1/3).
    var z6 = [Double](repeating: 0, count: 10)
    #expect(close(f(.zdt6, z6), [1, 0]))
    z6[0] = 1.0 / 12
    let f1 = 1 - exp(-1.0 / 3)
    #expect(close(f(.zdt6, z6), [f1, 1 - f1 * f1]))
}

@Test func dtlzValuesAtHandComputedPoints() {
    // DTLZ1, M = 3, k = 5: distance variables 0.5 → g = 0 and Σ f = 0.5.
    let d1 = [0.3, 0.6] + [Double](repeating: 0.5, count: 5)
    #expect(close(f(.dtlz1, d1), [0.5 * 0.3 * 0.6, 0.5 * 0.3 * 0.4, 0.5 * 0.7]))
    // Distance variables 0: g = 100 (5 + 5 (0.25 − cos(−10π))) = 125.
    let d1far = [0.3, 0.6] + [Double](repeating: 0, count: 5)
    #expect(close(f(.dtlz1, d1far), [63 * 0.18, 63 * 0.12, 63 * 0.7], 1e-9))
    // DTLZ2 at x1 = x2 = 0.5, g = 0: (1/2, 1/2, √2/2).
    let d2 = [Double](repeating: 0.5, count: 12)
    #expect(close(f(.dtlz2, d2), [0.5, 0.5, 0.5.squareRoot()]))
    // DTLZ7 at x1 = x2 = 0.5, distance 0: g = 1, h = 3 − 2·(0.25 (1 + sin 1.5π)) = 3, f3 = 6.
    let d7 = [0.5, 0.5] + [Double](repeating: 0, count: 20)
    #expect(close(f(.dtlz7, d7), [0.5, 0.5, 6]))
    // DTLZ3 shares DTLZ1's g and DTLZ2's shape.
    let d3 = [0.5, 0.5] + [Double](repeating: 0, count: 10)
    let g3 = 100 * (10 + 10 * (0.25 - 1))
    #expect(close(f(.dtlz3, d3), [0.5 * (1 + g3), 0.5 * (1 + g3), 0.5.squareRoot() * (1 + g3)], 1e-9))
}

@Test func evaluatorReportsNamedMetricsAndRejectsBadInput() {
    let spec = BenchmarkSpec(problem: .zdt1, variables: 4)
    let e = BenchmarkEvaluator(spec: spec)
    #expect(e.metricNames == ["f1", "f2"])
    let x = Configuration([0.25, 0, 0, 0])
    let ok = e.evaluate(TrialRequest(number: 0, seed: 1, configuration: x, space: spec.space))
    #expect(ok.state == .complete)
    #expect(ok.metrics == ["f1": 0.25, "f2": 0.5])
    let short = e.evaluate(TrialRequest(number: 1, seed: 1, configuration: Configuration([0.1]), space: spec.space))
    #expect(short.state == .failed)
    #expect(short.failure?.contains("expects 4 variables") == true)
}

@Test func batchFastPathMatchesSingleEvaluations() {
    var rng = RandomSource(seed: 3)
    for problem in BenchmarkSpec.Problem.allCases {
        let spec = BenchmarkSpec(problem: problem)
        let e = BenchmarkEvaluator(spec: spec)
        let batch = (0..<5).map { _ in spec.space.sample(using: &rng) }
        let flat = e.objectives(batch: batch)
        #expect(flat == batch.flatMap { e.objectives($0.values) }, "\(problem)")
    }
}

@Test func trueFrontsAreNotDominatedByRandomPointsAndApproachTheirHypervolume() {
    // Closed-form hypervolume of each continuous front (minimisation) for the given reference.
    let a6 = 0.2807753191
    let zdt6Ceiling: Double = 0.1 * (1 - a6) + (1 - a6 * a6 * a6) / 3 + 0.11
    let cases: [(BenchmarkSpec.Problem, [Double], Double, Int, Double)] = [
        (.zdt1, [1.1, 1.1], 0.1 + 2.0 / 3 + 0.11, 200, 0.01),
        (.zdt2, [1.1, 1.1], 0.1 + 1.0 / 3 + 0.11, 200, 0.01),
        (.zdt6, [1.1, 1.1], zdt6Ceiling, 200, 0.01),
        (.zdt3, [1.1, 1.1], 1.331763, 250, 0.01),
        (.dtlz1, [0.55, 0.55, 0.55], 0.55 * 0.55 * 0.55 - 0.125 / 6, 60, 0.01),
        (.dtlz2, [1.1, 1.1, 1.1], 1.331 - Double.pi / 6, 60, 0.1),
    ]
    var rng = RandomSource(seed: 11)
    for (problem, reference, ceiling, points, tolerance) in cases {
        let spec = BenchmarkSpec(problem: problem)
        let front = spec.trueFront(points: points)
        let hv = Hypervolume.compute(front, reference: reference)
        #expect(hv <= ceiling + 1e-9 && hv > ceiling - tolerance, "\(problem): HV \(hv), ceiling \(ceiling)")
        let e = BenchmarkEvaluator(spec: spec)
        for _ in 0..<200 {
            let y = e.objectives(spec.space.sample(using: &rng).values)
            for i in 0..<front.count { #expect(!Dominance.dominates(y, front[i]), "\(problem)") }
        }
    }
}

@Test func sphericalFrontsLieOnTheUnitSphere() {
    for problem in [BenchmarkSpec.Problem.dtlz2, .dtlz3, .dtlz4] {
        let front = BenchmarkSpec(problem: problem).trueFront(points: 300)
        #expect(front.count > 200)
        for i in 0..<front.count { #expect(abs(front.row(i).reduce(0) { $0 + $1 * $1 } - 1) < 1e-12) }
    }
    // DTLZ5: a curve, f1² + f2² + f3² = 1 with f1 = f2.
    let curve = BenchmarkSpec(problem: .dtlz5).trueFront(points: 50)
    for i in 0..<curve.count {
        let p = curve.row(i)
        #expect(abs(p.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12 && abs(p[0] - p[1]) < 1e-12)
    }
}

@Test func dtlz7FrontIsDisconnectedAndOnItsSurface() {
    let spec = BenchmarkSpec(problem: .dtlz7)
    let front = spec.trueFront(points: 400)
    #expect(front.count > 50)
    for i in 0..<front.count {
        let p = front.row(i)
        let h = 3 - (0..<2).reduce(0.0) { $0 + p[$1] / 2 * (1 + sin(3 * Double.pi * p[$1])) }
        #expect(abs(p[2] - 2 * h) < 1e-9)
    }
    #expect(NondominatedSorting.nondominatedIndices(front).count == front.count)
}
