extension Hypervolume {
    /// The WFG algorithm: the hypervolume is the sum of exclusive contributions of the points
    /// taken in ascending order of the last objective; each contribution is the point's box minus
    /// the hypervolume of its non-dominated "limit set" one dimension lower, computed recursively
    /// (by the 4-D, 3-D or 2-D kernel once the dimension is low enough).
    ///
    /// While, L., Bradstreet, L., Barone, L. (2012). A fast way of calculating exact hypervolumes.
    /// IEEE Trans. Evol. Comput. 16(1), 86–95.
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
        var limit = [Double](repeating: 0, count: n &* e)
        var total = 0.0
        sorted.withUnsafeMutableBufferPointer { s in
            order.withUnsafeBufferPointer { o in
                for t in 0..<n {
                    let src = Int(o[t]) &* d, dst = t &* d
                    for k in 0..<d { s[dst &+ k] = p[src &+ k] }
                }
            }
            limit.withUnsafeMutableBufferPointer { lim in
                for k in 0..<n {
                    let pk = k &* d
                    var box = 1.0
                    for j in 0..<e { box *= r[j] - s[pk &+ j] }
                    var m = 0, covered = false
                    candidates: for j in 0..<k {
                        let q = j &* d, out = m &* e
                        var same = true
                        for c in 0..<e {
                            let a = s[q &+ c], b = s[pk &+ c]
                            if a > b { lim[out &+ c] = a; same = false } else { lim[out &+ c] = b }
                        }
                        if same { covered = true; break }
                        // Drop the candidate if a kept limit point weakly dominates it; drop the
                        // kept points it dominates.
                        var w = 0
                        var i = 0
                        while i < m {
                            let a = i &* e
                            var le = true, ge = true
                            for c in 0..<e {
                                let x = lim[a &+ c], y = lim[out &+ c]
                                if x > y { le = false }
                                if x < y { ge = false }
                            }
                            if le { continue candidates }
                            if !ge {
                                if w != i { for c in 0..<e { lim[w &* e &+ c] = lim[a &+ c] } }
                                w &+= 1
                            }
                            i &+= 1
                        }
                        if w != m { for c in 0..<e { lim[w &* e &+ c] = lim[out &+ c] } }
                        m = w &+ 1
                    }
                    if covered { continue }
                    let dominatedPart = m == 0 ? 0 : dispatch(UnsafeBufferPointer(lim), count: m, dimension: e, reference: r)
                    total += (box - dominatedPart) * (r[e] - s[pk &+ e])
                }
            }
        }
        return total
    }
}
