import ArgumentParser
import Foundation
import Hyperfront
import Studies

struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Evaluate the trials of a study in PostgreSQL, on any host.",
        discussion: """
        The study's coordinator ('hyperfront run SCENARIO --study URL', which runs the sampler) queues
        the trials it proposes; workers on any host claim them one at a time, run them and store their
        results. Start workers before or after the coordinator; they stop by themselves when the study
        is done. A worker keeps a heartbeat (every second); a trial whose worker stopped answering for
        --reclaim-after seconds (the server's clock) is run by another worker. The scenario's files
        (data sets, commands) are looked up as 'hyperfront run' looks them up, from the working
        directory: a worker that cannot run the study's evaluator says why and exits with code 2.
        The same seed gives the same trials whichever worker runs them.
        """)

    @Argument(help: "The study: postgresql://USER@HOST:5432/DATABASE?study=NAME (password from PGPASSWORD or ~/.pgpass).")
    var study: String

    @Option(parsing: .unconditional, help: "Trials this process runs at once (threads), 1 to \(Study.maximumWorkers).")
    var workers = 1

    @Option(name: .customLong("reclaim-after"), parsing: .unconditional, help: "Seconds without a heartbeat after which a claimed trial is taken over (at least 3).")
    var reclaimAfter = SharedQueue.defaultReclaimAfter

    @Option(parsing: .unconditional, help: "Seconds to wait for the study to be created.")
    var wait = 600.0

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final summary line.")
    var quiet = false

    func validate() throws {
        if workers < 1 || workers > Study.maximumWorkers {
            throw ValidationError("--workers must be between 1 and \(Study.maximumWorkers), got \(workers)")
        }
        if !(reclaimAfter >= 3 * SharedQueue.heartbeatInterval) || !reclaimAfter.isFinite {
            throw ValidationError("--reclaim-after must be at least \(Int(3 * SharedQueue.heartbeatInterval)) seconds (three heartbeats), got \(reclaimAfter)")
        }
        if !(wait >= 0) || !wait.isFinite { throw ValidationError("--wait must be 0 or more seconds, got \(wait)") }
    }

    func run() throws {
        let quiet = self.quiet
        let worker: StudyWorker
        do { worker = try StudyWorker.open(study, wait: wait, note: { if !quiet { Console.note($0) } }) }
        catch { throw Console.badInput(error.description) }
        installInterruptHandler()
        if !quiet { Console.note("worker on \(worker.location) (\(worker.scenario.name)): \(workers) trial\(workers == 1 ? "" : "s") at once") }
        let summary: StudyWorker.Summary
        do { summary = try worker.run(workers: workers, reclaimAfter: reclaimAfter, shouldStop: { interruptRequested.load(ordering: .relaxed) > 0 }) }
        catch { throw Console.badInput(error.description) }
        var line = "worker: \(summary.finished + summary.failed) trials in \(String(format: "%.2f", summary.wallSeconds)) s (\(summary.failed) failed"
        if summary.reclaimed > 0 { line += ", \(summary.reclaimed) taken over from a stopped worker" }
        if summary.superseded > 0 { line += ", \(summary.superseded) finished first by another worker" }
        if summary.activeSeconds > 0 {
            line += String(format: ", busy %.0f%% of the %.2f s from its first trial to its last", 100 * summary.busySeconds / (summary.activeSeconds * Double(workers)), summary.activeSeconds)
        }
        Console.note(line + ").")
        if let failure = summary.failure {
            Console.error("\(failure); the trials this worker held are taken over by others after \(Int(reclaimAfter)) s")
            throw ExitCode(1)
        }
        if interruptRequested.load(ordering: .relaxed) > 0 { throw ExitCode(130) }
    }
}
