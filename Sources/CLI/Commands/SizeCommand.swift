import ArgumentParser
import Foundation
import Hyperfront
import Reports
import Studies
import Store
import StudyStorages

struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Which configuration fits which device: deployment sizing with an integer program.",
        discussion: """
        Each --target is NAME:METRIC<=QUANTITY[,METRIC>=QUANTITY...] (a bare quantity bounds memory_bytes), e.g.
        --target phone:memory_bytes<=2MB --target edge:memory_bytes<=16MB,train_seconds<=20.
        Chooses at most --max-models distinct configurations from the study's complete, feasible trials, covering as many
        targets as possible and then maximising the weighted sum of the chosen objective, and shows what each target
        gives up against the best that fits it alone and against the study's best.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, markdown, json
    }

    @Argument(help: "The study file, or a study URL (postgresql://USER@HOST:5432/DATABASE?study=NAME).", completion: .file(extensions: ["sqlite"]))
    var study: String

    @Option(name: .customLong("target"), help: "A deployment target with its budgets (repeatable).")
    var targets: [String] = []

    @Option(name: .customLong("max-models"), parsing: .unconditional, help: "At most this many distinct configurations (default: one per target).")
    var maxModels: Int?

    @Option(name: .customLong("weight"), help: "NAME=NUMBER: how much a target counts (default 1; repeatable).")
    var weights: [String] = []

    @Option(help: "The metric to maximise (default: the study's first objective).")
    var maximize: String?

    @Option(help: "The metric to minimise instead.")
    var minimize: String?

    @Option(name: .customLong("where"), help: "Consider only trials whose metric passes, e.g. 'accuracy>=0.9' (repeatable; >=, <=, >, <, ==, !=). Replaces the scenario's report.where.")
    var filters: [String] = []

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (never a study file).")
    var output: String?

    func run() throws {
        if let output, let refusal = ReportOutput.refusal(output: output, inputs: [study]) { throw Console.badInput(refusal) }
        var parsed: [DeploymentTarget] = []
        do { for t in targets { parsed.append(try DeploymentTarget.parse(t)) } }
        catch { throw Console.badInput(error.description) }
        let w: [String: Double]
        do { w = try SizingPlan.weights(weights) } catch { throw Console.badInput(error.description) }
        if maximize != nil && minimize != nil { throw Console.badInput("give --maximize or --minimize, not both") }
        let objective = maximize.map { Objective(metric: $0, goal: .maximize) } ?? minimize.map { Objective(metric: $0, goal: .minimize) }
        // Sizing picks from every complete, feasible trial, not only the front: filters apply, tolerances do not.
        let report = try SelectionOptions.report(study, filters: filters, tolerances: [])
        let plan: SizingPlan
        do { plan = try SizingPlan(report: report, targets: parsed, weights: w, objective: objective, maxModels: maxModels) }
        catch { throw Console.badInput(error.description) }
        let text: String
        switch format {
        case .table: text = SizingFormat.table(plan)
        case .markdown: text = SizingFormat.markdown(plan)
        case .json: text = SizingFormat.json(plan)
        }
        try Console.write(text, to: output)
    }
}
