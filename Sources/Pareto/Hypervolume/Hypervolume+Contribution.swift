extension Hypervolume {
    /// The hypervolume `point` adds to `points` (its exclusive contribution): HV(points ∪ {point})
    /// − HV(points), minimisation, within the box below `reference`. It is the volume of the
    /// point's own box less the hypervolume of its limit set {max(point, q) : q ∈ points},
    /// filtered to its non-dominated members, the step at the heart of WFG (While, Bradstreet &
    /// Barone 2012). Adding the points of a growing front one at a time and summing their
    /// contributions gives the front's hypervolume after every step, each for the price of one
    /// small limit set rather than one whole front.
    ///
    /// `budget` counts elementary steps as in `compute(_:reference:workLimit:)` and is spent
    /// by this call; nil (and `budget` below 0) when it ran out.
    /// - Complexity: O(n d) to build the limit set, the non-dominated filter of it
    ///   (`NondominatedSorting`), and one exact hypervolume of what remains; 0 at O(n d) when a
    ///   point weakly dominates `point`.
    public static func contribution(of point: [Double], to points: PointSet, reference: [Double],
                                    budget: inout Int) -> Double? {
        let d = points.dimension
        precondition(point.count == d && reference.count == d, "dimension mismatch")
        var box = 1.0
        for k in 0..<d {
            guard point[k] < reference[k] else { return 0 }
            box *= reference[k] - point[k]
        }
        let n = points.count
        let meter = WorkMeter(limit: budget)
        defer { budget = meter.remaining }
        guard meter.spend(n &* d &+ 1) else { return nil }
        var limit: [Double] = []
        limit.reserveCapacity(points.values.count)
        let dominated = points.values.withUnsafeBufferPointer { v -> Bool in
            for i in 0..<n {
                let base = i &* d
                var inside = true, covers = true
                for k in 0..<d {
                    let q = v[base &+ k]
                    if q > point[k] { covers = false }
                    if !(q < reference[k]) { inside = false }
                }
                if covers { return true }
                if !inside { continue }
                for k in 0..<d { limit.append(Swift.max(point[k], v[base &+ k])) }
            }
            return false
        }
        if dominated { return 0 }
        if limit.isEmpty { return box }
        let count = limit.count / d
        // The filter's sort and comparisons: about n log n · d steps.
        guard meter.spend(count &* d &* (Int.bitWidth &- count.leadingZeroBitCount &+ 1)) else { return nil }
        let kept = NondominatedSorting.nondominated(PointSet(values: limit, dimension: d))
        // Every limit point lies strictly inside the reference box (its point and `point` do).
        let covered = kept.values.withUnsafeBufferPointer { p in
            reference.withUnsafeBufferPointer { r in
                dispatch(p, count: kept.count, dimension: d, reference: r, meter: meter)
            }
        }
        if meter.exhausted { return nil }
        return Swift.max(0, box - covered)
    }
}
