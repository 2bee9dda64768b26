import Foundation
import Hyperfront

/// The data the interactive report page renders from, as one JSON object (format 1): the
/// study's objectives, constraints, parameters and metrics, every trial (parameters encoded as
/// the search space stores them, metrics in the study's order, `null` for a missing value),
/// the report's front, knee and best trials, the hypervolume history with its reference
/// point, learning curves and parameter importance. Keys come in a fixed order, numbers in
/// their shortest round-tripping form, so the same study gives the same bytes.
enum PageData {
    /// Most learning curves embedded: the front's trials first, then the latest others.
    static let maximumCurves = 2_000

    static func json(_ report: StudyReport, all: Bool, curves: [IntermediateReports.Curve]) -> String {
        let sc = report.model
        var o = "{\"format\": 1,\n\"study\": \(jsonQuote(report.info.name)),\n\"all\": \(all),\n"
        o += "\"summary\": [" + report.summaryLines.map(jsonQuote).joined(separator: ", ") + "],\n"
        o += "\"emptyFront\": " + (report.emptyFrontExplanation.map(jsonQuote) ?? "null") + ",\n"
        o += "\"objectives\": [" + sc.objectives.map { obj in
            "{\"metric\": \(jsonQuote(obj.metric)), \"goal\": \(jsonQuote(obj.goal.rawValue)), \"unit\": \(jsonQuote(MetricUnit(metric: obj.metric).rawValue))}"
        }.joined(separator: ", ") + "],\n"
        o += "\"constraints\": [" + sc.constraints.map { c in
            "{\"metric\": \(jsonQuote(c.metric)), \"kind\": \(jsonQuote(c.kind.rawValue)), \"bound\": \(number(c.bound)), \"text\": \(jsonQuote(c.description))}"
        }.joined(separator: ", ") + "],\n"
        o += "\"parameters\": [\n" + sc.space.parameters.map(parameter).joined(separator: ",\n") + "],\n"
        o += "\"keyParameters\": [" + report.keyParameters.map(String.init).joined(separator: ", ") + "],\n"
        o += "\"metrics\": [" + report.metricNames.map { "{\"name\": \(jsonQuote($0)), \"unit\": \(jsonQuote(MetricUnit(metric: $0).rawValue))}" }.joined(separator: ", ") + "],\n"
        o += "\"filters\": [" + report.filters.map { jsonQuote($0.description) }.joined(separator: ", ") + "],\n"
        o += "\"trials\": [\n" + trials(report).joined(separator: ",\n") + "],\n"
        o += "\"front\": [" + report.front.map { String(report.trials[$0].number) }.joined(separator: ", ") + "],\n"
        o += "\"knee\": " + (report.knee.map { String(report.trials[$0].number) } ?? "null") + ",\n"
        o += "\"best\": [" + report.bestPerObjective.map { String(report.trials[$0].number) }.joined(separator: ", ") + "],\n"
        o += "\"hypervolume\": " + hypervolume(report) + ",\n"
        o += "\"curves\": " + curvesJSON(report, curves) + ",\n"
        o += "\"importance\": " + importance(report) + "\n}"
        return o
    }

    static func number(_ v: Double) -> String { v.isFinite ? formatNumber(v) : "null" }

    static func parameter(_ p: Parameter) -> String {
        var o = "{\"name\": \(jsonQuote(p.name)), "
        switch p.domain {
        case .float(let lo, let hi, let log, let step):
            o += "\"kind\": \"float\", \"low\": \(number(lo)), \"high\": \(number(hi)), \"log\": \(log)" + (step.map { ", \"step\": \(number($0))" } ?? "")
        case .int(let lo, let hi, let log, let step):
            o += "\"kind\": \"int\", \"low\": \(lo), \"high\": \(hi), \"log\": \(log), \"step\": \(step)"
        case .ordinal(let v):
            o += "\"kind\": \"ordinal\", \"values\": [" + v.map(number).joined(separator: ", ") + "]"
        case .categorical(let v):
            o += "\"kind\": \"categorical\", \"values\": [" + v.map { jsonQuote($0.shortDescription) }.joined(separator: ", ") + "]"
        case .fixed(let v):
            o += "\"kind\": \"fixed\", \"values\": [\(jsonQuote(v.shortDescription))]"
        }
        return o + "}"
    }

