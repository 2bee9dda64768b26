import ArgumentParser

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare the fronts of several studies or CSV files.")
    func run() throws {
        throw Console.badInput("'hyperfront compare' is not available in this build")
    }
}
