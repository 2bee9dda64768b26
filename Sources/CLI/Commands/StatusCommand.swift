import ArgumentParser
import Foundation
import Hyperfront
import Reports
import Studies
import Store

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Counts by state, front size and hypervolume history of a study.",
        discussion: """
        Reads the study file only (safe while a run is writing it). The hypervolume history is
        measured against one reference point for the whole study: per objective, the worst
        feasible value plus a tenth of the range.
        """)

    @Argument(help: "The study file (SQLite).", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Option(help: "Points in the hypervolume history.")
    var points: Int = 10

    func validate() throws {
        if points < 1 { throw ValidationError("--points must be at least 1, got \(points)") }
    }

    func run() throws {
        let store: StudyStore
        do { store = try StudyStore.open(path: study) } catch { throw Console.badInput(error.description) }
        let report: StudyReport
        do { report = try StudyReport(store: store) } catch { throw Console.badInput(error.description) }
        let trials = report.trials
        var out = "study \(report.info.name) (\(study)), scenario \(report.info.scenarioPath), seed \(report.info.seed)\n"
        let complete = trials.filter { $0.state == .complete }
        let feasible = complete.filter { $0.violation <= 0 }
        out += "trials: \(complete.count + report.failed.count) of \(report.info.trials) done — \(complete.count) complete (\(feasible.count) feasible, \(report.infeasible.count) infeasible), \(report.failed.count) failed, \(report.running.count) running\n"
        if let holder = store.runLockHolder() {
            out += "being run now by \(holder)\n"
        } else if !report.running.isEmpty {
            out += "no process is running it: the \(report.running.count) running trial(s) will run again with 'hyperfront run \(report.info.scenarioPath) --study \(study) --resume'\n"
        }
        if !report.failed.isEmpty {
            var reasons: [String: Int] = [:]
            for i in report.failed { reasons[String((trials[i].failure ?? "?").split(separator: "\n").first ?? "?"), default: 0] += 1 }
            out += "failures:\n"
            for (r, n) in reasons.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }).prefix(5) {
                out += "  \(n) × \(r)\n"
            }
        }
        out += "front: \(report.front.count) trial(s)\n"
        let m = report.scenario.objectives.count
        if m > 0, let reference = report.referencePoint {
            let vectors = trials.indices.map { report.objectiveVector($0) }
            out += "hypervolume history (reference \(reference.map { String(format: "%.4g", $0) }.joined(separator: ", ")), objectives minimised):\n"
            var tracker = FrontTracker(dimension: m, reference: reference)
            let ordered = trials.sorted { $0.number < $1.number }
            let done = ordered.filter { $0.state != .running }
            let step = max(1, Int((Double(done.count) / Double(points)).rounded(.up)))
            var seen = 0
            let index = Dictionary(uniqueKeysWithValues: trials.enumerated().map { ($1.number, $0) })
            for t in done {
                if t.state == .complete && t.violation <= 0 { tracker.add(vectors[index[t.number]!]) }
                seen += 1
                if seen % step == 0 || seen == done.count {
                    out += String(format: "  after %6d trials: hv %.6g, front %d\n", seen, tracker.hypervolume() ?? 0, tracker.front.count)
                }
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
