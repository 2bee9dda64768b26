import Testing
import Pareto
import Randomness

/// The non-dominated rows of `rows`, each distinct row once (first occurrence order), by the
/// plain O(N²) definition.
private func naiveFront(_ rows: [[Double]]) -> [[Double]] {
    var out: [[Double]] = []
    for (i, p) in rows.enumerated() {
        let dominated = rows.contains { q in zip(q, p).allSatisfy { $0 <= $1 } && zip(q, p).contains { $0 < $1 } }
        if !dominated && !rows[..<i].contains(p) { out.append(p) }
    }
    return out
}

@Test(arguments: [2, 3])
func frontTrackerKeepsEachDistinctNondominatedPointOnce(dimension: Int) throws {
    var rng = RandomSource(seed: UInt64(40 + dimension))
    var tracker = FrontTracker(dimension: dimension)
    var all: [[Double]] = []
    // Points on a coarse grid (many exact repeats), some of them on a trade-off surface; more
    // than one consolidation's worth, and a non-finite point that must be ignored.
    for n in 0..<3000 {
        var p = (0..<dimension).map { _ in (Double(rng.next() >> 11) * 0x1p-53 * 8).rounded(.down) / 8 }
        if n % 3 == 0 { p[dimension - 1] = 1 - p[..<(dimension - 1)].reduce(0, +) / Double(dimension - 1) }
        all.append(p)
        tracker.add(p)
    }
    tracker.add([Double](repeating: .nan, count: dimension))
    tracker.consolidate()
    let expected = naiveFront(all)
    let front = tracker.front
    #expect(tracker.frontCount == expected.count)
    #expect(Set(front) == Set(expected))
    #expect(Set(front).count == front.count)
    let reference = tracker.reference
    let inside = expected.filter { p in zip(p, reference).allSatisfy { $0 < $1 } }
    let exact = Hypervolume.compute(PointSet(rows: inside), reference: reference)
    let hv = tracker.hypervolume()
    let tracked = try #require(hv)
    #expect(exact > 0 && abs(tracked - exact) <= 1e-12 * exact)
}
