import Hyperfront

/// The sizing plan as a terminal table, Markdown or JSON.
public enum SizingFormat {
    /// Loss against `reference` in the objective's direction (positive = worse).
    static func loss(_ plan: SizingPlan, _ value: Double?, _ reference: Double?) -> Double? {
        guard let value, let reference else { return nil }
        return plan.objective.goal == .maximize ? reference - value : value - reference
    }

    static func headline(_ plan: SizingPlan) -> [String] {
        let o = plan.objective
        var out = ["Sizing study \(plan.report.info.name): \(o.goal.rawValue) \(o.metric) over \(plan.candidateCount) complete, feasible trials; "
                   + "at most \(plan.maxModels) distinct configuration\(plan.maxModels == 1 ? "" : "s") (\(plan.modelsUsed) used)"]
        if let b = plan.studyBest {
            out.append("Study best \(o.metric): \(MetricUnit(metric: o.metric).format(b.value)) (trial \(b.trial))")
        }
        return out
    }

    /// The two loss columns, in words.
    static func columnNotes(_ plan: SizingPlan) -> String {
        let o = plan.objective, worse = o.goal == .maximize ? "below" : "above"
        let k = plan.maxModels
        return "'short of best fitting': how far the chosen trial's \(o.metric) is \(worse) the best trial that meets the target's budgets, "
            + "the price of deploying at most \(k) configuration\(k == 1 ? "" : "s"); 'short of study best': how far it is \(worse) the study's best, "
            + "the price of the target's budgets"
    }

    /// The chosen configurations: trial, the targets that run it, each searched parameter.
    static func configurationRows(_ plan: SizingPlan) -> (header: [String], numeric: [Bool], rows: [[String]])? {
        let r = plan.report, space = r.model.space
        var chosen: [Int] = []
        for c in plan.choices { if let i = c.trial, !chosen.contains(i) { chosen.append(i) } }
        guard !chosen.isEmpty else { return nil }
        let params = space.parameters.indices.filter { if case .fixed = space[$0].domain { return false } else { return true } }
        let header = ["trial", "used by"] + params.map { space[$0].name }
        let numeric = [true, false] + params.map { space[$0].domain.isNumeric }
        let rows = chosen.map { i -> [String] in
            let t = r.trials[i]
            let users = plan.choices.filter { $0.trial == i }.map(\.target.name).joined(separator: ", ")
            return [String(t.number), users] + params.map { p in
                let x = p < t.configuration.count ? t.configuration[p] : .nan
                return x.isNaN ? "-" : space[p].domain.decode(x).shortDescription
            }
        }
        return (header, numeric, rows)
    }

    static func budgetMetrics(_ plan: SizingPlan) -> [String] {
        plan.choices.flatMap { $0.target.budgets.map(\.metric) }.reduce(into: [String]()) { if !$0.contains($1) && $1 != plan.objective.metric { $0.append($1) } }
    }

    static func rows(_ plan: SizingPlan) -> (header: [String], numeric: [Bool], rows: [[String]]) {
        let o = plan.objective, unit = MetricUnit(metric: o.metric)
        let metrics = budgetMetrics(plan)
        let header = ["target", "weight", "budgets", "trial", o.metric] + metrics + ["short of best fitting", "short of study best"]
        let numeric = [false, true, false, true, true] + metrics.map { _ in true } + [true, true]
        let rows = plan.choices.map { c -> [String] in
            let budgets = c.target.budgets.map { "\($0.metric) \($0.kind == .atMost ? "≤" : "≥") \(MetricUnit(metric: $0.metric).format($0.bound))" }.joined(separator: ", ")
            var r = [c.target.name, TableFormat.fmt(c.weight), budgets]
            if let i = c.trial {
                r.append(String(plan.report.trials[i].number))
                r.append(c.value.map(unit.format) ?? "-")
                for m in metrics { r.append(plan.report.metric(m, of: i).map(MetricUnit(metric: m).format) ?? "-") }
                r.append(loss(plan, c.value, c.bestFittingValue).map(unit.format) ?? "-")
                r.append(loss(plan, c.value, plan.studyBest?.value).map(unit.format) ?? "-")
            } else {
                r += ["-", "-"] + metrics.map { _ in "-" } + ["-", "-"]
            }
            return r
        }
        return (header, numeric, rows)
    }

    static func notes(_ plan: SizingPlan) -> [String] {
        plan.choices.compactMap { c in c.reason.map { "\(c.target.name): \($0)" } }
    }

