import ArgumentParser
import Foundation
import Hyperfront
import Studies

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario's trials and store every one in a study file.",
        discussion: """
        The study file (SQLite) holds the scenario, the seed and every trial, committed as trials
        finish. Ctrl-C stops the trials that are running (they run again on resume) and exits
        with code 130; 'hyperfront run SCENARIO --study FILE --resume' continues exactly where
        the study stopped, with --trials N to raise its budget.
        """)

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "The study file to write (default: runs/<scenario name>.sqlite, the name made into one file name inside runs/), or a study URL (postgresql://USER@HOST:5432/DATABASE?study=NAME).")
    var study: String?

    @Option(parsing: .unconditional, help: "Seed for every random choice (default: the scenario's search.seed; a resumed study keeps its own).", transform: parseSeed)
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Total number of trials (default: the scenario's search.trials; with --resume, the study's own, or a new budget).")
    var trials: Int?

    @Option(parsing: .unconditional, help: "Trials run at once, 1 to \(Study.maximumWorkers) (default: the scenario's search.workers); with a study URL, 0 leaves every trial to 'hyperfront worker' processes.")
    var workers: Int?

    @Option(parsing: .unconditional, help: "NSGA-II pipelining: the last N trials of each generation may finish after the next generation is bred, so workers never wait for a generation's slowest trial (default: population/4 for commands and the built-in trainer, 0 for benchmarks; 0 = strict generations). Independent of --workers: the same seed gives the same trials with any number of workers.")
    var pipeline: Int?

    @Option(help: "The search algorithm: \(PluginRegistry.standard.samplerKeys.joined(separator: ", ")) (default: the scenario's search.algorithm; a resumed study keeps its own).")
    var algorithm: SearchSettings.Algorithm?

    @Option(parsing: .unconditional, help: "Stop the run (exit code 1) after N consecutive trials failed with the same reason, printing it and the tail of the trial's stderr (default: the scenario's search.max_failures, else \(Study.defaultMaxFailures); 0 = never stop).")
    var maxFailures: Int?

    @Option(help: "Tell the sampler the finished trials of an earlier study OLD first (parameters matched by name and domain; see README).")
    var warmStart: String?

    @Flag(help: "Continue an existing study file instead of refusing to overwrite it.")
    var resume = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final summary line.")
    var quiet = false

    func validate() throws {
        let overrides = Study.Overrides(seed: seed, trials: trials, workers: workers, pipelineDepth: pipeline, algorithm: algorithm,
                                        maxFailures: maxFailures)
        if let problem = Study.rangeProblem(overrides) { throw ValidationError(problem) }
    }

    func run() throws {
        let started = Date()
        let loaded: Scenario
        do { loaded = try ScenarioLoader.load(path: self.scenario) }
        catch {
            // The message already carries its location ("file:line:column: error: …").
            Console.note(error.description)
            throw ExitCode(2)
        }
        let overrides = Study.Overrides(seed: seed, trials: trials, workers: workers, pipelineDepth: pipeline, algorithm: algorithm,
                                        maxFailures: maxFailures)
        // Before the set-up: Ctrl-C also stops the budgets' integer programs.
        installInterruptHandler()
        let study: Study
        do {
            study = resume ? try Study.resume(scenario: loaded, at: self.study, overrides: overrides, createIfMissing: true,
                                              cancellation: budgetCancellation)
                           : try Study.create(scenario: loaded, at: self.study, overrides: overrides, cancellation: budgetCancellation)
        } catch {
            if case .interrupted = error {
                Console.note("Stopped while setting up the budgets, before any trial ran.")
                throw ExitCode(130)
            }
            // The machine, not the input (a full disk): exit code 1.
            if !error.isBadInput {
                Console.error(error.description)
                throw ExitCode(1)
            }
            throw Console.badInput(error.description)
        }
        if let warmStart { try reportWarmStart(study, from: warmStart) }
        let display = ProgressDisplay(quiet: quiet, total: study.settings.trials)
        let summary: Study.Summary
        do {
            summary = try study.run(progress: display.update, shouldStop: { interruptRequested.load(ordering: .relaxed) > 0 })
        } catch {
            display.finish()
            if !error.isBadInput {
                Console.error("\(error.description); finished trials are kept: continue with --resume once it is fixed")
                throw ExitCode(1)
            }
            throw Console.badInput(error.description)
        }
        display.finish()

        let path = study.path, counts = summary.counts
        let elapsed = Date().timeIntervalSince(started)
        let done = counts[.complete, default: 0] + counts[.failed, default: 0] + counts[.pruned, default: 0]
        var line = "\(done) trials in \(path) (\(summary.finished) run now in \(String(format: "%.2f", elapsed)) s"
        if summary.reused > 0 { line += ", \(summary.reused) already there" }
        if study.settings.workers > 1 && summary.wallSeconds > 0 {
            line += String(format: ", workers busy %.0f%%", 100 * summary.busySeconds / (summary.wallSeconds * Double(study.settings.workers)))
        }
        if counts[.pruned, default: 0] > 0 { line += ", \(counts[.pruned, default: 0]) stopped early" }
        line += ", \(counts[.failed, default: 0]) failed)."
        Console.note(line)
        if let failure = summary.failedFast {
            Console.error("\(summary.stoppedEarly ?? "trials failed"); the last one:\n\(failure)")
            Console.note("Fix the evaluator, then start a new study (the failed trials stay in \(path); see 'hyperfront report \(path) --all'). To go on despite failures: --max-failures 0.")
        } else if let why = summary.stoppedEarly {
            if why == "stopped" {
                Console.note("Stopped; every finished trial is saved, the ones that were running will run again. Continue with: hyperfront run \(self.scenario) --study \(path) --resume")
            } else {
                Console.note("Finished early: \(why).")
            }
        }
        if !quiet { Console.note("See the front: hyperfront report \(path)") }
        var code: Int32 = 0
        if summary.failedFast != nil {
            code = 1
        } else if done > 0 && counts[.failed, default: 0] == done {
            Console.error("every trial failed; see 'hyperfront report \(path) --all' for the reasons")
            code = 1
        } else if summary.stoppedEarly == "stopped" {
            code = 130
        }
        do { try study.close() } catch { Console.error("\(error)") }
        // The run's memory (every trial, the sampler's history of configurations) goes with the
        // process: the OS takes it back at once, releasing it object by object would not.
        Foundation.exit(code)
    }
}

extension SearchSettings.Algorithm: ExpressibleByArgument {}

/// Warm-starts `study` from the study at `old`, listing on stderr how the two differ and what was reused.
func reportWarmStart(_ study: Study, from old: String) throws {
    do {
        let warm = try study.warmStart(from: old)
        for m in warm.mismatches { Console.note("warm start: \(m)") }
        Console.note(warm.summary)
    } catch {
        // A study made for this run and not warm-started stays unwritten.
        if !study.resumed, (try? study.trials())?.isEmpty == true {
            try? study.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: study.path + suffix) }
        }
        throw Console.badInput(error.description)
    }
}
