import Hyperfront

/// CSV: a header — `trial`, each parameter by name, each metric by name, then `state`,
/// `violation`, `generation` — and one row per trial. Inactive parameters and missing metrics
/// are empty cells. Numbers round-trip exactly.
public enum CSVFormat {
    public static func render(_ report: StudyReport, all: Bool) -> String {
        let space = report.model.space
        var out = (["trial"] + space.names + report.metricNames + ["state", "violation", "generation"]).map(cell).joined(separator: ",") + "\n"
        let rows = all ? Array(report.trials.indices) : report.front
        for i in rows {
            let t = report.trials[i]
            var fields: [String] = [String(t.number)]
            for p in space.parameters.indices {
                let x = p < t.configuration.count ? t.configuration[p] : .nan
                fields.append(x.isNaN ? "" : cell(space[p].domain.decode(x).description))
            }
            for k in report.metricNames.indices {
                let v = k < t.metrics.count ? t.metrics[k] : .nan
                fields.append(v.isNaN ? "" : formatNumber(v))
            }
            fields.append(t.state.rawValue)
            fields.append(t.violation.isNaN ? "" : (t.violation.isInfinite ? "inf" : formatNumber(t.violation)))
            fields.append(String(t.generation))
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    static func cell(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
