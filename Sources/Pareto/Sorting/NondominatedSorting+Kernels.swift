extension NondominatedSorting {
    /// Ranks, but points of rank `frontLimit` or more all get `frontLimit` (so `frontLimit: 1`
    /// is a non-dominated filter).
    static func ranks(_ points: PointSet, frontLimit: Int) -> [Int] {
        let n = points.count, d = points.dimension
        if n == 0 { return [] }
        var rank = [Int](repeating: 0, count: n)
        points.values.withUnsafeBufferPointer { v in
            rank.withUnsafeMutableBufferPointer { rank in
                switch d {
                case 1: ranks1D(v, count: n, into: rank, limit: frontLimit)
                case 2: ranks2D(v, count: n, into: rank, limit: frontLimit)
                case 3: ranks3D(v, count: n, into: rank, limit: frontLimit)
                default: ranksENS(v, count: n, dimension: d, into: rank, limit: frontLimit)
                }
            }
        }
        return rank
    }

    /// 1-D: the rank is the number of distinct smaller values.
    static func ranks1D(_ v: UnsafeBufferPointer<Double>, count n: Int, into rank: UnsafeMutableBufferPointer<Int>, limit: Int) {
        let order = KeyOrder.ascending(v, count: n, stride: 1, offset: 0)
        var r = 0
        for t in 0..<n {
            let i = Int(order[t])
            if t > 0 && v[Int(order[t &- 1])] < v[i] { r &+= 1 }
            rank[i] = Swift.min(r, limit)
        }
    }

    /// 2-D ranks: visit the points in lexicographic order; the last point added to each front has
    /// a second objective that grows with the front index, so a binary search finds the first
    /// front whose last point does not dominate the new one.
    ///
    /// Jensen, M. T. (2003). Reducing the run-time complexity of multiobjective EAs: the NSGA-II
    /// and other algorithms. IEEE Trans. Evol. Comput. 7(5), 503–515 (the 2-D case).
    /// - Complexity: O(N log N).
    static func ranks2D(_ v: UnsafeBufferPointer<Double>, count n: Int, into rank: UnsafeMutableBufferPointer<Int>, limit: Int) {
        let order = KeyOrder.lexicographic(v, count: n, dimension: 2)
        let tailX = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let tailY = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { tailX.deallocate(); tailY.deallocate() }
        var fronts = 0
        order.withUnsafeBufferPointer { o in
            for t in 0..<n {
                let i = Int(o[t])
                let x = v[i &* 2], y = v[i &* 2 &+ 1]
                // First front whose last point does not dominate (x, y): branch-free search.
                var lo = 0, length = fronts
                while length > 0 {
                    let half = length &>> 1
                    let m = lo &+ half
                    let ty = tailY[m]
                    let dominated = (ty < y ? 1 : 0) | ((ty == y ? 1 : 0) & (tailX[m] < x ? 1 : 0))
                    lo = dominated != 0 ? m &+ 1 : lo
                    length = dominated != 0 ? length &- half &- 1 : half
                }
                if lo >= limit { rank[i] = limit; continue }
                rank[i] = lo
                tailX[lo] = x
                tailY[lo] = y
                if lo == fronts { fronts &+= 1 }
            }
        }
    }

    /// 3-D ranks: visit the points in lexicographic order (duplicates share the rank of their
    /// first copy); every earlier point is no worse in the first objective, so a point is dominated
    /// by a front exactly when the front's 2-D staircase of (second, third) objectives weakly
    /// dominates it. Binary search over the fronts; binary search inside a staircase.
    ///
    /// Jensen (2003), above; Fortin, F.-A., Grenier, S., Parizeau, M. (2013). Generalizing the
    /// improved run-time complexity algorithm for non-dominated sorting. GECCO 2013, 615–622.
    /// - Complexity: O(N log² N) searches; staircase insertions move array elements.
    static func ranks3D(_ v: UnsafeBufferPointer<Double>, count n: Int, into rank: UnsafeMutableBufferPointer<Int>, limit: Int) {
        let order = KeyOrder.lexicographic(v, count: n, dimension: 3)
        var fronts: [Staircase] = []
        order.withUnsafeBufferPointer { o in
            var previous = -1
            for t in 0..<n {
                let i = Int(o[t])
                let x = v[i &* 3], y = v[i &* 3 &+ 1], z = v[i &* 3 &+ 2]
                if previous >= 0 && v[previous &* 3] == x && v[previous &* 3 &+ 1] == y && v[previous &* 3 &+ 2] == z {
                    rank[i] = rank[previous]
                    continue
                }
                previous = i
                var lo = 0, hi = fronts.count
                while lo < hi {
                    let mid = (lo &+ hi) &>> 1
                    if fronts[mid].weaklyDominates(y, z) { lo = mid &+ 1 } else { hi = mid }
                }
                if lo >= limit { rank[i] = limit; continue }
                rank[i] = lo
                if lo == fronts.count { fronts.append(Staircase()) }
                fronts[lo].insert(y, z)
            }
        }
    }

    /// A 2-D staircase: points sorted by ascending first coordinate and strictly descending second.
    struct Staircase {
        var ys: [Double] = []
        var zs: [Double] = []

        /// First index whose first coordinate is `>= y`.
        @inline(__always)
        func lowerBound(_ y: Double) -> Int {
            var lo = 0, hi = ys.count
            while lo < hi {
                let mid = (lo &+ hi) &>> 1
                if ys[mid] < y { lo = mid &+ 1 } else { hi = mid }
            }
            return lo
        }

        /// Whether some point of the staircase is no worse than `(y, z)` in both coordinates.
        @inline(__always)
        func weaklyDominates(_ y: Double, _ z: Double) -> Bool {
            var lo = 0, hi = ys.count
            while lo < hi {
                let mid = (lo &+ hi) &>> 1
                if ys[mid] <= y { lo = mid &+ 1 } else { hi = mid }
            }
            return lo > 0 && zs[lo &- 1] <= z
        }

        /// Inserts a point that no staircase point weakly dominates, removing those it dominates.
        mutating func insert(_ y: Double, _ z: Double) {
            let lo = lowerBound(y)
            var hi = lo
            while hi < zs.count && zs[hi] >= z { hi &+= 1 }
            if hi == lo {
                ys.insert(y, at: lo); zs.insert(z, at: lo)
            } else {
                ys[lo] = y; zs[lo] = z
                if hi > lo &+ 1 {
                    ys.removeSubrange((lo &+ 1)..<hi); zs.removeSubrange((lo &+ 1)..<hi)
                }
            }
        }
    }

    /// Ranks for four or more objectives: efficient non-dominated sort (ENS-SS while there are
    /// at most 16 fronts, ENS-BS beyond). Points are visited in lexicographic order, so only the objectives
    /// after the first need comparing, and only against points of the front tested; each front
    /// keeps those objectives contiguously and is scanned newest first.
    ///
    /// Zhang, X., Tian, Y., Cheng, R., Jin, Y. (2015). An efficient approach to non-dominated
    /// sorting for evolutionary multiobjective optimization. IEEE Trans. Evol. Comput. 19(2),
    /// 201–213.
    /// - Complexity: O(M N²) worst case; O(M N √N) typical.
    static func ranksENS(_ v: UnsafeBufferPointer<Double>, count n: Int, dimension d: Int,
                         into rank: UnsafeMutableBufferPointer<Int>, limit: Int) {
        let order = KeyOrder.lexicographic(v, count: n, dimension: d)
        let e = d &- 1
        var fronts: [[Double]] = []
        order.withUnsafeBufferPointer { o in
            var previous = -1
            for t in 0..<n {
                let i = Int(o[t])
                let base = i &* d
                if previous >= 0 {
                    var same = true
                    for k in 0..<d where v[previous &* d &+ k] != v[base &+ k] { same = false; break }
                    if same { rank[i] = rank[previous]; continue }
                }
                previous = i
                let p = base &+ 1
                // Sequential search while there are few fronts (a failed test scans a whole
                // front, a successful one usually stops early), binary search beyond.
                let binary = fronts.count > 16
                var lo = 0, hi = fronts.count
                while lo < hi {
                    let mid = binary ? (lo &+ hi) &>> 1 : lo
                    let dominated = fronts[mid].withUnsafeBufferPointer { f -> Bool in
                        var a = f.count &- e
                        if e == 4 {
                            // Branch-free comparisons of the four trailing objectives.
                            let p0 = v[p], p1 = v[p &+ 1], p2 = v[p &+ 2], p3 = v[p &+ 3]
                            while a >= 0 {
                                let hit = (f[a] <= p0 ? 1 : 0) & (f[a &+ 1] <= p1 ? 1 : 0)
                                    & (f[a &+ 2] <= p2 ? 1 : 0) & (f[a &+ 3] <= p3 ? 1 : 0)
                                if hit != 0 { return true }
                                a &-= 4
                            }
                            return false
                        }
                        while a >= 0 {
                            var c = 0
                            while c < e && f[a &+ c] <= v[p &+ c] { c &+= 1 }
                            if c == e { return true }
                            a &-= e
                        }
                        return false
                    }
                    if dominated { lo = mid &+ 1 } else { hi = mid }
                }
                if lo >= limit { rank[i] = limit; continue }
                rank[i] = lo
                if lo == fronts.count { fronts.append([]) }
                fronts[lo].append(contentsOf: v[p..<(p &+ e)])
            }
        }
    }
}
