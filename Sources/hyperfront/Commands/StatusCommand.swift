import ArgumentParser

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Counts by state, front size and hypervolume history of a study.")
    func run() throws {
        throw Console.badInput("'hyperfront status' is not available in this build")
    }
}
