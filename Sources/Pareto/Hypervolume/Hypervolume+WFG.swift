/// The number of objectives of the WFG limit sets, known at compile time where it matters: the
/// generic WFG core is specialised for limit sets of four objectives (d = 5, the common case
/// and the one whose inner loops dominate), so that its per-point loops unroll and run
/// branch-free; other dimensions use the width at run time.
protocol LimitWidth {
    /// Objectives per limit point (d − 1).
    var value: Int { get }
}

/// Four-objective limit sets (d = 5).
struct LimitWidth4: LimitWidth {
    @inline(__always) var value: Int { 4 }
}

/// Limit sets of any width, known at run time.
struct LimitWidthAny: LimitWidth {
    let value: Int
}

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
                    reference r: UnsafeBufferPointer<Double>, meter: WorkMeter? = nil) -> Double {
        if n == 0 { return 0 }
        if n == 1 {
            var v = 1.0
            for k in 0..<d { v *= r[k] - p[k] }
            return v
        }
        if d == 5 { return wfgSweep(p, count: n, width: LimitWidth4(), reference: r, meter: meter) }
        return wfgSweep(p, count: n, width: LimitWidthAny(value: d &- 1), reference: r, meter: meter)
    }

    /// The WFG sweep over `n ≥ 2` rows of `width.value + 1` objectives.
    @inline(never)
    static func wfgSweep<W: LimitWidth>(_ p: UnsafeBufferPointer<Double>, count n: Int, width: W,
                                        reference r: UnsafeBufferPointer<Double>, meter: WorkMeter? = nil) -> Double {
        let e = width.value, d = e &+ 1
        // Sorting, copying and the buffers: about n·d steps.
        if let meter, !meter.spend(n &* d &* 4) { return .nan }
        let order = KeyOrder.ascending(p, count: n, stride: d, offset: e)
        // The points in ascending last-objective order.
        let s = UnsafeMutablePointer<Double>.allocate(capacity: n &* d)
        // Limit points inside the walls, and the non-dominated limit set.
        let cand = UnsafeMutablePointer<Double>.allocate(capacity: n &* e)
        let lim = UnsafeMutablePointer<Double>.allocate(capacity: (n &+ e) &* e)
        let sums = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let sumOrder = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        // Four-objective limit sets: the sums' order-preserving images with the candidate's slot
        // in the low `slotBits` bits, sorted as plain integers.
        var slotBits = 1
        while 1 &<< slotBits < n { slotBits &+= 1 }
        let packSlots = W.self == LimitWidth4.self && slotBits <= 20
        let packed = UnsafeMutablePointer<UInt64>.allocate(capacity: packSlots ? n : 0)
        let slotMask = UInt64(1) &<< UInt64(slotBits) &- 1
        // Earlier points non-dominated in the first e objectives (their first e objectives).
        let rows = UnsafeMutablePointer<Double>.allocate(capacity: n &* e)
        let walls = UnsafeMutablePointer<Double>.allocate(capacity: e)
        let beatenFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        defer {
            s.deallocate(); cand.deallocate(); lim.deallocate(); sums.deallocate()
            sumOrder.deallocate(); packed.deallocate(); rows.deallocate(); walls.deallocate(); beatenFlags.deallocate()
        }
        order.withUnsafeBufferPointer { o in
            for t in 0..<n {
                let src = Int(o[t]) &* d, dst = t &* d
                for k in 0..<d { s[dst &+ k] = p[src &+ k] }
            }
        }
        let limBuffer = UnsafeBufferPointer(start: UnsafePointer(lim), count: (n &+ e) &* e)
        var projectedCount = 0
        var total = 0.0
        for k in 0..<n {
            let pk = s + k &* d
            // Walls: limit points that differ from p_k in one objective only; the lowest wall
            // of each objective dominates every limit point at or beyond it.
            var covered = false
            for x in 0..<e { walls[x] = r[x] }
            var beaten = 0
            if W.self == LimitWidth4.self {
                let pv = UnsafeRawPointer(pk).loadUnaligned(as: SIMD4<Double>.self)
                let lanes = SIMD4<Int64>(1, 2, 4, 8)
                let rowsRaw = UnsafeRawPointer(rows)
                for f in 0..<projectedCount {
                    let qv = rowsRaw.loadUnaligned(fromByteOffset: f &* 32, as: SIMD4<Double>.self)
                    // Bit x set: q exceeds p_k in objective x.
                    let above = SIMD4<Int64>.zero.replacing(with: lanes, where: qv .> pv).wrappedSum()
                    if above == 0 { covered = true; break }
                    if above & (above &- 1) == 0 {
                        let at = above.trailingZeroBitCount
                        let v = qv[at]
                        walls[at] = v < walls[at] ? v : walls[at]
                    }
                    let notBelow = all(qv .>= pv)
                    beatenFlags[f] = notBelow ? 1 : 0
                    beaten &+= notBelow ? 1 : 0
                }
            } else {
            for f in 0..<projectedCount {
                let q = rows + f &* e
                var above = 0, below = 0, at = 0
                for x in 0..<e {
                    let a = q[x], b = pk[x]
                    above &+= a > b ? 1 : 0
                    at = a > b ? x : at
                    below &+= a < b ? 1 : 0
                }
                if above == 0 { covered = true; break }
                if above == 1 {
                    let v = q[at]
                    walls[at] = v < walls[at] ? v : walls[at]
                }
                // p_k dominates q in the projection: q leaves the projected front below.
                beatenFlags[f] = below == 0 ? 1 : 0
                beaten &+= below == 0 ? 1 : 0
            }
            }
            // An earlier point weakly dominates p_k in the first e objectives: no contribution,
            // and the projected front is unchanged.
            if covered { continue }
            // The other limit points of the projected front, clipped to p_k, that lie strictly
            // inside the walls (written unconditionally, kept when inside).
            var c = 0
            for f in 0..<projectedCount {
                let q = rows + f &* e, out = cand + c &* e
                var sum = 0.0, inside = 1
                for x in 0..<e {
                    let a = q[x], b = pk[x]
                    let v = a > b ? a : b
                    inside &= v < walls[x] ? 1 : 0
                    out[x] = v
                    sum += v
                }
                if packSlots {
                    packed[c] = KeyOrder.sortableKey(sum) & ~slotMask | UInt64(truncatingIfNeeded: c)
                } else {
                    sums[c] = sum
                    sumOrder[c] = Int32(truncatingIfNeeded: c)
                }
                c &+= inside
            }
            // Filter in ascending sum order: a candidate is kept unless an earlier kept one
            // weakly dominates it; the last dominator found is tried first. (Sums that agree
            // to within the slot bits may come in either order: a dominated limit point may
            // then stay, which costs the kernel below a little time and changes no volume.)
            var m = 0
            if packSlots {
                KeyOrder.sortKeys(packed, count: c)
                for t in 0..<c { sumOrder[t] = Int32(truncatingIfNeeded: packed[t] & slotMask) }
                m = filter4(cand, sumOrder, count: c, into: lim)
            } else {
                KeyOrder.sortPairs(sums, sumOrder, count: c)
                var lastHit = 0
                candidateLoop: for t in 0..<c {
                    let cv = cand + Int(sumOrder[t]) &* e
                    if m > 0 {
                        let a = lim + lastHit &* e
                        var hit = 1
                        for x in 0..<e { hit &= a[x] <= cv[x] ? 1 : 0 }
                        if hit != 0 { continue candidateLoop }
                    }
                    for i in 0..<m {
                        let a = lim + i &* e
                        var hit = 1
                        for x in 0..<e { hit &= a[x] <= cv[x] ? 1 : 0 }
                        if hit != 0 { lastHit = i; continue candidateLoop }
                    }
                    (lim + m &* e).update(from: cv, count: e)
                    m &+= 1
                }
            }
            for x in 0..<e where walls[x] < r[x] {
                let out = lim + m &* e
                out.update(from: pk, count: e)
                out[x] = walls[x]
                m &+= 1
            }
            var box = 1.0
            for x in 0..<e { box *= r[x] - pk[x] }
            // Steps: point comparisons of the walls, clipping and filtering passes, each over e objectives.
            if let meter, !meter.spend((projectedCount &* 2 &+ c &* (m &+ 1) &+ e) &* e) { return .nan }
            let dominatedPart = m == 0 ? 0 : dispatch(limBuffer, count: m, dimension: e, reference: r, meter: meter)
            if let meter, meter.exhausted { return .nan }
            total += (box - dominatedPart) * (r[e] - pk[e])
            // Update the projected front with p_k.
            var w = projectedCount
            if beaten > 0 {
                w = 0
                for f in 0..<projectedCount where beatenFlags[f] == 0 {
                    if w != f { (rows + w &* e).update(from: rows + f &* e, count: e) }
                    w &+= 1
                }
            }
            (rows + w &* e).update(from: pk, count: e)
            projectedCount = w &+ 1
        }
        return total
    }

    /// The candidates of four objectives taken in `order` (ascending coordinate sum) that no
    /// earlier kept one weakly dominates, copied to `lim`; their count. Four-wide vector
    /// comparisons, and the last dominator found is tried first.
    /// - Complexity: O(c·m) for c candidates and m kept.
    @inline(__always)
    static func filter4(_ cand: UnsafeMutablePointer<Double>, _ order: UnsafeMutablePointer<Int32>, count c: Int,
                        into lim: UnsafeMutablePointer<Double>) -> Int {
        let candRaw = UnsafeRawPointer(cand), limRaw = UnsafeMutableRawPointer(lim)
        var m = 0, lastHit = 0
        candidateLoop: for t in 0..<c {
            let cv = candRaw.loadUnaligned(fromByteOffset: Int(order[t]) &* 32, as: SIMD4<Double>.self)
            if m > 0 {
                let a = UnsafeRawPointer(limRaw).loadUnaligned(fromByteOffset: lastHit &* 32, as: SIMD4<Double>.self)
                if all(a .<= cv) { continue candidateLoop }
            }
            for i in 0..<m {
                let a = UnsafeRawPointer(limRaw).loadUnaligned(fromByteOffset: i &* 32, as: SIMD4<Double>.self)
                if all(a .<= cv) { lastHit = i; continue candidateLoop }
            }
            limRaw.storeBytes(of: cv, toByteOffset: m &* 32, as: SIMD4<Double>.self)
            m &+= 1
        }
        return m
    }
}
