import Pareto

/// Orders the trials at one rung of multi-objective successive halving, best first: by
/// constrained non-dominated rank (feasible fronts first, then infeasible trials by increasing
/// violation; Deb et al. 2002), ties within a front broken by a diversity measure (larger
/// first), then by trial number (lower first). Schmucker et al. 2021, "Multi-objective
/// Asynchronous Successive Halving" (MO-ASHA, arXiv:2106.12639).
public enum RungRanking {
    /// How trials of one front are told apart.
    public enum Diversity: String, Sendable, Hashable, CaseIterable {
        /// NSGA-II's crowding distance within the front (boundary points first).
        case crowding
        /// Each point's exclusive hypervolume contribution within the front.
        case hypervolume
    }

    /// Whether point `candidate` is among the first `quota` of `points` (minimisation; rows of
    /// `points`, one violation each) in the rung order.
    ///
    /// Non-finite values are replaced per objective by a value worse than every finite one (or 0
    /// when none is finite), so a metric nobody reported does not decide anything.
    /// - Complexity: one constrained non-dominated sort of the rung (O(N log N) for two
    ///   objectives), plus the diversity of one front when the quota cuts through it.
    public static func isPromoted(_ candidate: Int, points raw: PointSet, violations: [Double], numbers: [Int], quota: Int,
                                  diversity: Diversity = .crowding) -> Bool {
        let n = raw.count
        precondition(candidate < n && violations.count == n && numbers.count == n)
        if quota >= n { return true }
        if quota <= 0 { return false }
        let points = finite(raw)
        // Every trial that dominates the candidate (constrained) ranks ahead of it: when
        // `quota` of them do, it is out without sorting the rung (most trials at a rung are).
        let d = points.dimension, vc = violations[candidate]
        var dominating = 0
        points.values.withUnsafeBufferPointer { v in
            let c = candidate * d
            for i in 0..<n where i != candidate {
                let vi = violations[i]
                if vc > 0 {
                    if vi < vc { dominating += 1 }
                    continue
                }
                if vi > 0 { continue }
                var better = false, worse = false
                for k in 0..<d {
                    let a = v[i * d + k], b = v[c + k]
                    if a < b { better = true } else if a > b { worse = true; break }
                }
                if better && !worse { dominating += 1 }
            }
        }
        if dominating >= quota { return false }
        let ranks = NondominatedSorting.ranks(points, violations: violations)
        let rc = ranks[candidate]
        var ahead = 0
        var front: [Int] = []
        for i in 0..<n {
            if ranks[i] < rc { ahead += 1 } else if ranks[i] == rc { front.append(i) }
        }
        if ahead >= quota { return false }
        if ahead + front.count <= quota { return true }
        let order = orderFront(front, points: points, numbers: numbers, feasible: violations[candidate] <= 0, diversity: diversity)
        return order.firstIndex(of: candidate)! < quota - ahead
    }

    /// The whole rung, best first (for reports and tests).
    public static func order(points raw: PointSet, violations: [Double], numbers: [Int], diversity: Diversity = .crowding) -> [Int] {
        let points = finite(raw)
        let ranks = NondominatedSorting.ranks(points, violations: violations)
        return NondominatedSorting.fronts(fromRanks: ranks).flatMap { front in
            orderFront(front, points: points, numbers: numbers, feasible: violations[front[0]] <= 0, diversity: diversity)
        }
    }

    /// One front, best first. An infeasible "front" (equal violation) is ordered by number only.
    static func orderFront(_ front: [Int], points: PointSet, numbers: [Int], feasible: Bool, diversity: Diversity) -> [Int] {
        guard feasible, front.count > 1 else { return front.sorted { numbers[$0] < numbers[$1] } }
        let score: [Double]
        switch diversity {
        case .crowding: score = CrowdingDistance.distances(points, front: front)
        case .hypervolume: score = contributions(front, points: points)
        }
        let ranked = front.indices.sorted { a, b in
            score[a] != score[b] ? score[a] > score[b] : numbers[front[a]] < numbers[front[b]]
        }
        return ranked.map { front[$0] }
    }

    /// Exclusive hypervolume contribution of each point of a front, with the reference point
    /// one range beyond the front's worst value per objective.
    static func contributions(_ front: [Int], points: PointSet) -> [Double] {
        let d = points.dimension
        let sub = points.subset(front)
        var reference = [Double](repeating: 0, count: d)
        for k in 0..<d {
            var lo = Double.infinity, hi = -Double.infinity
            for i in 0..<sub.count { lo = min(lo, sub[i][sub[i].startIndex + k]); hi = max(hi, sub[i][sub[i].startIndex + k]) }
            reference[k] = hi + max(hi - lo, 1e-12)
        }
        let total = Hypervolume.compute(sub, reference: reference)
        return (0..<sub.count).map { i in
            total - Hypervolume.compute(sub.subset((0..<sub.count).filter { $0 != i }), reference: reference)
        }
    }

    /// `points` with each objective's non-finite values replaced by a finite value worse than
    /// all its finite ones.
    static func finite(_ points: PointSet) -> PointSet {
        let d = points.dimension, n = points.count
        var values = points.values
        var fixNeeded = false
        for v in values where !v.isFinite { fixNeeded = true; break }
        guard fixNeeded else { return points }
        for k in 0..<d {
            var hi = -Double.infinity, lo = Double.infinity
            for i in 0..<n where values[i * d + k].isFinite { hi = max(hi, values[i * d + k]); lo = min(lo, values[i * d + k]) }
            let worse = hi.isFinite ? hi + max(hi - lo, 1) : 0
            for i in 0..<n where !values[i * d + k].isFinite { values[i * d + k] = worse }
        }
        return PointSet(values: values, dimension: d)
    }
}
