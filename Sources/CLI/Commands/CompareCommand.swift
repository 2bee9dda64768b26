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
        All inputs are scaled together: each minimised objective shifted by its minimum over every input and divided by its
        range there, or by 5 % of its magnitude when the range is smaller (a negligible difference stays negligible);
        the hypervolume reference point is 1.1 in each. IGD, IGD+ and additive epsilon are measured against the union front.
        With --runs, each list is one set of repeated runs (name it: --runs nsga2=a1.sqlite,a2.sqlite): indicators show
        median and interquartile range, the best/median/worst empirical attainment surfaces are drawn, and each indicator
        gets a verdict from a two-sided Mann–Whitney U test (or, with --paired, a Wilcoxon signed-rank test of runs paired
        by seed), its p-value, the probability that a run of the first set beats one of the other, and per-seed win counts.
        Medians closer than 1 % (of the reference box for hypervolume, of an objective's range for the others) tie.
        --where and --tolerance decide each input's front as 'report' would (for a CSV, on its objective columns).
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json, html
    }

    @Argument(help: "Study files or CSV fronts, one set each.")
    var inputs: [String] = []

    @Option(name: .customLong("runs"), help: "A comma-separated list of runs forming one set, optionally named: nsga2=a1.sqlite,a2.sqlite (repeat for each set).")
    var runs: [String] = []

    @Flag(help: "Pair the runs of the sets by seed and test with Wilcoxon's signed-rank test instead of Mann–Whitney's U.")
    var paired = false

    @OptionGroup var selection: SelectionOptions

    @Option(help: "A CSV column to maximise (repeatable); studies carry their own directions.")
    var maximize: [String] = []

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        var names: [String?] = inputs.map { _ in nil }
        var lists: [[String]] = []
        for r in runs {
            var text = Substring(r)
            var name: String? = nil
            if let eq = text.firstIndex(of: "="), !text[..<eq].contains(","), !text[..<eq].contains("/") {
                let given = text[..<eq].trimmingCharacters(in: .whitespaces)
                if given.isEmpty { throw Console.badInput("--runs '\(r)': the name before '=' is empty; write --runs NAME=file1,file2") }
                name = given
                text = text[text.index(after: eq)...]
            }
            names.append(name)
            lists.append(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        if let empty = lists.firstIndex(where: \.isEmpty) {
            throw Console.badInput("--runs '\(runs[empty])': no file named; give a comma-separated list of study files or CSV fronts, e.g. --runs a1.sqlite,a2.sqlite")
        }
        let sets: [[String]] = inputs.map { [$0] } + lists
        if let output, let refusal = ReportOutput.refusal(output: output, inputs: sets.flatMap { $0 }) { throw Console.badInput(refusal) }
        var comparison: FrontComparison
        do { comparison = try FrontComparison.read(sets: sets, names: names, maximize: Set(maximize), registry: .standard,
                                                         filters: selection.filters, tolerances: selection.tolerances) } catch { throw Console.badInput(error.description) }
        comparison.paired = paired
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
