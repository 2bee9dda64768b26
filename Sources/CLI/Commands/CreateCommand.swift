import ArgumentParser
import Foundation
import Hyperfront
import Studies

struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an empty study file, to drive with 'hyperfront ask' and 'hyperfront tell'.",
        discussion: """
        The study keeps the scenario, the seed and the settings as 'hyperfront run' would; its
        trials are then asked for and told by your own loop, in any process. The same seed and the
        same results give the trials 'hyperfront run' gives.
        """)

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "The study file to write (default: runs/<scenario name>.sqlite).")
    var study: String?

    @Option(parsing: .unconditional, help: "Seed for every random choice (default: the scenario's search.seed).", transform: parseSeed)
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Total number of trials (default: the scenario's search.trials).")
    var trials: Int?

    @Option(parsing: .unconditional, help: "NSGA-II pipelining depth, as for 'hyperfront run' (the default is run's).")
    var pipeline: Int?

    @Option(help: "The search algorithm: \(PluginRegistry.standard.samplerKeys.joined(separator: ", ")) (default: the scenario's search.algorithm).")
    var algorithm: SearchSettings.Algorithm?

    @Option(help: "Tell the sampler the finished trials of an earlier study OLD first, as 'hyperfront run --warm-start'.")
    var warmStart: String?

    func validate() throws {
        if let problem = Study.rangeProblem(Study.Overrides(trials: trials, pipelineDepth: pipeline)) { throw ValidationError(problem) }
    }

    func run() throws {
        let loaded: Scenario
        do { loaded = try ScenarioLoader.load(path: scenario) } catch { Console.note(error.description); throw ExitCode(2) }
        let overrides = Study.Overrides(seed: seed, trials: trials, pipelineDepth: pipeline, algorithm: algorithm)
        do {
            let study = try Study.create(scenario: loaded, at: self.study, overrides: overrides)
            if let warmStart {
                let warm = try study.warmStart(from: warmStart)
                for m in warm.mismatches { Console.note("warm start: \(m)") }
                Console.note(warm.summary)
            }
            try study.close()
            FileHandle.standardOutput.write(Data("\(study.path)\n".utf8))
        } catch { throw Console.badInput(error.description) }
    }
}
