extension Hypervolume {
    /// The WFG algorithm: the hypervolume is the sum of exclusive contributions of the points
    /// taken in ascending order of the last objective; each contribution is the point's box minus
    /// the hypervolume of its non-dominated "limit set" one dimension lower, computed recursively
    /// (by the 4-D, 3-D or 2-D kernel once the dimension is low enough).
    ///
    /// While, L., Bradstreet, L., Barone, L. (2012). A fast way of calculating exact hypervolumes.
    /// IEEE Trans. Evol. Comput. 16(1), 86–95.
    ///
    /// Three cuts keep the limit sets cheap: only earlier points that are non-dominated in the
    /// first d − 1 objectives can yield non-dominated limit points (a dominated one yields a
    /// dominated limit point); limit points that differ from the current point in one objective
    /// only ("walls") dominate every limit point at or beyond the lowest of them, so the others
    /// are dropped in one pass; and the rest are filtered in ascending order of their coordinate
    /// sum, so a kept limit point is never dominated by a later one.
    /// - Complexity: exponential in d in the worst case; on typical fronts the limit sets shrink
    ///   quickly once filtered to their non-dominated points.
    static func wfg(_ p: UnsafeBufferPointer<Double>, count n: Int, dimension d: Int,
                    reference r: UnsafeBufferPointer<Double>) -> Double {
        if n == 0 { return 0 }
        let e = d &- 1
        if n == 1 {
            var v = 1.0
            for k in 0..<d { v *= r[k] - p[k] }
            return v
        }
        let order = KeyOrder.ascending(p, count: n, stride: d, offset: e)
        var sorted = [Double](repeating: 0, count: n &* d)
        var candidates = [Double](repeating: 0, count: n &* e)
        var limit = [Double](repeating: 0, count: n &* e)
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let sumOrder = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer { sums.deallocate(); sumOrder.deallocate() }
        // Earlier points non-dominated in the first e objectives (their first e objectives).
        let rows = UnsafeMutablePointer<Double>.allocate(capacity: n &* e)
        defer { rows.deallocate() }
        var projectedCount = 0
        let walls = UnsafeMutablePointer<Double>.allocate(capacity: e)
        let beatenFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        defer { walls.deallocate(); beatenFlags.deallocate() }
        var total = 0.0
        sorted.withUnsafeMutableBufferPointer { s in
            order.withUnsafeBufferPointer { o in
                for t in 0..<n {
                    let src = Int(o[t]) &* d, dst = t &* d
                    for k in 0..<d { s[dst &+ k] = p[src &+ k] }
                }
            }
            candidates.withUnsafeMutableBufferPointer { cand in
            limit.withUnsafeMutableBufferPointer { lim in
                for k in 0..<n {
                    let pk = k &* d
                    var box = 1.0
                    for j in 0..<e { box *= r[j] - s[pk &+ j] }
                    // Walls: limit points that differ from p_k in one objective only; the
                    // lowest wall of each objective dominates every limit point at or beyond it.
                    var covered = false
                    for x in 0..<e { walls[x] = r[x] }
                    var beaten = 0
                    for f in 0..<projectedCount {
                        let q = f &* e
                        var above = 0, below = 0, at = 0
                        for x in 0..<e {
                            let a = rows[q &+ x], b = s[pk &+ x]
                            above &+= a > b ? 1 : 0
                            at = a > b ? x : at
                            below &+= a < b ? 1 : 0
                        }
                        if above == 0 { covered = true; break }
                        if above == 1 && rows[q &+ at] < walls[at] { walls[at] = rows[q &+ at] }
                        // p_k dominates q in the projection: q leaves the projected front below.
                        beatenFlags[f] = below == 0 ? 1 : 0
                        beaten &+= below == 0 ? 1 : 0
                    }
                    // The other limit points of the projected front, clipped to p_k, that lie
                    // strictly inside the walls.
                    var c = 0
                    if !covered {
                        candidateScan: for f in 0..<projectedCount {
                            let q = f &* e, out = c &* e
                            var sum = 0.0
                            for x in 0..<e {
                                let a = rows[q &+ x], b = s[pk &+ x]
                                let v = a > b ? a : b
                                if v >= walls[x] { continue candidateScan }
                                cand[out &+ x] = v
                                sum += v
                            }
                            sums[c] = sum
                            sumOrder[c] = Int32(truncatingIfNeeded: c)
                            c &+= 1
                        }
                    }
                    if !covered {
                        do {
                            let so = sumOrder
                            KeyOrder.sortPairs(sums, sumOrder, count: c)
                            var m = 0
                            candidateLoop: for t in 0..<c {
                                let src = Int(so[t]) &* e
                                if e == 4 {
                                    // Branch-free test of the four objectives.
                                    let c0 = cand[src], c1 = cand[src &+ 1], c2 = cand[src &+ 2], c3 = cand[src &+ 3]
                                    var a = 0
                                    for _ in 0..<m {
                                        let hit = (lim[a] <= c0 ? 1 : 0) & (lim[a &+ 1] <= c1 ? 1 : 0)
                                            & (lim[a &+ 2] <= c2 ? 1 : 0) & (lim[a &+ 3] <= c3 ? 1 : 0)
                                        if hit != 0 { continue candidateLoop }
                                        a &+= 4
                                    }
                                } else {
                                    for i in 0..<m {
                                        let a = i &* e
                                        var x = 0
                                        while x < e && lim[a &+ x] <= cand[src &+ x] { x &+= 1 }
                                        if x == e { continue candidateLoop }
                                    }
                                }
                                let out = m &* e
                                for x in 0..<e { lim[out &+ x] = cand[src &+ x] }
                                m &+= 1
                            }
                            for x in 0..<e where walls[x] < r[x] {
                                let out = m &* e
                                for y in 0..<e { lim[out &+ y] = s[pk &+ y] }
                                lim[out &+ x] = walls[x]
                                m &+= 1
                            }
                            let dominatedPart = m == 0 ? 0 : dispatch(UnsafeBufferPointer(lim), count: m, dimension: e, reference: r)
                            total += (box - dominatedPart) * (r[e] - s[pk &+ e])
                        }
                    }
                    // Update the projected front with p_k (unless an earlier point weakly
                    // dominates it there, which is exactly when it is covered).
                    if !covered {
                        var w = projectedCount
                        if beaten > 0 {
                            w = 0
                            for f in 0..<projectedCount where beatenFlags[f] == 0 {
                                if w != f { (rows + w &* e).update(from: rows + f &* e, count: e) }
                                w &+= 1
                            }
                        }
                        (rows + w &* e).update(from: s.baseAddress! + pk, count: e)
                        projectedCount = w &+ 1
                    }
                }
            }}
        }
        return total
    }
}
