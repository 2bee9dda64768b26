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
    /// Front points, minimised, row by row.
    public private(set) var front: [[Double]] = []
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

    /// Adds a point (objectives minimised). Returns whether it joined the front.
    /// - Complexity: O(front size × dimension).
    @discardableResult
    public mutating func add(_ p: [Double]) -> Bool {
        guard p.count == dimension, p.allSatisfy(\.isFinite) else { return false }
        for i in 0..<dimension {
            if p[i] > worst[i] { worst[i] = p[i]; cached = nil }
            if p[i] < best[i] { best[i] = p[i]; cached = nil }
        }
        for q in front where Dominance.weaklyDominates(q, p) { return false }
        front.removeAll { Dominance.dominates(p, $0) }
        front.append(p)
        cached = nil
        return true
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
        let ref = reference
        let inside = front.filter { p in zip(p, ref).allSatisfy { $0 < $1 } }
        guard !inside.isEmpty else { return front.isEmpty ? nil : 0 }
        if let cached { return cached }
        let v = Hypervolume.compute(PointSet(rows: inside), reference: ref)
        cached = v
        return v
    }
}
