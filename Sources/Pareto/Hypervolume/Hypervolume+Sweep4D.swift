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
    @inline(never)
    static func sweep4D(_ p: UnsafeBufferPointer<Double>, count n: Int, reference r: UnsafeBufferPointer<Double>) -> Double {
        let byX = KeyOrder.lexicographic(p, count: n, dimension: 4)
        let byW = KeyOrder.ascending(p, count: n, stride: 4, offset: 3)
        let rx = r[0], ry = r[1], rz = r[2], rw = r[3]
        // By rank in the first objective: its value, and the clipped second objective in use.
        let xs = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let cy = UnsafeMutablePointer<Double>.allocate(capacity: n)
        // The kept points in ascending third-objective order (structure of arrays), twice.
        let keptX = UnsafeMutablePointer<Double>.allocate(capacity: 2 &* n)
        let keptY = UnsafeMutablePointer<Double>.allocate(capacity: 2 &* n)
        let keptZ = UnsafeMutablePointer<Double>.allocate(capacity: 2 &* n)
        let keptR = UnsafeMutablePointer<Int32>.allocate(capacity: 2 &* n)
        let rankOf = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let touched = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let set = RankSet(universe: n)
        defer {
            set.deallocate()
            for b in [xs, cy, keptX, keptY, keptZ] { b.deallocate() }
            keptR.deallocate(); rankOf.deallocate(); touched.deallocate()
        }
        for k in 0..<n {
            let i = Int(byX[k])
            rankOf[i] = Int32(truncatingIfNeeded: k)
            xs[k] = p[i &* 4]
        }
        var current = 0, keptCount = 0
        var volume3 = 0.0, total = 0.0

        /// Exclusive 3-D contribution of (px, py, pz) to the kept points, or nil when one of them
        /// weakly dominates it in the first three objectives.
        func contribution(_ px: Double, _ py: Double, _ pz: Double) -> Double? {
            let kx = keptX + current, ky = keptY + current, kz = keptZ + current, kr = keptR + current
            let boxArea = (rx - px) * (ry - py)
            var wallY = ry, wallX = rx, covered = 0.0, volume = 0.0, previousZ = pz
            var sweeping = false, open = true, touchedCount = 0
            defer { for t in 0..<touchedCount { set.remove(Int(touched[t])) } }
            for j in 0..<keptCount {
                let qx = kx[j], qy = ky[j], qz = kz[j]
                if sweeping || qz > pz {
                    sweeping = true
                    volume += (boxArea - covered) * (qz - previousZ)
                    previousZ = qz
                }
                let yq = qy > py ? qy : py
                if yq >= wallY || qx >= wallX { continue }
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
                    let k = Int(kr[j])
                    let pred = set.predecessor(k)
                    let left = pred >= 0 ? cy[pred] : wallY
                    if left <= yq { continue }
                    var curX = qx, curY = left, gain = 0.0
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
                    if qy <= py { wallX = qx }
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
                let px = p[i &* 4], py = p[i &* 4 &+ 1], pz = p[i &* 4 &+ 2], pw = p[i &* 4 &+ 3]
                if let c = contribution(px, py, pz) {
                    volume3 += c
                    // Keep the points not weakly dominated by the new one, and insert it in
                    // third-objective order.
                    let sx = keptX + current, sy = keptY + current, sz = keptZ + current, sr = keptR + current
                    let other = current == 0 ? n : 0
                    let ox = keptX + other, oy = keptY + other, oz = keptZ + other, or = keptR + other
                    var m = 0, j = 0
                    while j < keptCount && sz[j] <= pz {
                        if !(sx[j] >= px && sy[j] >= py && sz[j] >= pz) {
                            ox[m] = sx[j]; oy[m] = sy[j]; oz[m] = sz[j]; or[m] = sr[j]; m &+= 1
                        }
                        j &+= 1
                    }
                    ox[m] = px; oy[m] = py; oz[m] = pz; or[m] = rankOf[i]; m &+= 1
                    while j < keptCount {
                        if !(sx[j] >= px && sy[j] >= py) {
                            ox[m] = sx[j]; oy[m] = sy[j]; oz[m] = sz[j]; or[m] = sr[j]; m &+= 1
                        }
                        j &+= 1
                    }
                    keptCount = m
                    current = other
                }
                let next = t &+ 1 < n ? p[Int(bw[t &+ 1]) &* 4 &+ 3] : rw
                total += volume3 * (next - pw)
            }
        }
        return total
    }
}
