import Hyperfront

/// JSON report, schema version 1 (stable; fields are only ever added):
///
/// ```
/// { "schema": 1, "study": name, "seed": n,
///   "objectives": [{"metric": m, "goal": "minimize"|"maximize"}],
///   "constraints": [{"metric": m, "max"|"min": bound}],
///   "summary": {"trials": n, "complete": n, "failed": n, "infeasible": n, "running": n,
///               "front_size": n, "hypervolume": x|null, "reference_point": [...]|null},
///   "empty_front_reason": text|null,
///   "knee": trial number|null, "best": {metric: trial number},
///   "key_parameters": [name],
///   "importance": [{"objective": m, "method": "PED-ANOVA", "trials": n, "top": k,
///                   "shares": [{"parameter": name, "share": x}]}],
///   "trials": [{"trial": n, "generation": g, "state": s, "on_front": bool,
///               "params": {name: value}, "metrics": {name: value}, "violation": x|null,
///               "failure": text|null, "slack": {metric: x}, "notes": [text]}] }
/// ```
/// `trials` holds the front (sorted by the first objective), or every trial with `--all`.
/// `summary.pruned` (trials the scheduler stopped early) is present when there are some;
/// `filters` ({"where": [text], "left_out": n}) when `--where` filters were given (or the
/// scenario's `report.where`); `tolerances` ({"given": [text], "left_out": n}: the Pareto-front
/// trials left out by ε-dominance) when tolerances were given.
/// Hypervolume is computed on minimised objectives (maximised ones negated).
public enum JSONFormat {
    public static func render(_ report: StudyReport, all: Bool) -> String {
        let sc = report.model
        var o = "{\n  \"schema\": 1,\n  \"study\": \(jsonQuote(report.info.name)),\n  \"seed\": \(report.info.seed),\n"
        o += "  \"objectives\": [" + sc.objectives.map { "{\"metric\": \(jsonQuote($0.metric)), \"goal\": \"\($0.goal.rawValue)\"}" }.joined(separator: ", ") + "],\n"
        o += "  \"constraints\": [" + sc.constraints.map { "{\"metric\": \(jsonQuote($0.metric)), \"\($0.kind.rawValue)\": \(num($0.bound))}" }.joined(separator: ", ") + "],\n"
        let hv = report.hypervolume
        o += "  \"summary\": {\"trials\": \(report.trials.count), \"complete\": \(report.trials.count - report.failed.count - report.running.count - report.pruned.count), "
        o += "\"failed\": \(report.failed.count), \"infeasible\": \(report.infeasible.count), \"running\": \(report.running.count), "
        if !report.pruned.isEmpty { o += "\"pruned\": \(report.pruned.count), " }
        o += "\"front_size\": \(report.front.count), \"hypervolume\": \(hv.map { num($0.value) } ?? "null"), "
        o += "\"reference_point\": \(hv.map { "[" + $0.reference.map(num).joined(separator: ", ") + "]" } ?? "null")},\n"
        o += "  \"empty_front_reason\": \(report.emptyFrontExplanation.map(jsonQuote) ?? "null"),\n"
        if !report.filters.isEmpty {
            o += "  \"filters\": {\"where\": [" + report.filters.map { jsonQuote($0.description) }.joined(separator: ", ") + "], \"left_out\": \(report.filteredOut.count)},\n"
        }
        if !report.tolerances.isEmpty {
            o += "  \"tolerances\": {\"given\": [" + report.tolerances.map { jsonQuote($0.description) }.joined(separator: ", ") + "], \"left_out\": \(report.droppedByTolerance.count)},\n"
        }
        o += "  \"knee\": \(report.knee.map { String(report.trials[$0].number) } ?? "null"),\n"
        let best = report.bestPerObjective
        o += "  \"best\": {" + best.enumerated().map { "\(jsonQuote(sc.objectives[$0.offset].metric)): \(report.trials[$0.element].number)" }.joined(separator: ", ") + "},\n"
        o += "  \"key_parameters\": [" + report.keyParameters.map { jsonQuote(sc.space[$0].name) }.joined(separator: ", ") + "],\n"
        let importance = report.importance
        o += "  \"importance\": [" + importance.map { imp in
            "\n    {\"objective\": \(jsonQuote(imp.objective)), \"method\": \"PED-ANOVA\", \"trials\": \(imp.trials), \"top\": \(imp.top), \"shares\": ["
                + imp.shares.map { "{\"parameter\": \(jsonQuote($0.parameter)), \"share\": \(num($0.share))}" }.joined(separator: ", ") + "]}"
        }.joined(separator: ",") + (importance.isEmpty ? "" : "\n  ") + "],\n"
        let notes = report.notes
        let onFront = Set(report.front)
        let rows = all ? Array(report.trials.indices) : report.front
        o += "  \"trials\": [\n"
        o += rows.map { i -> String in
            let t = report.trials[i]
            var metrics: [String] = []
            for (k, name) in report.metricNames.enumerated() where k < t.metrics.count && !t.metrics[k].isNaN {
                metrics.append("\(jsonQuote(name)): \(num(t.metrics[k]))")
            }
            return "    {\"trial\": \(t.number), \"generation\": \(t.generation), \"state\": \"\(t.state.rawValue)\", \"on_front\": \(onFront.contains(i)), "
                + "\"params\": \(sc.space.json(t.configuration)), \"metrics\": {\(metrics.joined(separator: ", "))}, "
                + "\"violation\": \(t.violation.isFinite ? num(t.violation) : "null"), \"failure\": \(t.failure.map(jsonQuote) ?? "null"), "
                + "\"slack\": {" + sc.constraints.compactMap { c in report.slack(c, of: i).map { "\(jsonQuote(c.metric)): \(num($0))" } }.joined(separator: ", ") + "}, "
                + "\"notes\": [" + (notes[i] ?? []).map(jsonQuote).joined(separator: ", ") + "]}"
        }.joined(separator: ",\n")
        o += "\n  ]\n}\n"
        return o
    }

    static func num(_ v: Double) -> String { v.isFinite ? formatNumber(v) : "null" }
}
