extension Hypervolume {
    /// 4-D hypervolume: a sweep along the fourth objective that keeps the 3-D volume of the points
    /// seen so far, adding each new point's exclusive 3-D contribution. The contribution is found
    /// by a sweep along the third objective over the points kept (sorted by it), inside the new
    /// point's box: a 2-D staircase (a `RankSet` over ranks by the first objective) plus a left
    /// wall for the points that reach past its first coordinate. Points dominated in 3-D by a
    /// later one are dropped for good.
    ///
    /// Guerreiro, A. P., Fonseca, C. M., Emmerich, M. T. M. (2012). A fast dimension-sweep
    /// algorithm for the hypervolume indicator in four dimensions. CCCG 2012, 77–82; and
    /// Guerreiro, A. P., Fonseca, C. M. (2018). Computing and updating hypervolume contributions
    /// in up to four dimensions. IEEE Trans. Evol. Comput. 22(3), 449–463 (HV4D⁺).
    /// - Complexity: O(n²) time (each contribution is one pass over the kept points, each step
    ///   O(log₆₄ n)), O(n) memory.
    static func sweep4D(_ p: UnsafeBufferPointer<Double>, count n: Int, reference r: UnsafeBufferPointer<Double>) -> Double {
        let byX = KeyOrder.lexicographic(p, count: n, dimension: 4)
        let byW = KeyOrder.ascending(p, count: n, stride: 4, offset: 3)
        let rx = r[0], ry = r[1], rz = r[2], rw = r[3]
        var rankOf = [Int32](repeating: 0, count: n)
        var xs = [Double](repeating: 0, count: n), clippedY = [Double](repeating: 0, count: n)
        var kept = [Int32](repeating: 0, count: n), spare = [Int32](repeating: 0, count: n)
        var touched = [Int32](repeating: 0, count: n)
        let set = RankSet(universe: n)
        defer { set.deallocate() }
        var keptCount = 0
        var volume3 = 0.0, total = 0.0

        rankOf.withUnsafeMutableBufferPointer { rank in
        xs.withUnsafeMutableBufferPointer { xs in
        clippedY.withUnsafeMutableBufferPointer { cy in
        touched.withUnsafeMutableBufferPointer { touched in
            byX.withUnsafeBufferPointer { bx in
                for k in 0..<n {
                    let i = Int(bx[k])
                    rank[i] = Int32(truncatingIfNeeded: k)
                    xs[k] = p[i &* 4]
                }
            }
            /// Exclusive 3-D contribution of point `i` to the kept points, or nil when one of them
            /// weakly dominates it in the first three objectives.
            func contribution(_ i: Int, _ s: UnsafeMutableBufferPointer<Int32>) -> Double? {
                let px = p[i &* 4], py = p[i &* 4 &+ 1], pz = p[i &* 4 &+ 2]
                let boxArea = (rx - px) * (ry - py)
                var wallY = ry, covered = 0.0, volume = 0.0, previousZ = pz
                var sweeping = false, open = true, touchedCount = 0
                defer { for t in 0..<touchedCount { set.remove(Int(touched[t])) } }
                for j in 0..<keptCount {
                    let q = Int(s[j]) &* 4
                    let qx = p[q], qy = p[q &+ 1], qz = p[q &+ 2]
                    if sweeping || qz > pz {
                        sweeping = true
                        volume += (boxArea - covered) * (qz - previousZ)
                        previousZ = qz
                    }
                    let yq = qy > py ? qy : py
                    if yq >= wallY { continue }
                    if qx <= px {
                        if qy <= py {
                            if !sweeping { return nil }
                            open = false
                            break
                        }
                        var curX = px, curY = wallY, gain = 0.0
                        var t = set.first()
                        while t >= 0 && cy[t] >= yq {
                            gain += (xs[t] - curX) * (curY - yq)
                            curX = xs[t]; curY = cy[t]
                            set.remove(t)
                            t = set.successor(t)
                        }
                        gain += ((t >= 0 ? xs[t] : rx) - curX) * (curY - yq)
                        covered += gain
                        wallY = yq
                    } else {
                        let k = Int(rank[q &>> 2])
                        let pred = set.predecessor(k)
                        let left = pred >= 0 ? cy[pred] : wallY
                        if left <= yq { continue }
                        var curX = xs[k], curY = left, gain = 0.0
                        var t = set.successor(k)
                        while t >= 0 && cy[t] >= yq {
                            gain += (xs[t] - curX) * (curY - yq)
                            curX = xs[t]; curY = cy[t]
                            set.remove(t)
                            t = set.successor(t)
                        }
                        gain += ((t >= 0 ? xs[t] : rx) - curX) * (curY - yq)
                        covered += gain
                        cy[k] = yq
                        set.insert(k)
                        touched[touchedCount] = Int32(truncatingIfNeeded: k)
                        touchedCount &+= 1
                    }
                }
                if open { volume += (boxArea - covered) * (rz - previousZ) }
                return volume
            }

            byW.withUnsafeBufferPointer { bw in
                for t in 0..<n {
                    let i = Int(bw[t])
                    let pw = p[i &* 4 &+ 3]
                    var accepted = false
                    kept.withUnsafeMutableBufferPointer { s in
                        guard let c = contribution(i, s) else { return }
                        accepted = true
                        volume3 += c
                        // Keep the points not weakly dominated by the new one, and insert it in
                        // third-objective order.
                        let px = p[i &* 4], py = p[i &* 4 &+ 1], pz = p[i &* 4 &+ 2]
                        spare.withUnsafeMutableBufferPointer { out in
                            var m = 0, placed = false
                            for j in 0..<keptCount {
                                let q = Int(s[j]) &* 4
                                let qz = p[q &+ 2]
                                if !placed && qz > pz { out[m] = Int32(truncatingIfNeeded: i); m &+= 1; placed = true }
                                if p[q] >= px && p[q &+ 1] >= py && qz >= pz { continue }
                                out[m] = s[j]; m &+= 1
                            }
                            if !placed { out[m] = Int32(truncatingIfNeeded: i); m &+= 1 }
                            keptCount = m
                        }
                    }
                    if accepted { swap(&kept, &spare) }
                    let next = t &+ 1 < n ? p[Int(bw[t &+ 1]) &* 4 &+ 3] : rw
                    total += volume3 * (next - pw)
                }
            }
        }}}}
        return total
    }
}
