import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a scenario's trials and store them in a study file.")
    func run() throws {}
}
