import Testing
@testable import Pareto
import Randomness

@Suite struct NondominatedSortingTests {
    @Test(arguments: 1...6)
    func ranksMatchTheNaiveSort(dimension d: Int) {
        for seed in 0..<30 {
            var rng = RandomSource(seed: UInt64(seed * 11 + d))
            let n = [0, 1, 2, 7, 40, 120][seed % 6]
            for points in [Sample.uniform(n, d, &rng), Sample.grid(n, d, &rng)] {
                let oracle = NondominatedSorting.naiveRanks(points)
                #expect(NondominatedSorting.ranks(points) == oracle, "d=\(d) seed=\(seed)")
                let front = NondominatedSorting.nondominatedIndices(points)
                #expect(front == oracle.indices.filter { oracle[$0] == 0 })
            }
        }
    }

    /// Large enough to take the radix-sort path (n ≥ `KeyOrder.radixThreshold`).
    @Test(arguments: 2...5)
    func largerSetsMatchTheNaiveSort(dimension d: Int) {
        var rng = RandomSource(seed: UInt64(500 + d))
        let n = KeyOrder.radixThreshold + 88
        for points in [Sample.uniform(n, d, &rng), Sample.grid(n, d, &rng)] {
            let oracle = NondominatedSorting.naiveRanks(points)
            #expect(NondominatedSorting.ranks(points) == oracle)
            #expect(NondominatedSorting.nondominated(points) == points.subset(oracle.indices.filter { oracle[$0] == 0 }))
        }
    }

    @Test func handCase() {
        let p = PointSet(rows: [[1, 5], [2, 2], [3, 3], [5, 1], [2, 2], [4, 4], [6, 6]])
        #expect(NondominatedSorting.ranks(p) == [0, 0, 1, 0, 0, 2, 3])
        #expect(NondominatedSorting.fronts(fromRanks: [0, 0, 1, 0, 0, 2, 3]) == [[0, 1, 3, 4], [2], [5], [6]])
    }

    @Test func constrainedRanksPutFeasiblePointsFirst() {
        let p = PointSet(rows: [[1, 1], [0, 0], [2, 2], [0, 3], [5, 5]])
        // (0,0) is infeasible: the feasible (1,1),(0,3) lead, then (2,2); infeasible
        // points follow by violation, equal violations sharing a rank.
        let r = NondominatedSorting.ranks(p, violations: [0, 0.5, 0, 0, 0.5])
        #expect(r == [0, 2, 1, 0, 2])
        let r2 = NondominatedSorting.ranks(p, violations: [0, 2, 0, 0, 1])
        #expect(r2 == [0, 3, 1, 0, 2])
    }
}
