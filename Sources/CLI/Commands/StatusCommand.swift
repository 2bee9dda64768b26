import ArgumentParser
import Foundation
import Hyperfront
import Reports
import Studies
import Store
import StudyStorages

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Counts by state, front size and hypervolume history of a study.",
        discussion: """
        Reads the study file only, and never writes to it (safe while a run is writing it, and in a
        read-only folder). The hypervolume history is measured against one reference point for the
        whole study: per objective, the worst feasible value plus a tenth of the range.
        """)

    @Argument(help: "The study file (SQLite), or a study URL (postgresql://USER@HOST:5432/DATABASE?study=NAME).", completion: .file(extensions: ["sqlite"]))
    var study: String

    @OptionGroup var selection: SelectionOptions

    @Option(parsing: .unconditional, help: "Points in the hypervolume history.")
    var points: Int = 10

    func validate() throws {
        if points < 1 { throw ValidationError("--points must be at least 1, got \(points)") }
    }

    func run() throws {
        let store: any StudyStorage
        do { store = try StudyLocation.openStorage(study, readOnly: true) } catch { throw Console.badInput(error.description) }
        let report: StudyReport
        do { report = try StudyReport(storage: store, registry: .standard) } catch { throw Console.badInput(error.description) }
        let warm = (try? store.setting(WarmStart.settingKey))?.flatMap { try? WarmStart.decoded($0) }
        let askTell = (try? store.setting(Study.askedKey)) != nil
        // A study in PostgreSQL: its shared queue and the workers serving it.
        let queue = ((store as? any TrialQueueStorage).flatMap { try? $0.queueSnapshot() })?
            .statusLines(done: report.trials.count - report.running.count) ?? []
        let text = StatusFormat.render(try selection.apply(report), location: store.location, holder: store.runLockHolder(), points: points,
                                       askTell: askTell, notes: (warm.map { [$0.summary] } ?? []) + queue)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
