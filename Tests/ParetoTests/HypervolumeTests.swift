import Testing
@testable import Pareto
import Randomness

@Suite struct HypervolumeTests {
    static func kernel(for d: Int) -> Hypervolume.Kernel {
        switch d { case 2: .sweep2D; case 3: .sweep3D; case 4: .sweep4D; default: .wfg }
    }

    @Test(arguments: 1...6)
    func dispatcherAndKernelsMatchTheNaiveOracle(dimension d: Int) {
        let sizes = [1, 2, 3, 5, 8, 13, 30]
        var checked = 0
        for seed in 0..<40 {
            var rng = RandomSource(seed: UInt64(seed * 7 + d))
            let n = sizes[seed % sizes.count] - (d >= 5 && seed % sizes.count == 6 ? 12 : 0)
            let sets = [Sample.uniform(n, d, &rng), Sample.grid(n, d, &rng), Sample.sphere(n, d, &rng)]
            for points in sets {
                // A reference point that leaves some points outside the box.
                let reference = (0..<d).map { _ in Double.random(in: 0.6...1.2, using: &rng) }
                let oracle = Hypervolume.naive(points, reference: reference)
                let fast = Hypervolume.compute(points, reference: reference)
                #expect(relativeError(fast, oracle) < 1e-12, "d=\(d) seed=\(seed) n=\(n): \(fast) vs \(oracle)")
                if d >= 2 {
                    for kernel in [Self.kernel(for: d), .wfg] {
                        let k = Hypervolume.compute(points, reference: reference, kernel: kernel)
                        #expect(relativeError(k, oracle) < 1e-12, "\(kernel) d=\(d) seed=\(seed): \(k) vs \(oracle)")
                    }
                }
                checked += 1
            }
        }
        #expect(checked == 120)
    }

    @Test func hand2DCase() {
        // Boxes to (4, 4): [1,4]x[3,4] ∪ [2,4]x[2,4] ∪ [3,4]x[1,4] = 3 + 2 + 1 = 6.
        let p = PointSet(rows: [[1, 3], [2, 2], [3, 1]])
        #expect(Hypervolume.compute(p, reference: [4, 4]) == 6)
        // The same in 3-D with a unit-thick slab.
        let q = PointSet(rows: [[1, 3, 0], [2, 2, 0], [3, 1, 0]])
        #expect(Hypervolume.compute(q, reference: [4, 4, 1]) == 6)
    }

    @Test(arguments: 2...6)
    func addingDominatedPointsLeavesTheHypervolumeUnchanged(dimension d: Int) {
        var rng = RandomSource(seed: UInt64(100 + d))
        let front = Sample.sphere(d >= 5 ? 25 : 60, d, &rng)
        let reference = [Double](repeating: 1.1, count: d)
        let before = Hypervolume.compute(front, reference: reference)
        var augmented = front
        for i in 0..<front.count {
            // A copy, and a point pushed back in every objective.
            augmented.append(front[i])
            augmented.append(front[i].map { $0 + Double.random(in: 0...0.2, using: &rng) })
        }
        let after = Hypervolume.compute(augmented, reference: reference)
        #expect(relativeError(before, after) < 1e-12)
        #expect(before > 0)
    }

    @Test(arguments: 1...6)
    func inputsAreNotMutated(dimension d: Int) {
        var rng = RandomSource(seed: UInt64(200 + d))
        let points = Sample.uniform(40, d, &rng)
        let copy = points
        let reference = [Double](repeating: 1, count: d)
        _ = Hypervolume.compute(points, reference: reference)
        _ = NondominatedSorting.ranks(points)
        _ = NondominatedSorting.nondominatedIndices(points)
        #expect(points == copy)
        #expect(reference == [Double](repeating: 1, count: d))
    }

    @Test func pointsOutsideTheReferenceBoxContributeNothing() {
        let p = PointSet(rows: [[0.5, 0.5], [2, 0], [0, 1], [1, 0.2]])
        // Only (0.5, 0.5) is strictly inside the box to (1, 1): (1, 0.2) touches its border.
        #expect(Hypervolume.compute(p, reference: [1, 1]) == 0.25)
        #expect(Hypervolume.compute(PointSet(rows: [[3, 3, 3]]), reference: [1, 1, 1]) == 0)
    }

    @Test func largerRandomSetsAgreeAcrossKernels() {
        var rng = RandomSource(seed: 9)
        let p3 = Sample.sphere(400, 3, &rng)
        let r3 = [1.1, 1.1, 1.1]
        #expect(relativeError(Hypervolume.compute(p3, reference: r3, kernel: .sweep3D),
                              Hypervolume.compute(p3, reference: r3, kernel: .wfg)) < 1e-12)
        let p4 = Sample.sphere(150, 4, &rng)
        let r4 = [1.1, 1.1, 1.1, 1.1]
        #expect(relativeError(Hypervolume.compute(p4, reference: r4, kernel: .sweep4D),
                              Hypervolume.compute(p4, reference: r4, kernel: .wfg)) < 1e-12)
    }

    /// Hypervolume by slices along the last objective, each the (d − 1)-dimensional volume of
    /// the points below it by the kernel of that dimension: an oracle independent of WFG's
    /// limit sets, and cheap enough in debug builds for some hundred points.
    static func bySlices(_ points: PointSet, _ reference: [Double]) -> Double {
        let d = points.dimension
        let rows = (0..<points.count).map { points.row($0) }.sorted { $0[d - 1] < $1[d - 1] }
        var total = 0.0
        for i in 0..<rows.count {
            let hi = i + 1 < rows.count ? rows[i + 1][d - 1] : reference[d - 1]
            if hi <= rows[i][d - 1] { continue }
            let slice = PointSet(rows: rows[0...i].map { Array($0[0..<(d - 1)]) })
            total += (hi - rows[i][d - 1]) * Hypervolume.compute(slice, reference: Array(reference[0..<(d - 1)]))
        }
        return total
    }

    /// The five-objective WFG path (four-objective limit sets, packed sum keys) and the
    /// six-objective one (limit sets of run-time width) on fronts large enough for long limit
    /// sets, on ties-heavy grids (equal sums), and on dominated clouds.
    @Test(arguments: [5, 6])
    func wfgMatchesSlicedVolumesOnLargerSets(dimension d: Int) {
        var rng = RandomSource(seed: UInt64(300 + d))
        let n = d == 5 ? 120 : 45
        let reference = [Double](repeating: 1.1, count: d)
        for points in [Sample.sphere(n, d, &rng), Sample.grid(n, d, &rng), Sample.uniform(n, d, &rng)] {
            let oracle = Self.bySlices(points, reference)
            let fast = Hypervolume.compute(points, reference: reference, kernel: .wfg)
            #expect(relativeError(fast, oracle) < 1e-12, "d=\(d): \(fast) vs \(oracle)")
            #expect(oracle > 0)
        }
    }
}
