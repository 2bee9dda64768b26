/// Crowding distance of the points of one front (Deb et al. 2002, NSGA-II).
public enum CrowdingDistance {
    /// Crowding distance of each point in `front` (indices into `points`), in the order given.
    /// Boundary points of each objective get `+infinity`; each objective's contribution is
    /// normalised by that objective's range within the front.
    /// - Complexity: O(M N log N).
    public static func distances(_ points: PointSet, front: [Int]) -> [Double] {
        let n = front.count, d = points.dimension
        var dist = [Double](repeating: 0, count: n)
        if n <= 2 { return [Double](repeating: .infinity, count: n) }
        let v = points.values
        var order = Array(0..<n)
        for k in 0..<d {
            order.sort { v[front[$0] * d + k] < v[front[$1] * d + k] || (v[front[$0] * d + k] == v[front[$1] * d + k] && $0 < $1) }
            let lo = v[front[order[0]] * d + k], hi = v[front[order[n - 1]] * d + k]
            dist[order[0]] = .infinity
            dist[order[n - 1]] = .infinity
            let range = hi - lo
            if range <= 0 { continue }
            for s in 1..<(n - 1) {
                let prev = v[front[order[s - 1]] * d + k], next = v[front[order[s + 1]] * d + k]
                dist[order[s]] += (next - prev) / range
            }
        }
        return dist
    }
}
