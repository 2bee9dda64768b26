import Testing
import Pareto
import Randomness

@Suite struct IndicatorsTests {
    let a = PointSet(rows: [[1, 3], [2, 2]])
    let r = PointSet(rows: [[0, 3], [3, 0]])

    @Test func handComputedValues() {
        // r=(0,3): nearest (1,3) at 1; r=(3,0): nearest (2,2) at √5.
        #expect(abs(Indicators.igd(a, reference: r) - (1 + 5.0.squareRoot()) / 2) < 1e-15)
        // IGD+: r=(0,3) → (1,3) gives 1; r=(3,0) → (2,2) gives 2.
        #expect(Indicators.igdPlus(a, reference: r) == 1.5)
        // ε+: r=(0,3) needs 1, r=(3,0) needs 2.
        #expect(Indicators.additiveEpsilon(a, reference: r) == 2)
        // (1,3) is weakly dominated by (0,3); nothing in r is dominated by a.
        #expect(Indicators.coverage(r, a) == 0.5)
        #expect(Indicators.coverage(a, r) == 0)
    }

    @Test func aSetAgainstItself() {
        #expect(Indicators.igd(a, reference: a) == 0)
        #expect(Indicators.igdPlus(a, reference: a) == 0)
        #expect(Indicators.additiveEpsilon(a, reference: a) == 0)
        #expect(Indicators.coverage(a, a) == 1)
    }

    @Test func igdPlusNeverExceedsIGDAndIsZeroForADominatingSet() {
        var rng = RandomSource(seed: 3)
        for _ in 0..<20 {
            let x = Sample.uniform(15, 3, &rng), y = Sample.uniform(10, 3, &rng)
            #expect(Indicators.igdPlus(x, reference: y) <= Indicators.igd(x, reference: y) + 1e-15)
        }
        let better = PointSet(rows: [[0, 0]])
        #expect(Indicators.igdPlus(better, reference: r) == 0)
        #expect(Indicators.additiveEpsilon(better, reference: r) == 0)
    }

    @Test func kneeOfAConvexFront() {
        let front = PointSet(rows: [[0, 1], [0.2, 0.3], [0.5, 0.2], [1, 0]])
        #expect(KneePoint.index(front) == 1)
        // Scaling one objective does not move the knee (normalisation).
        let scaled = PointSet(rows: [[0, 100], [0.2, 30], [0.5, 20], [1, 0]])
        #expect(KneePoint.index(scaled) == 1)
        #expect(KneePoint.index(PointSet(values: [], dimension: 2)) == nil)
        // 3-D: the point nearest the ideal corner stands out.
        let f3 = PointSet(rows: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.2, 0.2, 0.2], [0.5, 0.4, 0.3]])
        #expect(KneePoint.index(f3) == 3)
    }

    @Test func crowdingDistanceHandCase() {
        let p = PointSet(rows: [[0, 4], [9, 9], [1, 2], [2, 1], [4, 0]])
        // Objective 0 over the front (0, 1, 2, 4): (2-0)/4 and (4-1)/4; objective 1 likewise.
        let d = CrowdingDistance.distances(p, front: [0, 2, 3, 4])
        #expect(d == [.infinity, 1.25, 1.25, .infinity])
    }

    @Test(arguments: [3, 50, 400])
    func crowdingDistanceMatchesThePlainVersion(count n: Int) {
        var rng = RandomSource(seed: UInt64(n))
        for points in [Sample.uniform(n, 3, &rng), Sample.grid(n, 2, &rng)] {
            let front = Array((0..<points.count).filter { $0 % 3 != 1 }.reversed())
            #expect(CrowdingDistance.distances(points, front: front) == CrowdingDistance.naiveDistances(points, front: front))
        }
    }
}
