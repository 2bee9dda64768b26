import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Report the Pareto front of a study.")
    func run() throws {}
}
