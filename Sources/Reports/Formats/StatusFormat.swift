import Foundation

/// `hyperfront status`: counts by state, who runs the study, failure reasons, the front size
/// and the hypervolume history.
public enum StatusFormat {
    /// - Parameters:
    ///   - location: the study as the user named it.
    ///   - holder: the live holder of the run lock, described, or nil.
    ///   - points: entries in the hypervolume history.
    ///   - askTell: whether trials were handed out by `hyperfront ask` (running ones wait for a tell).
    ///   - notes: lines shown after the counts (e.g. what a warm start reused).
    public static func render(_ report: StudyReport, location: String, holder: String?, points: Int,
                              askTell: Bool = false, notes: [String] = []) -> String {
        let trials = report.trials
        let info = report.info
        var out = "study \(info.name) (\(location)), scenario \(info.scenarioPath), seed \(info.seed)\n"
        let complete = trials.count - report.failed.count - report.running.count - report.pruned.count
        let pruned = report.pruned.isEmpty ? "" : ", \(report.pruned.count) pruned"
        out += "trials: \(complete + report.failed.count + report.pruned.count) of \(info.trials) done — \(complete) complete (\(report.feasible.count + report.filteredOut.count) feasible, \(report.infeasible.count) infeasible), \(report.failed.count) failed\(pruned), \(report.running.count) running\n"
        for note in notes { out += note + "\n" }
        if let holder {
            out += "being run now by \(holder)\n"
        } else if askTell && !report.running.isEmpty {
            let numbers = report.running.prefix(10).map { String($0) }.joined(separator: ", ") + (report.running.count > 10 ? ", …" : "")
            out += "\(report.running.count) trial(s) handed out by 'hyperfront ask' and not told yet (\(numbers)): report each with 'hyperfront tell \(location) TRIAL --metrics JSON' (or --failed REASON); one not told within the ask timeout (an hour by default) is handed out again by the next ask\n"
        } else if !report.running.isEmpty {
            out += "no process is running it: the \(report.running.count) running trial(s) will run again with 'hyperfront run \(info.scenarioPath) --study \(location) --resume'\n"
        }
        if !report.failed.isEmpty {
            out += "failures:\n" + FailureSummary(trials, failed: report.failed).render(limit: 5)
        }
        out += "front: \(report.front.count) trial(s)\n"
        if !report.filters.isEmpty {
            out += "shown: trials where " + report.filters.map(\.description).joined(separator: " and ") + " (\(report.filteredOut.count) complete, feasible left out)\n"
        }
        if !report.tolerances.isEmpty {
            out += "tolerances: " + report.tolerances.map(\.description).joined(separator: ", ") + " (\(report.droppedByTolerance.count) Pareto-front trial(s) within tolerance of a shown one left out)\n"
        }
        if !report.model.objectives.isEmpty, let reference = report.referencePoint {
            if !report.droppedByTolerance.isEmpty { out += "(the history counts every Pareto-front trial shown, before tolerances)\n" }
            out += "hypervolume history (reference \(reference.map { String(format: "%.4g", $0) }.joined(separator: ", ")), objectives minimised):\n"
            for e in report.hypervolumeProgress(points: points) {
                out += String(format: "  after %6d trials: hv %.6g, front %d\n", e.trials, e.hypervolume, e.front)
            }
        }
        return out
    }
}
