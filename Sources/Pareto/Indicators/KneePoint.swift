/// The knee of a front: the point that gives up least in the other objectives for what it gains
/// in one, located as the point farthest beyond the hyperplane through the front's extreme
/// points, after normalising each objective to [0, 1] over the front (ideal → 0, nadir → 1).
///
/// Das, I. (1999). On characterizing the "knee" of the Pareto curve based on Normal-Boundary
/// Intersection. Structural Optimization 18(2–3), 107–115; Zhang, X., Tian, Y., Jin, Y. (2015).
/// A knee point-driven evolutionary algorithm for many-objective optimization. IEEE Trans.
/// Evol. Comput. 19(6), 761–776 (distance to the extreme hyperplane).
///
/// The extreme point of objective k is the point with the smallest value in k (ties: the
/// smallest sum of the others). When those points do not span a hyperplane with positive
/// intercepts (a degenerate front), the hyperplane Σ f̂_k = 1 through the unit points is used.
public enum KneePoint {
    /// Index (into `points`) of the knee; the points should be mutually non-dominated
    /// (minimisation). Nil when `points` is empty. Ties go to the lowest index.
    /// - Complexity: O(N M + M³).
    public static func index(_ points: PointSet) -> Int? {
        let n = points.count, d = points.dimension
        if n == 0 { return nil }
        if n == 1 || d == 1 {
            if d == 1 { return (0..<n).min { points.values[$0] < points.values[$1] } }
            return 0
        }
        let v = points.values
        var lo = [Double](repeating: .infinity, count: d), hi = [Double](repeating: -.infinity, count: d)
        for i in 0..<n {
            for k in 0..<d {
                lo[k] = min(lo[k], v[i * d + k])
                hi[k] = max(hi[k], v[i * d + k])
            }
        }
        func normalised(_ i: Int, _ k: Int) -> Double {
            let range = hi[k] - lo[k]
            return range > 0 ? (v[i * d + k] - lo[k]) / range : 0
        }
        // Extreme point of each objective.
        var extremes: [Int] = []
        for k in 0..<d {
            var best = 0
            var bestKey = (Double.infinity, Double.infinity)
            for i in 0..<n {
                var rest = 0.0
                for j in 0..<d where j != k { rest += normalised(i, j) }
                let key = (normalised(i, k), rest)
                if key < bestKey { bestKey = key; best = i }
            }
            extremes.append(best)
        }
        // Hyperplane w·f = 1 through the extremes: solve E w = 1.
        var matrix = extremes.map { i in (0..<d).map { normalised(i, $0) } }
        var w = [Double](repeating: 1, count: d)
        if !solve(&matrix, &w) || w.contains(where: { !($0 > 0) || !$0.isFinite }) {
            w = [Double](repeating: 1, count: d)
        }
        let norm = w.map { $0 * $0 }.reduce(0, +).squareRoot()
        var best = 0, bestDistance = -Double.infinity
        for i in 0..<n {
            var s = 0.0
            for k in 0..<d { s += w[k] * normalised(i, k) }
            let distance = (1 - s) / norm
            if distance > bestDistance { bestDistance = distance; best = i }
        }
        return best
    }

    /// Gaussian elimination with partial pivoting; `b` becomes the solution. False when singular.
    private static func solve(_ a: inout [[Double]], _ b: inout [Double]) -> Bool {
        let n = b.count
        for c in 0..<n {
            var p = c
            for r in (c + 1)..<max(c + 1, n) where abs(a[r][c]) > abs(a[p][c]) { p = r }
            if abs(a[p][c]) < 1e-12 { return false }
            a.swapAt(c, p); b.swapAt(c, p)
            for r in (c + 1)..<max(c + 1, n) {
                let f = a[r][c] / a[c][c]
                if f == 0 { continue }
                for k in c..<n { a[r][k] -= f * a[c][k] }
                b[r] -= f * b[c]
            }
        }
        for c in stride(from: n - 1, through: 0, by: -1) {
            var s = b[c]
            for k in (c + 1)..<n { s -= a[c][k] * b[k] }
            b[c] = s / a[c][c]
        }
        return true
    }
}
