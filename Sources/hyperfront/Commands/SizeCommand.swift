import ArgumentParser

struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "size", abstract: "Which configuration fits which device: deployment sizing with an integer program.")
    func run() throws {
        throw Console.badInput("'hyperfront size' is not available in this build")
    }
}
