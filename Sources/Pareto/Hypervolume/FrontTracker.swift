/// The non-dominated set of the points added so far (a run adds its feasible, complete trials), kept incrementally,
/// with its hypervolume (recomputed only when the front or the reference point changed).
///
/// The reference point is `HypervolumeReference`'s: the worst value seen per objective plus a
/// tenth of the range (1 when the range is zero), so the figure grows as the front improves
/// but is only comparable between two moments while that point stays the same.
public struct FrontTracker: Sendable {
    public let dimension: Int
    /// Front points, minimised, row by row in one flat array, as of the last `consolidate()`.
    private var frontValues: [Double] = []
    /// Points added since the last consolidation, row by row in one flat array.
    private var pending: [Double] = []
    /// Scratch space of `consolidate()`, kept between calls.
    private var merged: [Double] = []
    private var order: [Int] = []
    private var worst: [Double]
    private var best: [Double]
    private var cached: Double? = nil
    private let fixedReference: [Double]?

    /// - Parameter reference: a fixed reference point (minimised); nil = follow the points seen.
    public init(dimension: Int, reference: [Double]? = nil) {
        self.dimension = dimension
        self.fixedReference = reference
        worst = Array(repeating: -.infinity, count: dimension)
        best = Array(repeating: .infinity, count: dimension)
    }

    /// Front points, minimised, row by row, as of the last `consolidate()`.
    public var front: [[Double]] {
        (0..<frontCount).map { i in Array(frontValues[(i * dimension)..<((i + 1) * dimension)]) }
    }

    /// Number of front points as of the last `consolidate()`.
    public var frontCount: Int { dimension == 0 ? 0 : frontValues.count / dimension }

    /// Adds a point (objectives minimised); it joins the front at the next consolidation. The
    /// point is copied, so a caller may reuse its array.
    /// - Complexity: amortised O(log n) per point in 2-D and 3-D (the Pareto toolkit's filter
    ///   runs on front + pending once the pending points outnumber the front and 1,024).
    public mutating func add(_ p: [Double]) {
        guard p.count == dimension, p.allSatisfy(\.isFinite) else { return }
        for i in 0..<dimension {
            if p[i] > worst[i] { worst[i] = p[i]; cached = nil }
            if p[i] < best[i] { best[i] = p[i]; cached = nil }
        }
        pending.append(contentsOf: p)
        if pending.count > Swift.max(1024, frontCount) * dimension { consolidate() }
    }

    /// Folds the pending points into the front: the non-dominated points of front + pending, in
    /// that order, each distinct point once (its first occurrence).
    public mutating func consolidate() {
        guard !pending.isEmpty else { return }
        let d = dimension
        merged.removeAll(keepingCapacity: true)
        merged += frontValues
        merged += pending
        pending.removeAll(keepingCapacity: true)
        let kept = NondominatedSorting.nondominatedIndices(PointSet(values: merged, dimension: d))
        // Equal points are found by sorting the kept rows lexicographically (ties by position);
        // all but the first of a run of equal rows are dropped.
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
            for k in 0..<d where merged[a * d + k] != merged[b * d + k] { return merged[a * d + k] < merged[b * d + k] }
            return false
        }
        order.removeAll(keepingCapacity: true)
        order += kept.indices
        order.sort { x, y in less(kept[x], kept[y]) || (!less(kept[y], kept[x]) && x < y) }
        var duplicate = [Bool](repeating: false, count: kept.count)
        for j in order.indices.dropFirst() where !less(kept[order[j - 1]], kept[order[j]]) { duplicate[order[j]] = true }
        frontValues.removeAll(keepingCapacity: true)
        for (j, i) in kept.enumerated() where !duplicate[j] { frontValues += merged[(i * d)..<((i + 1) * d)] }
        cached = nil
    }

    public var reference: [Double] {
        if let fixedReference { return fixedReference }
        return HypervolumeReference.point(worst: worst, best: best)
    }

    /// Steps an exact hypervolume of the progress display may take (`Hypervolume.compute(_:reference:workLimit:)`):
    /// about 10⁷, milliseconds, so a run is never held up by it.
    public static let hypervolumeWorkLimit = 10_000_000

    /// The hypervolume of the front against `reference` (exact; Pareto toolkit), or nil when the
    /// front is empty or too large for an exact value within `hypervolumeWorkLimit` steps
    /// (many objectives): the progress line then shows none rather than stall the run.
    public mutating func hypervolume() -> Double? {
        consolidate()
        let ref = reference
        let inside = front.filter { p in zip(p, ref).allSatisfy { $0 < $1 } }
        guard !inside.isEmpty else { return frontCount == 0 ? nil : 0 }
        if let cached { return cached }
        let v = Hypervolume.compute(PointSet(rows: inside), reference: ref, workLimit: Self.hypervolumeWorkLimit)
        cached = v
        return v
    }
}
