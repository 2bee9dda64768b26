import Foundation
import Hyperfront
import Pareto

/// The non-dominated set of the feasible, complete trials seen so far, kept incrementally,
/// with its hypervolume (recomputed only when the front or the reference point changed).
///
/// The reference point is the worst value seen per objective among feasible trials plus a
/// tenth of the range (1 when the range is zero), so the figure grows as the front improves
/// but is only comparable between two moments while that point stays the same.
public struct FrontTracker: Sendable {
    public let dimension: Int
    /// Front points, minimised, row by row, as of the last `consolidate()`.
    public private(set) var front: [[Double]] = []
    /// Points added since the last consolidation, row by row in one flat array.
    private var pending: [Double] = []
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

    /// Adds a point (objectives minimised); it joins the front at the next consolidation. The
    /// point is copied, so a caller may reuse its array.
    /// - Complexity: amortised O(log n) per point in 2-D and 3-D (the Pareto toolkit's filter
    ///   runs on front + pending once the pending points outnumber the front).
    public mutating func add(_ p: [Double]) {
        guard p.count == dimension, p.allSatisfy(\.isFinite) else { return }
        for i in 0..<dimension {
            if p[i] > worst[i] { worst[i] = p[i]; cached = nil }
            if p[i] < best[i] { best[i] = p[i]; cached = nil }
        }
        pending.append(contentsOf: p)
        if pending.count > Swift.max(256, front.count) * dimension { consolidate() }
    }

    /// Folds the pending points into the front.
    public mutating func consolidate() {
        guard !pending.isEmpty else { return }
        var all = [Double]()
        all.reserveCapacity(front.count * dimension + pending.count)
        for p in front { all += p }
        all += pending
        pending.removeAll(keepingCapacity: true)
        let kept = NondominatedSorting.nondominatedIndices(PointSet(values: all, dimension: dimension))
        var seen = Set<[Double]>()
        front = kept.compactMap { i in
            let row = Array(all[(i * dimension)..<((i + 1) * dimension)])
            return seen.insert(row).inserted ? row : nil
        }
        cached = nil
    }

    public var reference: [Double] {
        if let fixedReference { return fixedReference }
        return (0..<dimension).map { i in
            let range = worst[i] - best[i]
            return worst[i] + (range > 0 ? range / 10 : 1)
        }
    }

    /// The hypervolume of the front against `reference` (exact; Pareto toolkit).
    public mutating func hypervolume() -> Double? {
        consolidate()
        let ref = reference
        let inside = front.filter { p in zip(p, ref).allSatisfy { $0 < $1 } }
        guard !inside.isEmpty else { return front.isEmpty ? nil : 0 }
        if let cached { return cached }
        let v = Hypervolume.compute(PointSet(rows: inside), reference: ref)
        cached = v
        return v
    }
}
