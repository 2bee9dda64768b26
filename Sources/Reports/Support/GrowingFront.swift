import Pareto

/// The non-dominated set of the points added so far, in order of arrival, with its hypervolume
/// kept up to date: each point that joins the front adds its exclusive contribution
/// (`Hypervolume.contribution`), so the volume after every change costs one small limit set,
/// not one whole front. A point that a front point weakly dominates changes nothing; a point
/// that joins removes the front points it weakly dominates.
///
/// The contributions draw on one step budget (`Hypervolume.compute(_:reference:workLimit:)`'s
/// elementary steps, counted, so the outcome depends on the points alone); once it is spent,
/// `value` is nil and the front is still kept, so that a caller can estimate instead.
struct GrowingFront {
    let reference: [Double]
    let dimension: Int
    /// The front, minimised, row by row.
    private(set) var points: [Double] = []
    /// The front's hypervolume against `reference`; nil once the budget ran out.
    private(set) var value: Double? = 0
    private var budget: Int

    init(reference: [Double], budget: Int) {
        self.reference = reference
        self.dimension = reference.count
        self.budget = budget
    }

    var count: Int { points.count / dimension }

    /// Adds `v` (finite, minimised); true when the front changed.
    /// - Complexity: O(n d) for a front of n points, plus the contribution when it joins.
    mutating func add(_ v: [Double]) -> Bool {
        let d = dimension, n = count
        let covered = points.withUnsafeBufferPointer { p -> Bool in
            for i in 0..<n {
                var weakly = true
                for k in 0..<d where p[i &* d &+ k] > v[k] { weakly = false; break }
                if weakly { return true }
            }
            return false
        }
        if covered { return false }
        if let old = value {
            value = Hypervolume.contribution(of: v, to: PointSet(values: points, dimension: d), reference: reference, budget: &budget)
                .map { old + $0 }
        }
        var kept: [Double] = []
        kept.reserveCapacity(points.count + d)
        for i in 0..<n {
            var beaten = true
            for k in 0..<d where v[k] > points[i * d + k] { beaten = false; break }
            if !beaten { kept += points[(i * d)..<((i + 1) * d)] }
        }
        kept += v
        points = kept
        return true
    }

    /// The front's points strictly inside the reference box.
    var inside: PointSet {
        var out: [Double] = []
        for i in 0..<count where (0..<dimension).allSatisfy({ points[i * dimension + $0] < reference[$0] }) {
            out += points[(i * dimension)..<((i + 1) * dimension)]
        }
        return PointSet(values: out, dimension: dimension)
    }
}
