import ArgumentParser
import Foundation
import Hyperfront
import Studies

struct EnqueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue",
        abstract: "Queue known configurations to be evaluated before the sampler's own proposals.",
        discussion: """
        FILE.json: a list of objects, e.g. [{"units": 64, "activation": "relu", "learning_rate": 0.01}].
        FILE.csv: a header of parameter names, then one configuration a row (an empty cell leaves out
        a parameter whose condition does not hold). Every parameter active in a configuration must be
        given (fixed ones may be left out). They are evaluated with the sampler's next batch — by
        'hyperfront run --resume' or handed out by 'hyperfront ask' — and told to the sampler like any
        trial. A configuration that breaks a budget known before training (a bound on a resource
        formula) is refused, naming the budget and by how much; with --repair it is moved to the
        nearest configuration that fits. On any error nothing is queued (exit code 2).
        """)

    @Argument(help: "The study file.", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Argument(help: "The configurations: a .json or .csv file.", completion: .file(extensions: ["json", "csv"]))
    var file: String

    @Flag(help: "Repair a configuration that breaks a budget instead of refusing it.")
    var repair = false

    func run() throws {
        let study = try openForAskTell(self.study)
        defer { try? study.close() }
        let known: [KnownConfiguration]
        do { known = try KnownConfigurationFile.read(path: file, space: study.scenario.space) }
        catch { Console.note(error.description); throw ExitCode(2) }
        if known.isEmpty { throw Console.badInput("\(file): no configuration in the file; nothing queued") }
        let from: Int
        do { from = try study.enqueue(known, policy: repair ? .repair : .refuse) }
        catch { Console.note(error.description); throw ExitCode(2) }
        let s = known.count == 1 ? "" : "s"
        print("queued \(known.count) configuration\(s) in \(study.path): evaluated first from trial \(from) on (with the sampler's next batch)")
    }
}
