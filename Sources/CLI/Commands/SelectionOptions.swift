import ArgumentParser
import Reports
import Store
import StudyStorages

/// `--where` and `--tolerance`, shared by every command that shows a front (report, status,
/// compare, size). Each kind given replaces the scenario's `report:` settings of that kind.
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("where"), help: "Show only trials whose metric passes, e.g. 'accuracy>=0.9' (repeatable; >=, <=, >, <, ==, !=); the front, knee and best are those of what is shown. Replaces the scenario's report.where.")
    var filters: [String] = []

    @Option(name: .customLong("tolerance"), help: "An objective's tolerance, absolute ('accuracy=0.002', 'memory_bytes=10KB') or relative ('train_seconds=5%') (repeatable): a trial is left off the front when another is at least as good within the tolerances on every objective and better beyond them on one (ε-dominance). Replaces the scenario's report.tolerance.")
    var tolerances: [String] = []

    var isEmpty: Bool { filters.isEmpty && tolerances.isEmpty }

    /// The report of the study at `path` with these filters and tolerances (bad input: exit 2).
    func report(_ path: String) throws -> StudyReport {
        try Self.report(path, filters: filters, tolerances: tolerances)
    }

    static func report(_ path: String, filters: [String], tolerances: [String]) throws -> StudyReport {
        let report: StudyReport
        do { report = try StudyReport(storage: try StudyLocation.openStorage(path, readOnly: true), registry: .standard) }
        catch let e as StudyStore.StoreError { throw Console.badInput(e.description) }
        catch let e as StudyReport.ReportError { throw Console.badInput(e.description) }
        catch { throw Console.badInput("\(error)") }
        do { return try report.selecting(where: filters, tolerance: tolerances) } catch { throw Console.badInput(error.description) }
    }

    func apply(_ report: StudyReport) throws -> StudyReport {
        do { return try report.selecting(where: filters, tolerance: tolerances) } catch { throw Console.badInput(error.description) }
    }
}
