import ArgumentParser
import Foundation
import Hyperfront
import Store
import Studies

struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Print the next trials to evaluate, as JSON lines, and mark them running.",
        discussion: """
        Each line: {"trial": N, "seed": S, "parameters": {...}}. Report each with 'hyperfront tell'.
        Fewer than -n lines (or none) come out while the sampler waits for results: NSGA-II with
        strict generations (pipeline 0) breeds a generation only once the previous one is told.
        No line and exit code 0 once the budget is handed out. A trial asked for and not told
        within --timeout seconds (default one hour) is handed out again. The sampler is rebuilt
        from the study file on every call (the study replayed from its seed and the told trials),
        so any process may ask; calls that meet wait for each other.
        """)

    @Argument(help: "The study file (made by 'hyperfront create').", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Option(name: .short, parsing: .unconditional, help: "How many trials to ask for.")
    var n: Int = 1

    @Option(parsing: .unconditional, help: "Seconds after which a trial asked for and not told is handed out again.")
    var timeout: Double = Study.defaultAskTimeout

    func validate() throws {
        if n < 1 { throw ValidationError("-n must be a whole number of 1 or more, got \(n); write e.g. -n 4") }
        if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds, got \(timeout); write e.g. --timeout 3600 (one hour, the default)") }
    }

    func run() throws {
        let study = try openForAskTell(self.study)
        let asked: [Study.AskedTrial]
        do { asked = try study.ask(count: n, timeout: timeout) } catch { throw Console.badInput(error.description) }
        try? study.close()
        FileHandle.standardOutput.write(Data(asked.map { $0.json + "\n" }.joined().utf8))
    }
}

/// Resumes the study at `path` with its stored scenario, waiting (up to a minute) while another
/// ask or tell holds it.
func openForAskTell(_ path: String) throws -> Study {
    let deadline = Date().addingTimeInterval(60)
    while true {
        do { return try Study.resume(at: path) } catch {
            if case .store(.busy) = error, Date() < deadline { usleep(20_000); continue }
            throw Console.badInput(error.description)
        }
    }
}