    /// One object per trial: number, group (feasible, infeasible, filtered, failed, pruned,
    /// running), violation, generation, params, metrics and, for a failure, its reason.
    static func trials(_ report: StudyReport) -> [String] {
        var group = [String](repeating: "running", count: report.trials.count)
        for i in report.feasible { group[i] = "feasible" }
        for i in report.infeasible { group[i] = "infeasible" }
        for i in report.filteredOut { group[i] = "filtered" }
        for i in report.failed { group[i] = "failed" }
        for i in report.pruned { group[i] = "pruned" }
        return report.trials.enumerated().map { i, t in
            var o = "{\"number\": \(t.number), \"group\": \"\(group[i])\", \"violation\": \(number(t.violation)), \"generation\": \(t.generation), "
            o += "\"params\": [" + t.configuration.values.map(number).joined(separator: ", ") + "], "
            o += "\"metrics\": [" + t.metrics.map(number).joined(separator: ", ") + "]"
            if let f = t.failure { o += ", \"failure\": \(jsonQuote(f))" }
            return o + "}"
        }
    }

    /// The final hypervolume, its reference point in each objective's own direction,
    /// `[trial, value]` for the trials that changed the front (`StudyReport.hypervolumeTimeline`),
    /// how many did, and whether the values are exact.
    static func hypervolume(_ report: StudyReport) -> String {
        guard let hv = report.hypervolume else { return "null" }
        let reference = zip(report.model.objectives, hv.reference).map { o, r in number(o.goal == .maximize ? -r : r) }
        let timeline = report.hypervolumeTimeline
        let history = timeline.entries.map { "[\($0.trial), \(number($0.value))]" }
        return "{\"value\": \(number(hv.value)), \"reference\": [" + reference.joined(separator: ", ") + "], \"history\": [" + history.joined(separator: ", ") + "], "
            + "\"changes\": \(timeline.frontChanges), \"exact\": \(timeline.exact)}"
    }

    /// `{"metrics": [...], "left_out": N, "trials": [{"trial": n, "reports": [[step, v...]]}]}`:
    /// each report's step (its `step` key, else its position from 1) and the metrics in order.
    static func curvesJSON(_ report: StudyReport, _ curves: [IntermediateReports.Curve]) -> String {
        let withReports = curves.filter { !$0.reports.isEmpty }
        let onFront = Set(report.front.map { report.trials[$0].number })
        let chosen = withReports.filter { onFront.contains($0.trial) } + withReports.filter { !onFront.contains($0.trial) }.reversed()
        let kept = Set(chosen.prefix(maximumCurves).map(\.trial))
        let shown = withReports.filter { kept.contains($0.trial) }
        let keys = Set(shown.flatMap { $0.reports.flatMap(\.keys) }).subtracting(["step"]).sorted()
        let rows = shown.map { c -> String in
            let reports = c.reports.enumerated().map { k, r in
                "[" + ([r["step"] ?? Double(k + 1)] + keys.map { r[$0] ?? .nan }).map(number).joined(separator: ", ") + "]"
            }
            return "{\"trial\": \(c.trial), \"reports\": [" + reports.joined(separator: ", ") + "]}"
        }
        return "{\"metrics\": [" + keys.map(jsonQuote).joined(separator: ", ") + "], \"left_out\": \(withReports.count - shown.count), \"trials\": [\n"
            + rows.joined(separator: ",\n") + "]}"
    }

    /// Importance shares per objective, when the report has them.
    static func importance(_ report: StudyReport) -> String {
        "[" + report.importance.map { imp in
            "{\"objective\": \(jsonQuote(imp.objective)), \"shares\": ["
                + imp.shares.map { "{\"parameter\": \(jsonQuote($0.parameter)), \"share\": \(number($0.share))}" }.joined(separator: ", ") + "]}"
        }.joined(separator: ", ") + "]"
    }
}
