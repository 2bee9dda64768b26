import ArgumentParser
import Foundation
import Hyperfront
import Runner
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

    @Flag(help: "Continue an existing study file instead of refusing to overwrite it.")
    var resume = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the final summary line.")
    var quiet = false

    func validate() throws {
        if let trials, trials < 1 { throw ValidationError("--trials must be at least 1, got \(trials)") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, got \(workers)") }
    }

    func run() throws {
        let started = Date()
        var scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: self.scenario) }
        catch { throw Console.badInput(error.description) }
        if let seed { scenario.search.seed = seed }
        if let trials { scenario.search.trials = trials }
        if let workers { scenario.search.workers = workers }

        let setup: StudySetup
        do { setup = try StudySetup.make(scenario) }
        catch { throw Console.badInput(error.description) }
        scenario = setup.scenario

        let path = study ?? "runs/\(scenario.name).sqlite"
        let store: StudyStore
        do {
            if resume && FileManager.default.fileExists(atPath: path) {
                store = try StudyStore.open(path: path)
                let info = try store.info()
                if let difference = StudySetup.difference(stored: info, scenario: scenario) {
                    throw Console.badInput("\(path): cannot resume: \(difference)")
                }
                if info.trials < scenario.search.trials { try store.setTrialBudget(scenario.search.trials) }
                if trials == nil { scenario.search.trials = max(info.trials, scenario.search.trials) }
            } else {
                store = try StudyStore.create(path: path, info: StudySetup.info(scenario))
            }
        } catch let e as StudyStore.StoreError {
            throw Console.badInput(e.description)
        }

        installInterruptHandler()
        let runner = StudyRunner(scenario: scenario, store: store, evaluator: setup.evaluator, sampler: setup.sampler,
                                 repair: setup.repair, trials: scenario.search.trials, seed: scenario.search.seed,
                                 workers: scenario.search.workers)
        let display = ProgressDisplay(quiet: quiet, total: scenario.search.trials)
        let summary: StudyRunner.Summary
        do {
            summary = try runner.run(progress: display.update, shouldStop: { interruptRequested.load(ordering: .relaxed) > 0 })
        } catch {
            display.finish()
            throw Console.badInput(error.description)
        }
        display.finish()

        let elapsed = Date().timeIntervalSince(started)
        let counts = (try? store.counts()) ?? [:]
        let done = (counts[.complete] ?? 0) + (counts[.failed] ?? 0)
        var line = "\(done) trials in \(path) (\(summary.finished) run now in \(String(format: "%.2f", elapsed)) s"
        if summary.reused > 0 { line += ", \(summary.reused) already there" }
        line += ", \(counts[.failed] ?? 0) failed)."
        Console.note(line)
        if let why = summary.stoppedEarly {
            if why == "stopped" {
                Console.note("Stopped. Continue with: hyperfront run \(self.scenario) --study \(path) --resume")
            } else {
                Console.note("Finished early: \(why).")
            }
        }
        if !quiet { Console.note("See the front: hyperfront report \(path)") }
        if done > 0 && counts[.complete, default: 0] == 0 {
            Console.error("every trial failed; see 'hyperfront report \(path) --all' for the reasons")
            throw ExitCode(1)
        }
        if summary.stoppedEarly == "stopped" { throw ExitCode(130) }
    }
}

/// The live status line on a terminal; plain lines otherwise.
final class ProgressDisplay: @unchecked Sendable {
    let quiet: Bool
    let total: Int
    let start = Date()
    let terminal = Console.stderrIsTerminal
    var lastDraw = 0.0
    var lastLine = 0.0
    var drawn = false

    init(quiet: Bool, total: Int) {
        self.quiet = quiet
        self.total = total
    }

    func update(_ p: StudyRunner.Progress) {
        if quiet { return }
        let now = Date().timeIntervalSince(start)
        let done = p.finished + p.reused
        let eta = p.finished > 0 ? now / Double(p.finished) * Double(max(0, p.total - p.finished)) : .nan
        if terminal {
            if now - lastDraw < 0.1 && done < total { return }
            lastDraw = now
            let text = "trials \(done)/\(total) · running \(p.running) · failed \(p.failed) · \(formatDuration(now)) elapsed · ETA \(formatDuration(eta))"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            drawn = true
        } else {
            // One line per finished trial, unless trials finish faster than a few per second.
            if now - lastLine < 0.2 && done < total { return }
            lastLine = now
            var text = "trial \(p.lastTrial.map { String($0.number) } ?? "-") \(p.lastTrial?.state.rawValue ?? "")"
            if let f = p.lastTrial?.failure { text += " (\(f.split(separator: "\n").first ?? ""))" }
            text += " · \(done)/\(total) done · \(p.failed) failed · \(formatDuration(now)) elapsed"
            Console.note(text)
        }
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
