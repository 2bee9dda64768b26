import Pareto

/// Cuts a front down by removing its most crowded point one at a time and updating the
/// crowding distances of that point's neighbours after every removal (Kukkonen & Deb 2006,
/// "Improved pruning of non-dominated solutions based on crowding distance for bi-objective
/// optimization problems", CEC 2006). Plain NSGA-II ranks the front once and drops the tail;
/// recomputing after each removal keeps the survivors evenly spread, which matters most when
/// half of a front has to go.
public enum CrowdingPruning {
    /// Positions (into `front`) of the `keep` points that survive, ascending, and their
    /// crowding distances after pruning. Distances are normalised by each objective's range over
    /// the whole front; the extremes of each objective are +infinity; ties remove the later
    /// position first; non-finite contributions (failed trials) count as 0.
    /// - Complexity: O(M N log N + (N − keep)·(N + M)) for a front of N points.
    public static func prune(_ points: PointSet, front: [Int], keep: Int) -> (kept: [Int], crowding: [Double]) {
        let n = front.count, d = points.dimension
        precondition(keep >= 0 && keep <= n, "cannot keep \(keep) of \(n) points")
        if keep == n {
            let all = CrowdingDistance.distances(points, front: front).map { $0.isNaN ? 0 : $0 }
            return (Array(0..<n), all)
        }
        let v = points.values
        @inline(__always) func value(_ i: Int, _ k: Int) -> Double { v[front[i] * d + k] }
        var prev = [Int](repeating: -1, count: n * d), next = [Int](repeating: -1, count: n * d)
        var contribution = [Double](repeating: 0, count: n * d)
        var range = [Double](repeating: 0, count: d)
        var order = Array(0..<n)
        var key = [Double](repeating: 0, count: n)
        for k in 0..<d {
            for i in 0..<n { key[i] = value(i, k) }
            key.withUnsafeBufferPointer { key in
                order.sort { key[$0] < key[$1] || (key[$0] == key[$1] && $0 < $1) }
            }
            range[k] = value(order[n - 1], k) - value(order[0], k)
            for s in 0..<n {
                prev[k * n + order[s]] = s > 0 ? order[s - 1] : -1
                next[k * n + order[s]] = s + 1 < n ? order[s + 1] : -1
            }
        }
        func contributionOf(_ i: Int, _ k: Int) -> Double {
            let p = prev[k * n + i], q = next[k * n + i]
            if p < 0 || q < 0 { return .infinity }
            guard range[k] > 0 else { return 0 }
            let c = (value(q, k) - value(p, k)) / range[k]
            return c.isNaN ? 0 : c
        }
        var distance = [Double](repeating: 0, count: n)
        for k in 0..<d {
            for i in 0..<n { contribution[k * n + i] = contributionOf(i, k) }
        }
        func total(_ i: Int) -> Double {
            var s = 0.0
            for k in 0..<d { s += contribution[k * n + i] }
            return s
        }
        for i in 0..<n { distance[i] = total(i) }
        var alive = [Bool](repeating: true, count: n)
        for _ in 0..<(n - keep) {
            var worst = -1
            for i in 0..<n where alive[i] {
                if worst < 0 || distance[i] <= distance[worst] { worst = i }
            }
            alive[worst] = false
            for k in 0..<d {
                let p = prev[k * n + worst], q = next[k * n + worst]
                if p >= 0 { next[k * n + p] = q }
                if q >= 0 { prev[k * n + q] = p }
                if p >= 0 { contribution[k * n + p] = contributionOf(p, k) }
                if q >= 0 { contribution[k * n + q] = contributionOf(q, k) }
            }
            for k in 0..<d {
                let p = prev[k * n + worst], q = next[k * n + worst]
                if p >= 0 { distance[p] = total(p) }
                if q >= 0 { distance[q] = total(q) }
            }
        }
        let kept = (0..<n).filter { alive[$0] }
        return (kept, kept.map { distance[$0] })
    }
}
