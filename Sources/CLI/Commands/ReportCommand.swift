import ArgumentParser
import Foundation
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the feasible Pareto front of a study.",
        discussion: """
        table: the front sorted by the first objective, knee and best per objective marked, each constraint's slack, the key parameters.
        markdown: the same for a pull request. csv: a header (trial, each parameter, each metric, state, violation, generation), a row per trial.
        json: schema 1 (docs/report-json-schema.md). html: one self-contained page with plots.
        The same study always gives the same bytes.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, csv, json, html
    }

    @Argument(help: "The study file.", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Every trial, not only the front.")
    var all = false

    func run() throws {
        let report: StudyReport
        do {
            let store = try StudyStore.open(path: study)
            report = try StudyReport(store: store)
        } catch let e as StudyStore.StoreError {
            throw Console.badInput(e.description)
        } catch let e as StudyReport.ReportError {
            throw Console.badInput(e.description)
        }
        let text: String
        switch format {
        case .table: text = TableFormat.render(report, all: all)
        case .markdown: text = MarkdownFormat.render(report, all: all)
        case .csv: text = CSVFormat.render(report, all: all)
        case .json: text = JSONFormat.render(report, all: all)
        case .html: text = HTMLFormat.render(report, all: all)
        }
        try Console.write(text, to: output)
    }
}
