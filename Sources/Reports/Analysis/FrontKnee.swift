/// The knee of a front: after scaling each objective to [0, 1] over the front, the point
/// farthest below the hyperplane through the extreme points (the plane Σ fₖ = 1), i.e. the
/// one with the smallest sum of normalised objectives. Ties go to the earlier point.
///
/// Das, I. (1999). On characterizing the "knee" of the Pareto curve based on normal-boundary
/// intersection. Structural Optimization 18, 107–115; the distance-to-extreme-hyperplane form
/// of Zhang, Tian & Jin (2015), A knee point-driven evolutionary algorithm for many-objective
/// optimization, IEEE TEVC 19(6).
///
/// Kept inside Reports until the Pareto module's `KneePoint` is merged.
enum FrontKnee {
    /// Index (into `rows`) of the knee; nil for an empty front.
    /// - Complexity: O(N·M).
    static func knee(_ rows: [[Double]]) -> Int? {
        guard let first = rows.first else { return nil }
        let m = first.count
        var lo = first, hi = first
        for r in rows { for k in 0..<m { lo[k] = min(lo[k], r[k]); hi[k] = max(hi[k], r[k]) } }
        var best: Int? = nil, bestSum = Double.infinity
        for (i, r) in rows.enumerated() {
            var s = 0.0
            for k in 0..<m where hi[k] > lo[k] { s += (r[k] - lo[k]) / (hi[k] - lo[k]) }
            if s < bestSum { bestSum = s; best = i }
        }
        return best
    }
}
