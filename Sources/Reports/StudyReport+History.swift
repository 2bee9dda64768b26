import Pareto

extension StudyReport {
    /// Most entries `hypervolumeHistory` returns; more front changes are sampled evenly (the
    /// last one always kept).
    static let maximumHistoryPoints = 400
    /// Most entries of an estimated history (see `HypervolumeHistory.exact`).
    static let maximumEstimatedHistoryPoints = 100

    /// The front's hypervolume as trials came in (trial number order), against the final
    /// reference point.
    public struct HypervolumeHistory: Sendable {
        /// `(trial number, value)` for the trials that changed the front: every one, or up to
        /// `maximumHistoryPoints` (`maximumEstimatedHistoryPoints` when estimated) evenly
        /// spaced among them, the last always included.
        public var entries: [(trial: Int, value: Double)]
        /// How many trials changed the front.
        public var frontChanges: Int
        /// True when every value is exact. The history adds each new front point's exclusive
        /// contribution (`Hypervolume.contribution`) within `ReportHypervolume.historyBudget`
        /// steps; a study whose fronts need more (many objectives and large fronts) gets
        /// `ReportHypervolume.value` at fewer evenly spaced changes instead: exact where cheap,
        /// else a Monte-Carlo estimate of 10,000 samples.
        public var exact: Bool
    }

    /// The hypervolume history (see `HypervolumeHistory`); empty without feasible trials.
    public var hypervolumeTimeline: HypervolumeHistory { hypervolumeTimeline(budget: ReportHypervolume.historyBudget) }

    /// The history with `budget` steps for its summed contributions.
    func hypervolumeTimeline(budget: Int) -> HypervolumeHistory {
        guard let ref = referencePoint, !model.objectives.isEmpty else { return HypervolumeHistory(entries: [], frontChanges: 0, exact: true) }
        let order = feasible.sorted { trials[$0].number < trials[$1].number }
        var growing = GrowingFront(reference: ref, budget: budget)
        var events: [(trial: Int, value: Double?)] = []
        for i in order {
            let v = objectiveVector(i)
            if v.contains(where: { !$0.isFinite }) { continue }
            if growing.add(v) { events.append((trials[i].number, growing.value)) }
        }
        if growing.value != nil {
            let chosen = Self.evenly(events.count, Self.maximumHistoryPoints)
            return HypervolumeHistory(entries: chosen.map { (events[$0].trial, events[$0].value ?? 0) }, frontChanges: events.count, exact: true)
        }
        // Too costly to be exact at every change: replay, and measure the front at a few.
        let chosen = Set(Self.evenly(events.count, Self.maximumEstimatedHistoryPoints))
        var replay = GrowingFront(reference: ref, budget: 0)
        var entries: [(trial: Int, value: Double)] = []
        var e = 0
        for i in order {
            let v = objectiveVector(i)
            if v.contains(where: { !$0.isFinite }) || !replay.add(v) { continue }
            if chosen.contains(e) {
                let inside = replay.inside
                entries.append((trials[i].number, inside.isEmpty ? 0 : ReportHypervolume.value(inside, reference: ref, workLimit: ReportHypervolume.historyWorkLimit, samples: 10_000)))
            }
            e += 1
        }
        return HypervolumeHistory(entries: entries, frontChanges: events.count, exact: false)
    }

    /// `hypervolumeTimeline`'s entries.
    public var hypervolumeHistory: [(trial: Int, value: Double)] { hypervolumeTimeline.entries }

    /// Up to `limit` indices among `0..<count`, evenly spaced, the first and last included.
    static func evenly(_ count: Int, _ limit: Int) -> [Int] {
        guard count > limit else { return Array(0..<count) }
        return (0..<limit).map { $0 * (count - 1) / (limit - 1) }
    }
}

extension StudyReport {
    /// The front's hypervolume after every `step`-th finished trial (trial number order; the
    /// last one always), against the study's final reference point: about `points` entries of
    /// `(finished trials so far, hypervolume, front size)`. An empty front counts 0. Exact by
    /// summed contributions (as `hypervolumeTimeline`) within its budget, else each entry by
    /// `ReportHypervolume.value`.
    public func hypervolumeProgress(points: Int) -> [(trials: Int, hypervolume: Double, front: Int)] {
        guard let ref = referencePoint, !model.objectives.isEmpty else { return [] }
        let done = trials.indices.filter { trials[$0].state != .running }.sorted { trials[$0].number < trials[$1].number }
        let shown = Set(feasible)
        let step = Swift.max(1, Int((Double(done.count) / Double(Swift.max(points, 1))).rounded(.up)))
        var growing = GrowingFront(reference: ref, budget: ReportHypervolume.historyBudget)
        var out: [(trials: Int, hypervolume: Double, front: Int)] = []
        for (seen, i) in done.enumerated() {
            if shown.contains(i) {
                let v = objectiveVector(i)
                if v.allSatisfy(\.isFinite) { _ = growing.add(v) }
            }
            if (seen + 1) % step == 0 || seen + 1 == done.count {
                let hv: Double
                if let exact = growing.value { hv = exact } else {
                    let inside = growing.inside
                    hv = inside.isEmpty ? 0 : ReportHypervolume.value(inside, reference: ref, workLimit: ReportHypervolume.historyWorkLimit, samples: 10_000)
                }
                out.append((seen + 1, hv, growing.count))
            }
        }
        return out
    }
}
