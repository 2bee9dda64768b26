import Foundation
import Hyperfront

/// The terminal table: the feasible front sorted by the first objective, with summary lines.
public enum TableFormat {
    /// Parameters shown as columns at most; wider spaces show the ones that vary most on the front.
    public static let maximumParameterColumns = 8

    public static func render(_ report: StudyReport, all: Bool) -> String {
        let sc = report.scenario
        var out = "Study \(report.info.name): \(report.trials.count) trials (\(report.trials.count - report.failed.count - report.running.count) complete, \(report.failed.count) failed, \(report.infeasible.count) infeasible"
        out += report.running.isEmpty ? ")\n" : ", \(report.running.count) running)\n"
        out += "Objectives: " + sc.objectives.map { "\($0.metric) (\($0.goal == .minimize ? "min" : "max"))" }.joined(separator: ", ") + "\n"
        if !sc.constraints.isEmpty { out += "Constraints: " + sc.constraints.map(\.description).joined(separator: ", ") + "\n" }
        if let why = report.emptyFrontExplanation {
            out += "\n" + why + "\n"
            return out
        }
        if let hv = report.hypervolume {
            out += "Front: \(report.front.count) configurations; hypervolume \(fmt(hv.value)) (reference point \(hv.reference.map(fmt).joined(separator: ", ")), minimised objectives)\n"
        }
        out += "\n"
        let rows = all ? Array(report.trials.indices) : report.front
        let params = shownParameters(report)
        let metricCols = (sc.objectives.map(\.metric) + sc.constraints.map(\.metric)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let best = Set(report.bestPerObjective)
        var header = ["trial"] + metricCols + params.map { sc.space[$0].name }
        if all { header += ["state"] }
        header += ["note"]
        var table: [[String]] = [header]
        let onFront = Set(report.front)
        for i in rows {
            let t = report.trials[i]
            var r = [String(t.number)]
            for m in metricCols { r.append(report.metric(m, of: i).map(fmt) ?? "-") }
            for p in params { r.append(t.configuration[p].isNaN ? "-" : sc.space[p].domain.decode(t.configuration[p]).shortDescription) }
            if all { r.append(t.state.rawValue + (t.state == .complete && t.violation > 0 ? " (infeasible)" : "")) }
            var notes: [String] = []
            if best.contains(i) {
                let ks = sc.objectives.indices.filter { report.bestPerObjective[$0] == i }
                notes.append("best " + ks.map { sc.objectives[$0].metric }.joined(separator: ", "))
            }
            if all && onFront.contains(i) { notes.append("front") }
            r.append(notes.joined(separator: "; "))
            table.append(r)
        }
        out += layout(table)
        if params.count < sc.space.count {
            out += "(\(sc.space.count - params.count) more parameters: see --format csv or json)\n"
        }
        return out
    }

    /// The parameters to show: all when few; otherwise those that vary on the front.
    static func shownParameters(_ report: StudyReport) -> [Int] {
        let space = report.scenario.space
        let searched = space.parameters.indices.filter { if case .fixed = space[$0].domain { return false } else { return true } }
        if searched.count <= maximumParameterColumns { return searched }
        return []
    }

    static func layout(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = first.map(\.count)
        for r in rows { for (k, c) in r.enumerated() { widths[k] = max(widths[k], c.count) } }
        var out = ""
        for (n, r) in rows.enumerated() {
            out += r.enumerated().map { k, c in
                let pad = String(repeating: " ", count: widths[k] - c.count)
                return k == r.count - 1 ? c : (k == 0 || Double(c) == nil ? c + pad : pad + c)
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    /// Six significant digits.
    public static func fmt(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return formatNumber(v) }
        let a = abs(v)
        if a >= 1e-3 && a < 1e6 {
            let digits = max(0, 5 - Int((a).log10Floor))
            return trimZeros(v.fixed(digits))
        }
        return "\(v)"
    }

    static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}

extension Value {
    var shortDescription: String {
        if case .double(let d) = self { return TableFormat.fmt(d) }
        return description
    }
}

extension Double {
    var log10Floor: Double { self > 0 ? (log10(self)).rounded(.down) : 0 }
    func fixed(_ digits: Int) -> String {
        let p = pow(10.0, Double(digits))
        let r = (self * p).rounded() / p
        var s = "\(r)"
        if s.contains("e") { return s }
        if let dot = s.firstIndex(of: ".") {
            let frac = s.distance(from: dot, to: s.endIndex) - 1
            if frac < digits { s += String(repeating: "0", count: digits - frac) }
        }
        return s
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
