/// Non-dominated sorting: the front rank of every point (minimisation).
///
/// Ranks are **0-based**: rank 0 is the non-dominated set. Identical points share a rank.
public enum NondominatedSorting {
    /// Front rank of each point, in input order.
    ///
    /// Dispatches on the number of objectives M: a 1-D dense ranking, a 2-D sweep with a binary
    /// search over the fronts' last points, a 3-D sweep with one 2-D staircase per front, and
    /// the efficient non-dominated sort (ENS) above.
    /// - Complexity: O(N log N) for M ≤ 2, O(N log² N) for M = 3, O(M N²) worst case for M ≥ 4
    ///   (far less in practice).
    public static func ranks(_ points: PointSet) -> [Int] {
        ranks(points, frontLimit: Int.max)
    }

    /// Constrained ranks (Deb's rules): feasible points (violation ≤ 0) are sorted by Pareto
    /// dominance first; infeasible points follow, ranked by increasing total violation (equal
    /// violations share a rank).
    public static func ranks(_ points: PointSet, violations: [Double]) -> [Int] {
        precondition(violations.count == points.count)
        let feasible = violations.indices.filter { violations[$0] <= 0 }
        var result = [Int](repeating: 0, count: points.count)
        var next = 0
        if !feasible.isEmpty {
            let r = ranks(points.subset(feasible))
            for (k, i) in feasible.enumerated() { result[i] = r[k] }
            next = (r.max() ?? -1) + 1
        }
        let infeasible = violations.indices.filter { violations[$0] > 0 || violations[$0].isNaN }
            .sorted { a, b in
                let va = violations[a].isNaN ? .infinity : violations[a]
                let vb = violations[b].isNaN ? .infinity : violations[b]
                return va < vb || (va == vb && a < b)
            }
        var previous: Double? = nil
        for i in infeasible {
            let v = violations[i].isNaN ? Double.infinity : violations[i]
            if let p = previous, v != p { next += 1 }
            previous = v
            result[i] = next
        }
        return result
    }

    /// Indices of the non-dominated points (rank 0), in input order. Identical non-dominated
    /// points are all kept.
    /// - Complexity: the same kernels as `ranks`, stopping at the first front.
    public static func nondominatedIndices(_ points: PointSet) -> [Int] {
        let r = ranks(points, frontLimit: 1)
        return r.indices.filter { r[$0] == 0 }
    }

    /// The non-dominated points of `points`, in input order.
    public static func nondominated(_ points: PointSet) -> PointSet {
        points.subset(nondominatedIndices(points))
    }

    /// Groups point indices by rank: `fronts[k]` holds the indices of rank `k`, ascending.
    public static func fronts(fromRanks ranks: [Int]) -> [[Int]] {
        guard let top = ranks.max() else { return [] }
        var fronts = [[Int]](repeating: [], count: top + 1)
        for (i, r) in ranks.enumerated() { fronts[r].append(i) }
        return fronts
    }

    /// The plain O(M N²) sort (Deb et al. 2002, "fast non-dominated sort"), kept as a test oracle.
    /// - Complexity: O(M N²) time, O(N²) worst-case memory for the dominated lists.
    public static func naiveRanks(_ points: PointSet) -> [Int] {
        let n = points.count, d = points.dimension
        let v = points.values
        var dominatedBy = [Int](repeating: 0, count: n)
        var dominates = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                var better = false, worse = false
                for k in 0..<d {
                    let a = v[i * d + k], b = v[j * d + k]
                    if a < b { better = true } else if b < a { worse = true }
                }
                if better && !worse { dominates[i].append(j); dominatedBy[j] += 1 }
                else if worse && !better { dominates[j].append(i); dominatedBy[i] += 1 }
            }
        }
        var rank = [Int](repeating: 0, count: n)
        var current = (0..<n).filter { dominatedBy[$0] == 0 }
        var r = 0
        while !current.isEmpty {
            var next: [Int] = []
            for i in current {
                rank[i] = r
                for j in dominates[i] {
                    dominatedBy[j] -= 1
                    if dominatedBy[j] == 0 { next.append(j) }
                }
            }
            current = next
            r += 1
        }
        return rank
    }
}
