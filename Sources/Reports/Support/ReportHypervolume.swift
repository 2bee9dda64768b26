import Hyperfront
import Pareto

/// The hypervolume a report shows, computed within a bounded amount of work: exact when that
/// takes at most `workLimit` elementary steps (`Hypervolume.compute(_:reference:workLimit:)`,
/// counted, not timed, so the answer depends on the points alone), otherwise a Monte-Carlo
/// estimate from a fixed seed (`Hypervolume.estimate`; Bader & Zitzler 2011) with `samples`
/// draws — standard error at most V/(2√samples) for the box volume V, 0.16 % of it with the
/// default 100,000. Exact values need about 8 objectives × 1,000 front points or fewer; beyond
/// that a report of a many-objective study shows the estimate instead of waiting without bound.
enum ReportHypervolume {
    /// Steps of one history entry (a report computes up to a few hundred of them).
    static let historyWorkLimit = 10_000_000
    /// Steps of a whole history of summed contributions (`StudyReport.hypervolumeTimeline`):
    /// the same as one exact value's default bound, a few seconds at most.
    static let historyBudget = Hypervolume.defaultWorkLimit

    static func value(_ points: PointSet, reference: [Double], workLimit: Int = Hypervolume.defaultWorkLimit,
                      samples: Int = 100_000) -> Double {
        if let exact = Hypervolume.compute(points, reference: reference, workLimit: workLimit) { return exact }
        var rng = RandomSource(seed: 0x6876_7265_706f_7274)
        return Hypervolume.estimate(points, reference: reference, samples: samples, using: &rng).value
    }
}
