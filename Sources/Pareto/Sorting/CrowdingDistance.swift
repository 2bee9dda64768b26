/// Crowding distance of the points of one front (Deb et al. 2002, NSGA-II).
///
/// Deb, K., Pratap, A., Agarwal, S., Meyarivan, T. (2002). A fast and elitist multiobjective
/// genetic algorithm: NSGA-II. IEEE Trans. Evol. Comput. 6(2), 182–197.
public enum CrowdingDistance {
    /// Crowding distance of each point in `front` (indices into `points`), in the order given.
    /// Boundary points of each objective get `+infinity`; each objective's contribution is
    /// normalised by that objective's range within the front. Ties in an objective are ordered
    /// by position in `front`.
    /// - Complexity: O(M N) with a radix sort per objective (O(M N log N) for small fronts).
    public static func distances(_ points: PointSet, front: [Int]) -> [Double] {
        let n = front.count, d = points.dimension
        if n <= 2 { return [Double](repeating: .infinity, count: n) }
        var dist = [Double](repeating: 0, count: n)
        var column = [Double](repeating: 0, count: n)
        points.values.withUnsafeBufferPointer { v in
            front.withUnsafeBufferPointer { f in
                dist.withUnsafeMutableBufferPointer { dist in
                    for k in 0..<d {
                        column.withUnsafeMutableBufferPointer { c in
                            for i in 0..<n { c[i] = v[f[i] &* d &+ k] }
                        }
                        let order = column.withUnsafeBufferPointer { KeyOrder.ascending($0, count: n, stride: 1, offset: 0) }
                        order.withUnsafeBufferPointer { o in
                            let first = Int(o[0]), last = Int(o[n &- 1])
                            dist[first] = .infinity
                            dist[last] = .infinity
                            let range = column[last] - column[first]
                            if !(range > 0) { return }
                            for s in 1..<(n &- 1) {
                                dist[Int(o[s])] += (column[Int(o[s &+ 1])] - column[Int(o[s &- 1])]) / range
                            }
                        }
                    }
                }
            }
        }
        return dist
    }

    /// The plain version (comparison sort per objective), kept as a test oracle.
    /// - Complexity: O(M N log N).
    public static func naiveDistances(_ points: PointSet, front: [Int]) -> [Double] {
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
