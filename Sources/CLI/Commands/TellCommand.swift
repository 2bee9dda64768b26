import ArgumentParser
import Foundation
import Hyperfront
import Studies

struct TellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tell",
        abstract: "Record the result of a trial handed out by 'hyperfront ask'.",
        discussion: """
        hyperfront tell runs/x.sqlite 3 --metrics '{"accuracy": 0.93, "latency_ms": 4.1}'
        hyperfront tell runs/x.sqlite 4 --failed 'out of memory'
        hyperfront tell runs/x.sqlite 5 --pruned --metrics '{"accuracy": 0.61}'
        Metrics the scenario computes (resources) are filled in; a missing objective or constraint
        metric makes the trial fail, as in 'hyperfront run'.
        """)

    @Argument(help: "The study file.", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Argument(help: "The trial number 'hyperfront ask' printed.")
    var trial: Int

    @Option(help: "The trial's metrics as a JSON object of numbers.")
    var metrics: String?

    @Option(help: "The trial failed, for this reason.")
    var failed: String?

    @Flag(help: "The trial was stopped early (its --metrics are the values it reached).")
    var pruned = false

    func validate() throws {
        if failed != nil && (metrics != nil || pruned) { throw ValidationError("give --failed alone, or --metrics (with --pruned for a trial stopped early)") }
        if failed == nil && metrics == nil && !pruned { throw ValidationError("give --metrics '{\"accuracy\": 0.93}', --failed REASON or --pruned") }
    }

    func run() throws {
        var values: [String: Double] = [:]
        if let metrics {
            do { values = try JSONDecoder().decode([String: Double].self, from: Data(metrics.utf8)) }
            catch { throw Console.badInput("--metrics: not a JSON object of numbers: \(metrics); write e.g. --metrics '{\"accuracy\": 0.93}'") }
        }
        let told: Study.Told
        if let failed { told = .failed(failed) } else if pruned { told = .pruned(values) } else { told = .metrics(values) }
        let study = try openForAskTell(self.study)
        let stored: Trial
        do { stored = try study.tell(trial, told) } catch { throw Console.badInput(error.description) }
        try? study.close()
        if stored.state == .failed, failed == nil { Console.note("trial \(trial) recorded as failed: \(stored.failure ?? "")") }
    }
}