    public static func table(_ plan: SizingPlan) -> String {
        var out = headline(plan).joined(separator: "\n") + "\n\n"
        let t = rows(plan)
        out += TableFormat.layout([t.header] + t.rows, numeric: t.numeric)
        let n = notes(plan)
        if !n.isEmpty { out += "\n" + n.joined(separator: "\n") + "\n" }
        out += "\n" + columnNotes(plan) + "\n"
        if let c = configurationRows(plan) {
            out += "\nChosen configurations:\n" + TableFormat.layout([c.header] + c.rows, numeric: c.numeric)
        }
        return out
    }

    public static func markdown(_ plan: SizingPlan) -> String {
        var out = "## Deployment sizing\n\n" + headline(plan).map { "- " + MarkdownFormat.escape($0) + "\n" }.joined() + "\n"
        let t = rows(plan)
        out += ComparisonTextFormat.md([t.header] + t.rows, numeric: t.numeric)
        let n = notes(plan)
        if !n.isEmpty { out += "\n" + n.map { "- " + MarkdownFormat.escape($0) + "\n" }.joined() }
        out += "\n" + MarkdownFormat.escape(columnNotes(plan)) + ".\n"
        if let c = configurationRows(plan) {
            out += "\n### Chosen configurations\n\n" + ComparisonTextFormat.md([c.header] + c.rows, numeric: c.numeric)
        }
        return out
    }

    /// JSON, schema 1: `{"schema": 1, "study", "objective": {"metric", "goal"}, "max_models",
    /// "models_used", "candidates", "study_best": {"trial", "value"}|null, "targets": [{"name",
    /// "weight", "budgets": [{"metric", "max"|"min"}], "trial"|null, "value"|null,
    /// "best_fitting_trial"|null, "best_fitting_value"|null, "gives_up_model_limit"|null,
    /// "gives_up_budgets"|null, "metrics": {name: value}, "params": {name: value}|null,
    /// "reason"|null}]}`. `gives_up_model_limit` is the loss against the best trial that fits
    /// the target alone, `gives_up_budgets` against the study's best (positive = worse);
    /// `params` the chosen trial's active parameters, decoded.
    public static func json(_ plan: SizingPlan) -> String {
        func n(_ v: Double?) -> String { v.map { $0.isFinite ? formatNumber($0) : "null" } ?? "null" }
        let r = plan.report
        var o = "{\n  \"schema\": 1,\n  \"study\": \(jsonQuote(r.info.name)),\n"
        o += "  \"objective\": {\"metric\": \(jsonQuote(plan.objective.metric)), \"goal\": \"\(plan.objective.goal.rawValue)\"},\n"
        o += "  \"max_models\": \(plan.maxModels),\n  \"models_used\": \(plan.modelsUsed),\n  \"candidates\": \(plan.candidateCount),\n"
        o += "  \"study_best\": \(plan.studyBest.map { "{\"trial\": \($0.trial), \"value\": \(n($0.value))}" } ?? "null"),\n"
        o += "  \"targets\": [\n" + plan.choices.map { c -> String in
            let budgets = c.target.budgets.map { "{\"metric\": \(jsonQuote($0.metric)), \"\($0.kind.rawValue)\": \(n($0.bound))}" }.joined(separator: ", ")
            var metrics: [String] = []
            if let i = c.trial {
                for (k, name) in r.metricNames.enumerated() where k < r.trials[i].metrics.count && !r.trials[i].metrics[k].isNaN {
                    metrics.append("\(jsonQuote(name)): \(n(r.trials[i].metrics[k]))")
                }
            }
            return "    {\"name\": \(jsonQuote(c.target.name)), \"weight\": \(n(c.weight)), \"budgets\": [\(budgets)], "
                + "\"trial\": \(c.trial.map { String(r.trials[$0].number) } ?? "null"), \"value\": \(n(c.value)), "
                + "\"best_fitting_trial\": \(c.bestFitting.map { String(r.trials[$0].number) } ?? "null"), \"best_fitting_value\": \(n(c.bestFittingValue)), "
                + "\"gives_up_model_limit\": \(n(loss(plan, c.value, c.bestFittingValue))), \"gives_up_budgets\": \(n(loss(plan, c.value, plan.studyBest?.value))), "
                + "\"metrics\": {\(metrics.joined(separator: ", "))}, \"params\": \(c.trial.map { r.model.space.json(r.trials[$0].configuration) } ?? "null"), \"reason\": \(c.reason.map(jsonQuote) ?? "null")}"
        }.joined(separator: ",\n") + "\n  ]\n}\n"
        return o
    }
}
