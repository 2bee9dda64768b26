import Pareto

extension StudyReport {
    /// Most hypervolume evaluations made for `hypervolumeHistory`; more front changes are
    /// sampled evenly (the last one always kept).
    static let maximumHistoryPoints = 400

    /// The front's hypervolume as trials came in (trial number order), with the final
    /// reference point: one entry per trial that changed the front, `(trial number, value)`.
    public var hypervolumeHistory: [(trial: Int, value: Double)] {
        guard let ref = referencePoint, !model.objectives.isEmpty else { return [] }
        let m = model.objectives.count
        var current: [[Double]] = []
        var events: [(trial: Int, front: [[Double]])] = []
        for i in feasible.sorted(by: { trials[$0].number < trials[$1].number }) {
            let v = objectiveVector(i)
            if v.contains(where: { !$0.isFinite }) { continue }
            if current.contains(where: { Dominance.weaklyDominates($0, v) }) { continue }
            current.removeAll { Dominance.weaklyDominates(v, $0) }
            current.append(v)
            events.append((trials[i].number, current))
        }
        var chosen = Array(events.indices)
        if events.count > Self.maximumHistoryPoints {
            let n = Self.maximumHistoryPoints
            chosen = (0..<n).map { $0 * (events.count - 1) / (n - 1) }
        }
        return chosen.map { e in
            let rows = events[e].front
            return (events[e].trial, ReportHypervolume.value(PointSet(values: rows.flatMap { $0 }, dimension: m), reference: ref,
                                                          workLimit: ReportHypervolume.historyWorkLimit, samples: 10_000))
        }
    }
}

extension StudyReport {
    /// The front's hypervolume after every `step`-th finished trial (trial number order; the
    /// last one always), against the study's final reference point: about `points` entries of
    /// `(finished trials so far, hypervolume, front size)`. An empty front counts 0.
    public func hypervolumeProgress(points: Int) -> [(trials: Int, hypervolume: Double, front: Int)] {
        guard let ref = referencePoint, !model.objectives.isEmpty else { return [] }
        let m = model.objectives.count
        let done = trials.indices.filter { trials[$0].state != .running }.sorted { trials[$0].number < trials[$1].number }
        let shown = Set(feasible)
        let step = Swift.max(1, Int((Double(done.count) / Double(Swift.max(points, 1))).rounded(.up)))
        var current: [[Double]] = []
        var out: [(trials: Int, hypervolume: Double, front: Int)] = []
        for (seen, i) in done.enumerated() {
            if shown.contains(i) {
                let v = objectiveVector(i)
                if v.allSatisfy(\.isFinite) && !current.contains(where: { Dominance.weaklyDominates($0, v) }) {
                    current.removeAll { Dominance.weaklyDominates(v, $0) }
                    current.append(v)
                }
            }
            if (seen + 1) % step == 0 || seen + 1 == done.count {
                let inside = current.filter { p in zip(p, ref).allSatisfy { $0 < $1 } }
                let hv = inside.isEmpty ? 0 : ReportHypervolume.value(PointSet(values: inside.flatMap { $0 }, dimension: m), reference: ref,
                                                                       workLimit: ReportHypervolume.historyWorkLimit, samples: 10_000)
                out.append((seen + 1, hv, current.count))
            }
        }
        return out
    }
}
