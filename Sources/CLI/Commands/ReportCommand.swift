import ArgumentParser
import Foundation
import Reports
import Studies
import Store
import StudyStorages

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the feasible Pareto front of a study.",
        discussion: """
        table: the front sorted by the first objective, knee and best per objective marked, each constraint's slack, the key parameters.
        markdown: the same for a pull request. csv: a header (trial, each parameter, each metric, state, violation, generation), a row per trial.
        json: schema 1 (docs/report-json-schema.md). html: one self-contained page with plots.
        --where and --tolerance (or the scenario's report: section) decide what is shown; knee and best are computed on it.
        The same study always gives the same bytes. The study file is only read, never written.
        """)

    @Argument(help: "The study file, or a study URL (postgresql://USER@HOST:5432/DATABASE?study=NAME).", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Option(help: "Output format: \(ReportFormats.names.joined(separator: ", ")).")
    var format: String = "table"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (never a study file).")
    var output: String?

    @OptionGroup var selection: SelectionOptions

    @Flag(help: "Every trial, not only the front.")
    var all = false

    @Flag(help: "Every trial's intermediate reports (learning curves), long format: with --format csv a row per report (trial, state, step, metrics), with --format json a list per trial.")
    var intermediate = false

    func validate() throws {
        if intermediate && format != "csv" && format != "json" {
            throw ValidationError("--intermediate needs --format csv or --format json")
        }
        if ReportFormats.named(format) == nil {
            throw ValidationError("--format \(format): no such format; use one of \(ReportFormats.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        if let output, let refusal = ReportOutput.refusal(output: output, inputs: [study]) { throw Console.badInput(refusal) }
        if intermediate {
            let curves: [IntermediateReports.Curve]
            do { curves = try IntermediateReports.curves(try StudyLocation.openStorage(study, readOnly: true)) }
            catch { throw Console.badInput("\(error)") }
            try Console.write(format == "csv" ? IntermediateReports.csv(curves) : IntermediateReports.json(curves), to: output)
            return
        }
        let report = try selection.report(study)
        guard let renderer = ReportFormats.named(format) else { throw Console.badInput("--format \(format): no such format") }
        if format == HTMLFormat.name {
            // The page draws learning curves from the intermediate reports.
            let curves = (try? IntermediateReports.curves(try StudyLocation.openStorage(study, readOnly: true))) ?? []
            return try Console.write(HTMLFormat.render(report, all: all, curves: curves), to: output)
        }
        try Console.write(renderer.render(report, all: all), to: output)
    }
}
