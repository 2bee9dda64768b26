/// Counts the elementary steps of a computation against a budget (deterministic, unlike a timer).
final class WorkMeter {
    private(set) var remaining: Int

    init(limit: Int) { remaining = limit }

    /// Spends `steps`; false once the budget is overdrawn.
    @inline(__always)
    func spend(_ steps: Int) -> Bool {
        remaining = remaining &- steps
        return remaining >= 0
    }

    var exhausted: Bool { remaining < 0 }
}

extension Hypervolume {
    /// The step budget of an exact computation that callers use when they do not choose one:
    /// about 2·10⁹ elementary steps (inner-loop iterations of WFG and the sweeps), a few seconds
    /// on one core. Fronts of up to about 8 objectives × 1,000 points stay far below it.
    public static let defaultWorkLimit = 2_000_000_000

    /// Exact hypervolume, or nil when it would take more than `workLimit` elementary steps
    /// (counted as the computation goes, so the answer depends on the points alone, never on
    /// the machine's speed or load). WFG is exponential in the number of objectives in the
    /// worst case: 10 objectives × 500 points or 100 objectives × 40 points do not finish in
    /// minutes; for such sets use `estimate` (Monte Carlo, with its standard error).
    /// - Complexity: O(min(work of `compute`, `workLimit`)).
    public static func compute(_ points: PointSet, reference: [Double], workLimit: Int) -> Double? {
        precondition(reference.count == points.dimension, "reference point dimension mismatch")
        let kept = strictlyInside(points, reference)
        let n = kept.count / points.dimension
        let meter = WorkMeter(limit: workLimit)
        let v = kept.withUnsafeBufferPointer { p in
            reference.withUnsafeBufferPointer { r in
                dispatch(p, count: n, dimension: points.dimension, reference: r, meter: meter)
            }
        }
        return meter.exhausted ? nil : v
    }

    /// A Monte-Carlo estimate of the hypervolume and its standard error.
    public struct Estimate: Sendable, Equatable {
        public var value: Double
        /// One standard deviation of the estimate: V·√(p(1−p)/N) for the box volume V, the
        /// fraction p of samples found dominated and N samples; the exact value lies within
        /// ±2 standard errors in about 95% of seeds.
        public var standardError: Double
        public var samples: Int
    }

    /// Estimates the hypervolume by drawing `samples` points uniformly in the box between the
    /// points' per-objective minimum and `reference` and counting those some point weakly
    /// dominates (Bader & Zitzler, "HypE: an algorithm for fast hypervolume-based
    /// many-objective optimization", Evolutionary Computation 19(1), 2011). Draws come from
    /// `rng` alone, so the same seed gives the same estimate.
    /// - Complexity: O(samples × n × d) in the worst case.
    public static func estimate(_ points: PointSet, reference: [Double], samples: Int,
                                using rng: inout some RandomNumberGenerator) -> Estimate {
        precondition(reference.count == points.dimension, "reference point dimension mismatch")
        precondition(samples > 0, "at least one sample")
        let d = points.dimension
        let kept = strictlyInside(points, reference)
        let n = kept.count / d
        if n == 0 { return Estimate(value: 0, standardError: 0, samples: samples) }
        var lower = reference
        for i in 0..<n { for k in 0..<d where kept[i &* d &+ k] < lower[k] { lower[k] = kept[i &* d &+ k] } }
        var volume = 1.0
        for k in 0..<d { volume *= reference[k] - lower[k] }
        var hits = 0
        var x = [Double](repeating: 0, count: d)
        var last = 0
        for _ in 0..<samples {
            for k in 0..<d {
                let u = Double(rng.next() >> 11) * 0x1p-53
                x[k] = lower[k] + u * (reference[k] - lower[k])
            }
            // The last dominating point is tried first: neighbouring samples share dominators.
            var hit = false
            for t in 0..<n {
                let i = (last &+ t) % n, base = i &* d
                var dominated = true
                for k in 0..<d where kept[base &+ k] > x[k] { dominated = false; break }
                if dominated { hit = true; last = i; break }
            }
            if hit { hits &+= 1 }
        }
        let p = Double(hits) / Double(samples)
        return Estimate(value: volume * p, standardError: volume * (p * (1 - p) / Double(samples)).squareRoot(), samples: samples)
    }
}
