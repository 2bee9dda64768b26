import ArgumentParser

struct HypervolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hv", abstract: "Exact hypervolume of a point set (minimisation).")
    func run() throws {}
}
