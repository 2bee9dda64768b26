import ArgumentParser

@main
struct HyperfrontCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyperfront",
        abstract: "Find the trade-off front of a model's hyperparameters.",
        discussion: """
        Exit codes: 0 success; 1 a run finished but something was wrong with it (e.g. every trial
        failed); 2 bad input (scenario, arguments, files).
        """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, ReportCommand.self, StatusCommand.self, CompareCommand.self, SizeCommand.self,
            HypervolumeCommand.self, NondominatedCommand.self,
        ]
    )
}
