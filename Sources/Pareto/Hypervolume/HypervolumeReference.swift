/// The reference point a study's hypervolume is measured against, in the minimised objective
/// space: per objective, the worst value among the feasible trials plus a tenth of their range
/// (plus 1 when the range is 0, and 1 when no value is known), so every front point
/// contributes. The run's progress line, the reports and the status all use this one rule.
public enum HypervolumeReference {
    /// The reference point from each objective's worst (largest) and best (smallest) value.
    public static func point(worst: [Double], best: [Double]) -> [Double] {
        zip(worst, best).map { hi, lo in
            guard hi.isFinite else { return 1 }
            return hi + (hi > lo ? 0.1 * (hi - lo) : 1)
        }
    }

    /// The reference point of `points` (rows of minimised objectives; non-finite values are
    /// skipped), or nil when there are none.
    public static func point(of points: some Sequence<[Double]>, dimension: Int) -> [Double]? {
        var lo = [Double](repeating: .infinity, count: dimension), hi = [Double](repeating: -.infinity, count: dimension)
        var any = false
        for v in points {
            any = true
            for k in 0..<dimension where v[k].isFinite { lo[k] = min(lo[k], v[k]); hi[k] = max(hi[k], v[k]) }
        }
        return any ? point(worst: hi, best: lo) : nil
    }
}
