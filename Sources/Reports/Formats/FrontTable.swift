import Hyperfront

/// The rows a person reads — the front (or every trial) with objectives and constraint metrics
/// in their units, each constraint's slack, the key parameters and a note (knee, best per
/// objective) — shared by the terminal table, Markdown and HTML.
struct FrontTable {
    struct Column {
        var title: String
        var numeric: Bool
    }
    var columns: [Column]
    var rows: [[String]]
    /// Index into `report.trials` of each row.
    var trialIndices: [Int]

    init(_ report: StudyReport, all: Bool) {
        let sc = report.model
        let metricCols = (sc.objectives.map(\.metric) + sc.constraints.map(\.metric))
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let params = report.keyParameters
        columns = [Column(title: "trial", numeric: true)]
        columns += metricCols.map { Column(title: $0, numeric: true) }
        columns += sc.constraints.map { Column(title: "slack " + $0.metric, numeric: true) }
        columns += params.map { Column(title: sc.space[$0].name, numeric: sc.space[$0].domain.isNumeric) }
        if all { columns.append(Column(title: "state", numeric: false)) }
        columns.append(Column(title: "note", numeric: false))
        let notes = report.notes
        trialIndices = all ? Array(report.trials.indices) : report.front
        let onFront = Set(report.front), withinTolerance = Set(report.droppedByTolerance)
        rows = trialIndices.map { i in
            let t = report.trials[i]
            var r = [String(t.number)]
            for m in metricCols { r.append(report.metric(m, of: i).map(MetricUnit(metric: m).format) ?? "-") }
            for c in sc.constraints { r.append(report.slack(c, of: i).map(MetricUnit(metric: c.metric).format) ?? "-") }
            for p in params {
                let x = p < t.configuration.count ? t.configuration[p] : .nan
                r.append(x.isNaN ? "-" : sc.space[p].domain.decode(x).shortDescription)
            }
            if all { r.append(t.state.rawValue + (t.state == .complete && t.violation > 0 ? " (infeasible)" : "")) }
            var note = notes[i] ?? []
            if all && onFront.contains(i) { note.insert("front", at: 0) }
            if all && withinTolerance.contains(i) { note.insert("within tolerance of the front", at: 0) }
            r.append(note.joined(separator: "; "))
            return r
        }
    }
}

extension StudyReport {
    /// Marks for front rows: "knee", "best <metric>".
    var notes: [Int: [String]] {
        var out: [Int: [String]] = [:]
        if let k = knee { out[k, default: []].append("knee") }
        let best = bestPerObjective
        for (k, i) in best.enumerated() { out[i, default: []].append("best " + model.objectives[k].metric) }
        return out
    }

    /// The summary lines shared by the text formats.
    var summaryLines: [String] {
        let sc = model
        var out: [String] = []
        let complete = trials.count - failed.count - running.count - pruned.count
        out.append("Study \(info.name): \(trials.count) trials (\(complete) complete, \(failed.count) failed, \(infeasible.count) infeasible"
                   + (pruned.isEmpty ? "" : ", \(pruned.count) pruned") + (running.isEmpty ? ")" : ", \(running.count) running)"))
        out.append("Objectives: " + sc.objectives.map { "\($0.metric) (\($0.goal == .minimize ? "min" : "max"))" }.joined(separator: ", "))
        if !sc.constraints.isEmpty { out.append("Constraints: " + sc.constraints.map(\.description).joined(separator: ", ")) }
        if !filters.isEmpty {
            out.append("Shown: trials where " + filters.map(\.description).joined(separator: " and ")
                       + " (\(filteredOut.count) complete, feasible trial\(filteredOut.count == 1 ? "" : "s") left out; front, knee and best computed on what is shown)")
        }
        if let line = toleranceLine { out.append(line) }
        if let hv = hypervolume {
            out.append("Front: \(front.count) configuration\(front.count == 1 ? "" : "s"); hypervolume \(TableFormat.fmt(hv.value)) "
                       + "(reference point \(hv.reference.map(TableFormat.fmt).joined(separator: ", ")) on minimised objectives: "
                       + "worst feasible value + 10% of the range)")
        }
        if let k = knee { out.append("Knee: trial \(trials[k].number) (the point farthest beyond the plane through the front's extremes, objectives scaled to [0, 1])") }
        return out
    }

}

extension Domain {
    var isNumeric: Bool {
        switch self {
        case .float, .int, .ordinal: return true
        case .categorical, .fixed: return false
        }
    }
}
