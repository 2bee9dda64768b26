/// The region a set of points does not dominate (below a reference point, minimisation),
/// cut into disjoint axis-aligned boxes, so that the hypervolume improvement of a new point
/// y is Σ over boxes of Πₖ (uₖ − max(lₖ, yₖ))⁺ — and, for independent Gaussian yₖ, the
/// expected improvement is Σ over boxes of Πₖ E[(uₖ − max(lₖ, yₖ))⁺], exactly.
/// (Yang, Emmerich, Deutz & Bäck, "Efficient computation of expected hypervolume improvement
/// using box decomposition algorithms", J. Global Optimization 75, 2019; the boxes here come
/// from slicing along the last objective, recursively: k+1 strips in 2-D, O(k²) boxes in 3-D.)
struct NondominatedBoxes: Sendable {
    let dimension: Int
    /// Box b spans [lower[b·m + k], upper[b·m + k]) in objective k; lower may be −∞.
    var lower: [Double] = []
    var upper: [Double] = []
    var count: Int { lower.count / max(dimension, 1) }

    /// The decomposition for `points` (row-major, m values each) and `reference`.
    /// - Complexity: O(k^(m−1)) boxes for k non-dominated points.
    init(points: [[Double]], reference: [Double]) {
        dimension = reference.count
        // Only points strictly inside the reference box dominate anything.
        let inside = points.filter { p in zip(p, reference).allSatisfy { $0 < $1 } }
        var lo = [Double](repeating: -.infinity, count: dimension), hi = reference
        slice(inside, dimension, &lo, &hi)
    }

    /// Boxes of the region (in the first `m` objectives, within [lo, hi) in the others) not
    /// dominated by the projections of `points` on the first m objectives.
    private mutating func slice(_ points: [[Double]], _ m: Int, _ lo: inout [Double], _ hi: inout [Double]) {
        let k = m - 1
        if points.isEmpty { lower += lo; upper += hi; return }
        if m == 1 {
            let least = points.reduce(Double.infinity) { min($0, $1[0]) }
            let saved = hi[0]
            hi[0] = least
            lower += lo; upper += hi
            hi[0] = saved
            return
        }
        // Slabs of objective k between the distinct values the points take there.
        let sorted = points.sorted { $0[k] < $1[k] }
        let top = hi[k], bottom = lo[k]
        // Below the smallest value nothing is dominated.
        hi[k] = sorted[0][k]
        lower += lo; upper += hi
        var active: [[Double]] = []
        var i = 0
        while i < sorted.count {
            let z = sorted[i][k]
            while i < sorted.count && sorted[i][k] == z { active.append(sorted[i]); i += 1 }
            active = Self.nondominated(active, m - 1)
            lo[k] = z
            hi[k] = i < sorted.count ? sorted[i][k] : top
            if hi[k] > lo[k] { slice(active, m - 1, &lo, &hi) }
        }
        lo[k] = bottom; hi[k] = top
    }

    /// The points not weakly dominated by another on the first `m` objectives (first copy of
    /// equal points kept).
    static func nondominated(_ points: [[Double]], _ m: Int) -> [[Double]] {
        var out: [[Double]] = []
        for (i, p) in points.enumerated() {
            var dominated = false
            for (j, q) in points.enumerated() where j != i {
                var all = true, strict = false
                for t in 0..<m { if q[t] > p[t] { all = false; break } else if q[t] < p[t] { strict = true } }
                if all && (strict || j < i) { dominated = true; break }
            }
            if !dominated { out.append(p) }
        }
        return out
    }

    /// The hypervolume improvement of `y` (exact, for tests and checks).
    func improvement(_ y: [Double]) -> Double {
        var total = 0.0
        for b in 0..<count {
            var v = 1.0
            for t in 0..<dimension {
                let l = max(lower[b * dimension + t], y[t]), u = upper[b * dimension + t]
                if u <= l { v = 0; break }
                v *= u - l
            }
            total += v
        }
        return total
    }
}
