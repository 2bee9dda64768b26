import ArgumentParser

struct NondominatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nondominated", abstract: "The non-dominated points of a point set, or every point's front rank.")
    func run() throws {}
}
