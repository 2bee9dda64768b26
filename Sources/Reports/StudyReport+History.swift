import Pareto

extension StudyReport {
    /// Most hypervolume evaluations made for `hypervolumeHistory`; more front changes are
    /// sampled evenly (the last one always kept).
    static let maximumHistoryPoints = 400

    /// The front's hypervolume as trials came in (trial number order), with the final
    /// reference point: one entry per trial that changed the front, `(trial number, value)`.
    public var hypervolumeHistory: [(trial: Int, value: Double)] {
        guard let ref = referencePoint, !scenario.objectives.isEmpty else { return [] }
        let m = scenario.objectives.count
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
            return (events[e].trial, Hypervolume.compute(PointSet(values: rows.flatMap { $0 }, dimension: m), reference: ref))
        }
    }
}
