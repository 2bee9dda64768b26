/// Exact hypervolume (Lebesgue measure of the region dominated by a point set and bounded by a
/// reference point), minimisation. Points not strictly better than the reference point in every
/// objective contribute nothing.
///
/// `compute` dispatches on the dimension to a specialised kernel, after the style of moocore's
/// `hv.c`: 1-D minimum, 2-D and 3-D O(n log n) sweeps, a 4-D O(n²) sweep, and the WFG algorithm
/// above (whose recursion ends in the 4-D kernel). Every kernel copies the points it keeps; the
/// input is never mutated.
public enum Hypervolume {
    /// Exact hypervolume of `points` with respect to `reference`.
    /// - Complexity: O(n log n) for d ≤ 3, O(n²) for d = 4, exponential in d in the worst case
    ///   above (WFG), and far less on typical fronts.
    public static func compute(_ points: PointSet, reference: [Double]) -> Double {
        precondition(reference.count == points.dimension, "reference point dimension mismatch")
        let kept = strictlyInside(points, reference)
        let n = kept.count / points.dimension
        return kept.withUnsafeBufferPointer { p in
            reference.withUnsafeBufferPointer { r in
                dispatch(p, count: n, dimension: points.dimension, reference: r)
            }
        }
    }

    /// The points strictly better than `reference` in every objective, as a flat row-major copy.
    static func strictlyInside(_ points: PointSet, _ reference: [Double]) -> [Double] {
        let d = points.dimension, n = points.count
        var out: [Double] = []
        out.reserveCapacity(points.values.count)
        points.values.withUnsafeBufferPointer { v in
            reference.withUnsafeBufferPointer { r in
                for i in 0..<n {
                    let base = i &* d
                    var inside = true
                    for k in 0..<d where !(v[base &+ k] < r[k]) { inside = false; break }
                    if inside { out.append(contentsOf: v[base..<(base &+ d)]) }
                }
            }
        }
        return out
    }

    /// Hypervolume of `n` rows that all lie strictly inside the reference box.
    ///
    /// The kernel per dimension, by thread CPU time against moocore 0.3.2 on the shared fronts
    /// (`benchmarks/peers/bench-pareto.py --repeat 9`, one pinned CPU): d = 4 n = 2000, the 4-D sweep
    /// (≈ 4.6 ms, 1.06× moocore); d = 5 n = 500, WFG with its core specialised for
    /// four-objective limit sets and the 4-D sweep below (≈ 4.4 ms, 1.0×; 8.1 ms, 1.9×,
    /// before the specialisation); d = 6 n = 200, WFG recursing into the d = 5 core (≈ 12 ms,
    /// 0.45×). Not chosen: a slice-by-slice sweep along the last objective calling the 4-D
    /// kernel on each prefix, which costs one 4-D volume of the whole prefix front (about 180
    /// points on average at d = 5 n = 500) per point, where WFG's filtered limit sets average
    /// about 23 points.
    static func dispatch(_ p: UnsafeBufferPointer<Double>, count n: Int, dimension d: Int,
                         reference r: UnsafeBufferPointer<Double>, meter: WorkMeter? = nil) -> Double {
        if n == 0 { return 0 }
        if let meter {
            let cost = d == 4 ? n &* n : d <= 3 ? n &* (Int.bitWidth &- n.leadingZeroBitCount &+ 1) : n
            if !meter.spend(cost) { return .nan }
        }
        switch d {
        case 1:
            var lo = p[0]
            for i in 1..<n where p[i] < lo { lo = p[i] }
            return r[0] - lo
        case 2: return sweep2D(p, count: n, reference: r)
        case 3: return sweep3D(p, count: n, reference: r)
        case 4: return sweep4D(p, count: n, reference: r)
        default: return wfg(p, count: n, dimension: d, reference: r, meter: meter)
        }
    }

    /// Reference implementation by inclusion of slices (recursive sweep over the last objective).
    /// Exponential in the worst case; the test oracle.
    public static func naive(_ points: PointSet, reference: [Double]) -> Double {
        let d = points.dimension
        var rows: [[Double]] = []
        for i in 0..<points.count {
            let p = points.row(i)
            if zip(p, reference).allSatisfy({ $0 < $1 }) { rows.append(p) }
        }
        return slice(rows, reference, d)
    }

    private static func slice(_ rows: [[Double]], _ ref: [Double], _ d: Int) -> Double {
        if rows.isEmpty { return 0 }
        if d == 1 { return ref[0] - rows.map { $0[0] }.min()! }
        let sorted = rows.sorted { $0[d - 1] < $1[d - 1] }
        var total = 0.0
        for i in 0..<sorted.count {
            let lo = sorted[i][d - 1]
            let hi = i + 1 < sorted.count ? sorted[i + 1][d - 1] : ref[d - 1]
            if hi <= lo { continue }
            let prefix = sorted[0...i].map { Array($0[0..<(d - 1)]) }
            total += (hi - lo) * slice(prefix, Array(ref[0..<(d - 1)]), d - 1)
        }
        return total
    }
}

extension Hypervolume {
    /// Runs one named kernel on `points` (after dropping points outside the reference box); for
    /// testing each kernel against the oracle and against each other.
    public enum Kernel: Sendable, CaseIterable {
        /// 2-D sweep (d = 2).
        case sweep2D
        /// 3-D sweep with an ordered staircase (d = 3).
        case sweep3D
        /// 4-D sweep of 3-D contributions (d = 4).
        case sweep4D
        /// WFG (any d ≥ 2; its recursion uses the 2-D/3-D/4-D kernels below d = 5).
        case wfg
    }

    /// Exact hypervolume by one specific kernel.
    /// - Precondition: the kernel supports `points.dimension`.
    public static func compute(_ points: PointSet, reference: [Double], kernel: Kernel) -> Double {
        precondition(reference.count == points.dimension, "reference point dimension mismatch")
        let d = points.dimension
        switch kernel {
        case .sweep2D: precondition(d == 2)
        case .sweep3D: precondition(d == 3)
        case .sweep4D: precondition(d == 4)
        case .wfg: precondition(d >= 2)
        }
        let kept = strictlyInside(points, reference)
        let n = kept.count / d
        if n == 0 { return 0 }
        return kept.withUnsafeBufferPointer { p in
            reference.withUnsafeBufferPointer { r in
                switch kernel {
                case .sweep2D: sweep2D(p, count: n, reference: r)
                case .sweep3D: sweep3D(p, count: n, reference: r)
                case .sweep4D: sweep4D(p, count: n, reference: r)
                case .wfg: wfg(p, count: n, dimension: d, reference: r)
                }
            }
        }
    }
}
