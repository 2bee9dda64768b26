import ArgumentParser
import Foundation
import Hyperfront
import Studies
import Store

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's trials and store every one in a study file.",
        discussion: """
        The study file (SQLite) holds the scenario, the seed and every trial, committed as trials
        finish. Ctrl-C stops gracefully; 'hyperfront run SCENARIO --study FILE --resume' continues
        exactly where the study stopped.
        """)

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "The study file to write (default: runs/<scenario name>.sqlite).")
    var study: String?

    @Option(help: "Seed for every random choice (default: the scenario's search.seed).")
    var seed: UInt64?

    @Option(help: "Total number of trials (default: the scenario's search.trials).")
    var trials: Int?

    @Option(help: "Trials run at once (default: the scenario's search.workers).")
    var workers: Int?

    @Option(help: "NSGA-II pipelining: the last N trials of each generation may finish after the next generation is bred, so workers never wait for a generation's slowest trial (default: population/4 for commands and the built-in trainer, 0 for benchmarks; 0 = strict generations). Independent of --workers: the same seed gives the same trials with any number of workers.")
    var pipeline: Int?

    @Flag(help: "Continue an existing study file instead of refusing to overwrite it.")
    var resume = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final summary line.")
    var quiet = false

    func validate() throws {
        if let trials, trials < 1 || trials > SearchSettings.maximumTrials {
            throw ValidationError("--trials must be between 1 and \(SearchSettings.maximumTrials), got \(trials)")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, got \(workers)") }
        if let pipeline, pipeline < 0 { throw ValidationError("--pipeline must be 0 or more, got \(pipeline)") }
    }

    func run() throws {
        let started = Date()
        var scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: self.scenario) }
        catch {
            // The message already carries its location ("file:line:column: error: …").
            Console.note(error.description)
            throw ExitCode(2)
        }
        if let seed { scenario.search.seed = seed }
        if let trials { scenario.search.trials = trials }
        if let workers { scenario.search.workers = workers }

        let setup: StudySetup
        do { setup = try StudySetup.make(scenario) }
        catch { throw Console.badInput(error.description) }
        scenario = setup.scenario

        let path = study ?? "runs/\(scenario.name).sqlite"
        let store: StudyStore
        let resumed = resume && FileManager.default.fileExists(atPath: path)
        do {
            if resumed {
                store = try StudyStore.open(path: path)
                let info = try store.info()
                // A resumed study keeps its own seed and trial budget unless asked otherwise.
                if seed == nil { scenario.search.seed = info.seed }
                if trials == nil { scenario.search.trials = info.trials }
                if let difference = StudySetup.difference(stored: info, scenario: scenario) {
                    throw Console.badInput("\(path): cannot resume: \(difference)")
                }
                try store.acquireRunLock()
                if info.model == nil { var model = StudyModel(scenario: scenario); model.search.trials = info.trials; try store.setModel(model) }
                if info.trials < scenario.search.trials { try store.setTrialBudget(scenario.search.trials) }
            } else {
                if !resume, FileManager.default.fileExists(atPath: path), let holder = (try? StudyStore.open(path: path, readOnly: true))?.runLockHolder() {
                    throw Console.badInput("\(path): this study is being run by \(holder) right now; choose another --study path")
                }
                store = try StudyStore.create(path: path, info: StudySetup.info(scenario))
                try store.acquireRunLock()
            }
        } catch let e as StudyStore.StoreError {
            throw Console.badInput(e.description)
        }
        defer { store.releaseRunLock() }
        // Keep the run lock fresh while trials run, however long they take: another host only
        // takes over a lock whose heartbeat is older than StudyStore.staleAfter.
        let heartbeat = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "run-lock-heartbeat"))
        heartbeat.schedule(deadline: .now() + 10, repeating: 10)
        heartbeat.setEventHandler { store.heartbeat() }
        heartbeat.resume()
        defer { heartbeat.cancel() }

        // The pipeline depth changes which trials run: a resumed study keeps the one it began with.
        let depth: Int
        do {
            let stored = try store.setting("pipeline").flatMap { Int($0) }
            if let stored, let pipeline, pipeline != stored {
                throw Console.badInput("\(path): cannot resume with --pipeline \(pipeline): the study was run with --pipeline \(stored) (drop --pipeline, or give --pipeline \(stored))")
            }
            depth = stored ?? pipeline ?? StudyRunner.defaultPipelineDepth(scenario)
            if stored == nil { try store.setSetting("pipeline", String(depth)) }
        } catch let e as StudyStore.StoreError { throw Console.badInput(e.description) }

        installInterruptHandler()
        let runner = StudyRunner(scenario: scenario, store: store, evaluator: setup.evaluator, sampler: setup.sampler,
                                 repair: setup.repair, trials: scenario.search.trials, seed: scenario.search.seed,
                                 workers: scenario.search.workers)
        runner.pipelineDepth = depth
        let display = ProgressDisplay(quiet: quiet, total: scenario.search.trials)
        let summary: StudyRunner.Summary
        do {
            summary = try runner.run(progress: display.update, shouldStop: { interruptRequested.load(ordering: .relaxed) > 0 })
        } catch {
            display.finish()
            if case .store = error {
                // The study file failed under a running study (disk full, I/O): not bad input.
                Console.error("\(error.description); finished trials are kept: continue with --resume once it is fixed")
                throw ExitCode(1)
            }
            throw Console.badInput(error.description)
        }
        display.finish()

        let elapsed = Date().timeIntervalSince(started)
        // A new study holds exactly the trials this run finished; a resumed one is counted.
        let counts: [TrialState: Int] = resumed ? ((try? store.counts()) ?? [:])
                                                : [.complete: summary.finished - summary.failed, .failed: summary.failed]
        let done = (counts[.complete] ?? 0) + (counts[.failed] ?? 0)
        var line = "\(done) trials in \(path) (\(summary.finished) run now in \(String(format: "%.2f", elapsed)) s"
        if summary.reused > 0 { line += ", \(summary.reused) already there" }
        if scenario.search.workers > 1 && summary.wallSeconds > 0 {
            line += String(format: ", workers busy %.0f%%", 100 * summary.busySeconds / (summary.wallSeconds * Double(scenario.search.workers)))
        }
        line += ", \(counts[.failed] ?? 0) failed)."
        Console.note(line)
        if let why = summary.stoppedEarly {
            if why == "stopped" {
                Console.note("Stopped; every finished trial is saved, the ones that were running will run again. Continue with: hyperfront run \(self.scenario) --study \(path) --resume")
            } else {
                Console.note("Finished early: \(why).")
            }
        }
        if !quiet { Console.note("See the front: hyperfront report \(path)") }
        var code: Int32 = 0
        if done > 0 && counts[.complete, default: 0] == 0 {
            Console.error("every trial failed; see 'hyperfront report \(path) --all' for the reasons")
            code = 1
        } else if summary.stoppedEarly == "stopped" {
            code = 130
        }
        store.releaseRunLock()
        do { try store.close() } catch { Console.error("\(error)") }
        // The run's memory (every trial, the sampler's history of configurations) goes with the
        // process: the OS takes it back at once, releasing it object by object would not.
        Foundation.exit(code)
    }
}

