extension Hypervolume {
    /// 3-D hypervolume by a sweep along the third objective that keeps the 2-D staircase of the
    /// points seen so far and the area it dominates; each point's gain in area is found by walking
    /// the staircase points it removes.
    ///
    /// Beume, N., Fonseca, C. M., López-Ibáñez, M., Paquete, L., Vahrenhold, J. (2009). On the
    /// complexity of computing the hypervolume indicator. IEEE Trans. Evol. Comput. 13(5),
    /// 1075–1082. The staircase is a `RankSet` over the points' ranks by the first objective.
    /// - Complexity: O(n log n) (two radix sorts; each point is inserted and removed at most once,
    ///   each in O(log₆₄ n)).
    static func sweep3D(_ p: UnsafeBufferPointer<Double>, count n: Int, reference r: UnsafeBufferPointer<Double>) -> Double {
        let byX = KeyOrder.lexicographic(p, count: n, dimension: 3)
        let byZ = KeyOrder.ascending(p, count: n, stride: 3, offset: 2)
        var rankOf = [Int32](repeating: 0, count: n)
        var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
        let rx = r[0], ry = r[1], rz = r[2]
        let set = RankSet(universe: n)
        defer { set.deallocate() }
        var volume = 0.0
        rankOf.withUnsafeMutableBufferPointer { rank in
            xs.withUnsafeMutableBufferPointer { xs in
                ys.withUnsafeMutableBufferPointer { ys in
                    byX.withUnsafeBufferPointer { bx in
                        for k in 0..<n {
                            let i = Int(bx[k])
                            rank[i] = Int32(truncatingIfNeeded: k)
                            xs[k] = p[i &* 3]
                            ys[k] = p[i &* 3 &+ 1]
                        }
                    }
                    byZ.withUnsafeBufferPointer { bz in
                        var area = 0.0
                        for t in 0..<n {
                            let i = Int(bz[t])
                            let k = Int(rank[i])
                            let px = xs[k], py = ys[k], pz = p[i &* 3 &+ 2]
                            let pred = set.predecessor(k)
                            let left = pred >= 0 ? ys[pred] : ry
                            if left > py {
                                var curX = px, curY = left, gain = 0.0
                                var s = set.successor(k)
                                while s >= 0 && ys[s] >= py {
                                    gain += (xs[s] - curX) * (curY - py)
                                    curX = xs[s]
                                    curY = ys[s]
                                    set.remove(s)
                                    s = set.successor(s)
                                }
                                gain += ((s >= 0 ? xs[s] : rx) - curX) * (curY - py)
                                area += gain
                                set.insert(k)
                            }
                            let next = t &+ 1 < n ? p[Int(bz[t &+ 1]) &* 3 &+ 2] : rz
                            volume += area * (next - pz)
                        }
                    }
                }
            }
        }
        return volume
    }
}
