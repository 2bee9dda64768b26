import ArgumentParser
import Foundation
import Hyperfront
import PostgresStore

@main
struct HyperfrontCommand: ParsableCommand {
    /// Parses and runs a subcommand. Bad arguments exit with code 2, like every other bad
    /// input (ArgumentParser's own convention would be 64).
    static func main() {
        // Study URLs (postgresql://…) wherever a study path is taken: the one storage this
        // program links beside study files.
        PostgresBackend.register()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "hyperfront",
        abstract: "Find the trade-off front of a model's hyperparameters.",
        discussion: """
        Exit codes: 0 success; 1 a run finished but something was wrong with it (e.g. every trial
        failed); 2 bad input (scenario, arguments, files).
        """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, CreateCommand.self, AskCommand.self, TellCommand.self, EnqueueCommand.self, ReportCommand.self, StatusCommand.self, CompareCommand.self, SizeCommand.self, CopyCommand.self, WorkerCommand.self,
            HypervolumeCommand.self, NondominatedCommand.self,
        ]
    )
}
