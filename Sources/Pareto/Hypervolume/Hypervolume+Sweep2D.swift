extension Hypervolume {
    /// 2-D hypervolume: sort by the first objective, then add one horizontal strip per point that
    /// improves the running minimum of the second objective.
    ///
    /// Fonseca, C. M., Paquete, L., López-Ibáñez, M. (2006). An improved dimension-sweep
    /// algorithm for the hypervolume indicator. IEEE CEC 2006, 1157–1163 (the 2-D base case).
    /// - Complexity: O(n log n) (a radix sort, then one pass).
    static func sweep2D(_ p: UnsafeBufferPointer<Double>, count n: Int, reference r: UnsafeBufferPointer<Double>) -> Double {
        let order = KeyOrder.ascending(p, count: n, stride: 2, offset: 0)
        let rx = r[0]
        var best = r[1], area = 0.0
        order.withUnsafeBufferPointer { o in
            for t in 0..<n {
                let i = Int(o[t]) &* 2
                let y = p[i &+ 1]
                if y < best {
                    area += (rx - p[i]) * (best - y)
                    best = y
                }
            }
        }
        return area
    }
}
