/// Exact hypervolume (Lebesgue measure of the region dominated by a point set and bounded by a
/// reference point), minimisation. Points not strictly better than the reference point in every
/// objective contribute nothing.
public enum Hypervolume {
    /// Exact hypervolume of `points` with respect to `reference`.
    public static func compute(_ points: PointSet, reference: [Double]) -> Double {
        precondition(reference.count == points.dimension, "reference point dimension mismatch")
        return naive(points, reference: reference)
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
