extension Hypervolume {
    /// 4-D hypervolume: a sweep along the fourth objective that keeps the 3-D volume of the points
    /// seen so far, adding each new point's exclusive 3-D contribution. The contribution is found
    /// by a sweep along the third objective over the points kept (sorted by it), inside the new
    /// point's box: a small sorted 2-D staircase, plus a left and a right wall for the points
    /// that reach past the box's lower corner in one objective. Points dominated in 3-D by a
    /// later one are dropped for good.
    ///
    /// Guerreiro, A. P., Fonseca, C. M., Emmerich, M. T. M. (2012). A fast dimension-sweep
    /// algorithm for the hypervolume indicator in four dimensions. CCCG 2012, 77–82; and
    /// Guerreiro, A. P., Fonseca, C. M. (2018). Computing and updating hypervolume contributions
    /// in up to four dimensions. IEEE Trans. Evol. Comput. 22(3), 449–463 (HV4D⁺).
    /// - Complexity: O(n²) time when the staircases inside the boxes stay small (each
    ///   contribution is one pass over the kept points), O(n³) in the worst case; O(n) memory.
    @inline(never)
    static func sweep4D(_ p: UnsafeBufferPointer<Double>, count n: Int, reference r: UnsafeBufferPointer<Double>) -> Double {
        let byW = KeyOrder.ascending(p, count: n, stride: 4, offset: 3)
        let rx = r[0], ry = r[1], rz = r[2], rw = r[3]
        // The kept points in ascending third-objective order (structure of arrays).
        let keptX = UnsafeMutablePointer<Double>.allocate(capacity: n &+ 1)
        let keptY = UnsafeMutablePointer<Double>.allocate(capacity: n &+ 1)
        let keptZ = UnsafeMutablePointer<Double>.allocate(capacity: n &+ 1)
        // The staircase inside the new point's box: ascending first, descending second objective.
        let stairX = UnsafeMutablePointer<Double>.allocate(capacity: n &+ 1)
        let stairY = UnsafeMutablePointer<Double>.allocate(capacity: n &+ 1)
        defer { for b in [keptX, keptY, keptZ, stairX, stairY] { b.deallocate() } }
        var keptCount = 0
        var volume3 = 0.0, total = 0.0

        /// Exclusive 3-D contribution of (px, py, pz) to the first `keptCount` kept points, or nil
        /// when one of them weakly dominates it in the first three objectives; `split` receives
        /// the index of the first kept point whose third objective is not below pz. (The count
        /// is a parameter so that no captured variable needs run-time exclusivity checks.)
        func contribution(_ px: Double, _ py: Double, _ pz: Double, _ keptCount: Int, _ split: inout Int) -> Double? {
            let boxArea = (rx - px) * (ry - py)
            var wallY = ry, wallX = rx, covered = 0.0
            var stairs = 0

            /// Adds the box of kept point j, clipped to p's box, to the covered area; true when
            /// it covers all of p's box in the first two objectives.
            @inline(__always)
            func add(_ j: Int) -> Bool {
                let qx = keptX[j], qy = keptY[j]
                let yq = qy > py ? qy : py
                if yq >= wallY || qx >= wallX { return false }
                if qx <= px {
                    if qy <= py { return true }
                    // A lower left wall: it removes the leading stairs at or above it.
                    var curX = px, curY = wallY, gain = 0.0, t = 0
                    while t < stairs && stairY[t] >= yq {
                        gain += (stairX[t] - curX) * (curY - yq)
                        curX = stairX[t]; curY = stairY[t]
                        t &+= 1
                    }
                    gain += ((t < stairs ? stairX[t] : wallX) - curX) * (curY - yq)
                    covered += gain
                    wallY = yq
                    if t > 0 {
                        stairs &-= t
                        stairX.update(from: stairX + t, count: stairs)
                        stairY.update(from: stairY + t, count: stairs)
                    }
                    return false
                }
                // First stair with x >= qx.
                var lo = 0, hi = stairs
                while lo < hi {
                    let mid = (lo &+ hi) &>> 1
                    if stairX[mid] < qx { lo = mid &+ 1 } else { hi = mid }
                }
                let left = lo > 0 ? stairY[lo &- 1] : wallY
                if left <= yq { return false }
                if lo < stairs && stairX[lo] == qx && stairY[lo] <= yq { return false }
                var curX = qx, curY = left, gain = 0.0, t = lo
                while t < stairs && stairY[t] >= yq {
                    gain += (stairX[t] - curX) * (curY - yq)
                    curX = stairX[t]; curY = stairY[t]
                    t &+= 1
                }
                gain += ((t < stairs ? stairX[t] : wallX) - curX) * (curY - yq)
                covered += gain
                // Replace stairs lo..<t by the new one.
                let removed = t &- lo
                if removed == 0 {
                    (stairX + lo + 1).update(from: stairX + lo, count: stairs &- lo)
                    (stairY + lo + 1).update(from: stairY + lo, count: stairs &- lo)
                    stairs &+= 1
                } else if removed > 1 {
                    (stairX + lo + 1).update(from: stairX + t, count: stairs &- t)
                    (stairY + lo + 1).update(from: stairY + t, count: stairs &- t)
                    stairs &-= removed &- 1
                }
                stairX[lo] = qx
                stairY[lo] = yq
                if qy <= py {
                    // A right wall: nothing beyond it is uncovered.
                    wallX = qx
                    stairs = lo
                }
                return false
            }

            // The slice at pz: every kept point not above p. First the walls alone (two
            // comparisons per point), so that the staircase only ever holds points inside them.
            var j = 0
            while j < keptCount && keptZ[j] <= pz {
                let qx = keptX[j], qy = keptY[j]
                if qx <= px {
                    if qy <= py { return nil }
                    if qy < wallY { wallY = qy }
                } else if qy <= py && qx < wallX {
                    wallX = qx
                }
                j &+= 1
            }
            covered = boxArea - (wallX - px) * (wallY - py)
            j = 0
            while j < keptCount && keptZ[j] < pz {
                if add(j) { return nil }
                j &+= 1
            }
            split = j
            while j < keptCount && keptZ[j] == pz {
                if add(j) { return nil }
                j &+= 1
            }
            // Sweep upwards until some point covers p's box in the first two objectives.
            var volume = 0.0, previousZ = pz
            while j < keptCount {
                let qz = keptZ[j]
                volume += (boxArea - covered) * (qz - previousZ)
                previousZ = qz
                if add(j) { return volume }
                j &+= 1
            }
            return volume + (boxArea - covered) * (rz - previousZ)
        }

        byW.withUnsafeBufferPointer { bw in
            for t in 0..<n {
                let i = Int(bw[t])
                let px = p[i &* 4], py = p[i &* 4 &+ 1], pz = p[i &* 4 &+ 2], pw = p[i &* 4 &+ 3]
                var split = 0
                if let c = contribution(px, py, pz, keptCount, &split) {
                    volume3 += c
                    // Drop the kept points from `split` on that the new point weakly dominates,
                    // then insert it at `split` (third-objective order).
                    var m = split
                    for j in split..<keptCount where !(keptX[j] >= px && keptY[j] >= py) {
                        keptX[m] = keptX[j]; keptY[m] = keptY[j]; keptZ[m] = keptZ[j]; m &+= 1
                    }
                    let tail = m &- split
                    if tail > 0 {
                        (keptX + split + 1).update(from: keptX + split, count: tail)
                        (keptY + split + 1).update(from: keptY + split, count: tail)
                        (keptZ + split + 1).update(from: keptZ + split, count: tail)
                    }
                    keptX[split] = px; keptY[split] = py; keptZ[split] = pz
                    keptCount = m &+ 1
                }
                let next = t &+ 1 < n ? p[Int(bw[t &+ 1]) &* 4 &+ 3] : rw
                total += volume3 * (next - pw)
            }
        }
        return total
    }
}
