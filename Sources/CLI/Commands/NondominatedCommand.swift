import ArgumentParser
import Foundation
import Hyperfront
import Pareto

struct NondominatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nondominated",
        abstract: "The non-dominated points of a point set, or every point's front rank.",
        discussion: """
        FILE is CSV without a header: one point per line, objectives separated by commas \
        (minimised). Prints the non-dominated points in input order, in the same format with \
        values that read back exactly; with --ranks, one front rank per input line instead \
        (1 = non-dominated).
        """)

    @Argument(help: "CSV point file (one point per line, comma-separated objectives, minimised).")
    var file: String

    @Flag(name: .long, help: "Print every point's front rank (1 = non-dominated), one per input line.")
    var ranks = false

    @Option(name: .customLong("repeat"), parsing: .unconditional, help: "Compute N times and print 'seconds: <median>' of the computation alone on stderr.")
    var repeatCount: Int?

    func run() throws {
        let points = try PointInput.load(file)
        let repeats = try PointInput.repeats(repeatCount)
        var out = ""
        if ranks {
            var r: [Int] = []
            let timing = PointInput.medianSeconds(repeats) { r = NondominatedSorting.ranks(points) }
            out.reserveCapacity(r.count * 3)
            for v in r { out += String(v + 1); out += "\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
            if repeatCount != nil { timing.report() }
        } else {
            var keep: [Int] = []
            let timing = PointInput.medianSeconds(repeats) { keep = NondominatedSorting.nondominatedIndices(points) }
            for i in keep {
                let row = points[i]
                var first = true
                for v in row {
                    if !first { out += "," }
                    out += v.description
                    first = false
                }
                out += "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            if repeatCount != nil { timing.report() }
        }
    }
}
