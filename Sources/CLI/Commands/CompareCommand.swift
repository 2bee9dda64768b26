import ArgumentParser
import Foundation
import Hyperfront
import Reports
import Studies

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the fronts of several studies or CSV files.",
        discussion: """
        Each input is a study file (its feasible front) or a CSV of points (header of metric names, or plain numbers: f1, f2, ...).
        Objectives come from the first study given, or else from the CSV columns (minimised unless named with --maximize).
        All inputs are scaled together: each minimised objective to [0, 1] by its minimum and maximum over every input;
        the hypervolume reference point is 1.1 in each. IGD, IGD+ and additive epsilon are measured against the union front.
        With --runs, each list is one set of repeated runs: indicators show median and interquartile range, and the
        best/median/worst empirical attainment surfaces are drawn.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json, html
    }

    @Argument(help: "Study files or CSV fronts, one set each.")
    var inputs: [String] = []

    @Option(name: .customLong("runs"), help: "A comma-separated list of runs forming one set (repeat for each set).")
    var runs: [String] = []

    @Option(help: "A CSV column to maximise (repeatable); studies carry their own directions.")
    var maximize: [String] = []

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let lists = runs.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        if let empty = lists.firstIndex(where: \.isEmpty) {
            throw Console.badInput("--runs '\(runs[empty])': no file named; give a comma-separated list of study files or CSV fronts, e.g. --runs a1.sqlite,a2.sqlite")
        }
        let sets: [[String]] = inputs.map { [$0] } + lists
        if let output, let refusal = ReportOutput.refusal(output: output, inputs: sets.flatMap { $0 }) { throw Console.badInput(refusal) }
        let comparison: FrontComparison
        do { comparison = try FrontComparison.read(sets: sets, maximize: Set(maximize), registry: .standard) } catch { throw Console.badInput(error.description) }
        let text: String
        switch format {
        case .table: text = ComparisonTextFormat.table(comparison)
        case .markdown: text = ComparisonTextFormat.markdown(comparison)
        case .json: text = ComparisonJSONFormat.render(comparison)
        case .html: text = ComparisonHTMLFormat.render(comparison)
        }
        try Console.write(text, to: output)
    }
}
