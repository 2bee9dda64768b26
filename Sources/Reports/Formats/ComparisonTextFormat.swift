import Hyperfront

/// The comparison as a terminal table or Markdown: indicators per side (median and
/// interquartile range with several runs), the coverage matrix, and where each side holds
/// the union front.
public enum ComparisonTextFormat {
    public static func table(_ c: FrontComparison) -> String {
        var out = header(c).joined(separator: "\n") + "\n\n"
        for w in c.warnings { out += "Warning: " + w + "\n" }
        out += "Verdict:\n" + c.verdicts.map { "  " + $0.sentence + "\n" }.joined() + "\n"
        out += "Best value of each objective (own units; median over runs):\n"
        out += TableFormat.layout(bestRows(c), numeric: [false] + c.sides.map { _ in true } + [true]) + "\n"
        out += TableFormat.layout(indicatorRows(c), numeric: indicatorNumeric(c)) + "\n"
        out += "Coverage C(row, column): share of the column's points weakly dominated by the row's\n"
        out += TableFormat.layout(coverageRows(c), numeric: [false] + c.sides.map { _ in true }) + "\n"
        out += "Where each holds the union front (\(c.unionFront.count) points):\n"
        for line in territoryLines(c) { out += "  " + line + "\n" }
        return out
    }

    public static func markdown(_ c: FrontComparison) -> String {
        var out = "## Front comparison\n\n" + header(c).map { "- " + MarkdownFormat.escape($0) + "\n" }.joined() + "\n"
        for w in c.warnings { out += "> **Warning:** " + MarkdownFormat.escape(w) + "\n>\n" }
        if !c.warnings.isEmpty { out.removeLast(2); out += "\n" }
        out += "### Verdict\n\n" + c.verdicts.map { "- " + MarkdownFormat.escape($0.sentence) + "\n" }.joined() + "\n"
        out += "Best value of each objective (own units; median over runs):\n\n"
        out += md(bestRows(c), numeric: [false] + c.sides.map { _ in true } + [true]) + "\n"
        out += md(indicatorRows(c), numeric: indicatorNumeric(c)) + "\n"
        out += "Coverage C(row, column): share of the column's points weakly dominated by the row's.\n\n"
        out += md(coverageRows(c), numeric: [false] + c.sides.map { _ in true }) + "\n"
        out += "Where each holds the union front (\(c.unionFront.count) points):\n\n"
        for line in territoryLines(c) { out += "- " + MarkdownFormat.escape(line) + "\n" }
        return out
    }

    static func md(_ rows: [[String]], numeric: [Bool]) -> String {
        guard let h = rows.first else { return "" }
        var o = "| " + h.map(MarkdownFormat.escape).joined(separator: " | ") + " |\n"
        o += "|" + numeric.map { $0 ? "---:|" : "---|" }.joined() + "\n"
        for r in rows.dropFirst() { o += "| " + r.map(MarkdownFormat.escape).joined(separator: " | ") + " |\n" }
        return o
    }

    static func header(_ c: FrontComparison) -> [String] {
        var out = ["Objectives: " + c.objectives.map { "\($0.metric) (\($0.goal == .minimize ? "min" : "max"))" }.joined(separator: ", ")]
        for s in c.sides where s.runs.count > 1 || s.runs.first?.name != s.name {
            out.append("\(s.name): " + (s.runs.count > 1 ? "\(s.runs.count) runs: " : "") + s.runs.map(\.name).joined(separator: ", "))
        }
        out.append("Normalisation: each minimised objective shifted by its minimum over every input and divided by its range there, "
                   + "or by 5 % of its magnitude when the range is smaller (so a negligible difference stays negligible); "
                   + "hypervolume reference point 1.1 in each; IGD, IGD+ and additive epsilon against the union front; "
                   + "medians closer than 1 % (of the reference box for hypervolume, of the range for the others) tie")
        return out
    }

    /// "A", "B", … then "S27", … (the JSON's stable set labels).
    static func label(_ k: Int) -> String {
        k < 26 ? String(UnicodeScalar(UInt8(65 + k))) : "S\(k + 1)"
    }

    /// Each objective's best value per side and the difference of the first two sides, in
    /// the objective's own units.
    static func bestRows(_ c: FrontComparison) -> [[String]] {
        let best = c.bestValues
        var rows = [["objective"] + c.sides.map(\.name) + ["\(c.sides[1].name) − \(c.sides[0].name)"]]
        for (k, o) in c.objectives.enumerated() {
            let u = MetricUnit(metric: o.metric)
            let d = best[1][k] - best[0][k]
            rows.append(["\(o.metric) (\(o.goal == .minimize ? "min" : "max"))"] + best.map { u.format($0[k]) } + [(d > 0 ? "+" : "") + u.format(d)])
        }
        return rows
    }

    static func indicatorNumeric(_ c: FrontComparison) -> [Bool] { [false, true, true, true, true, true, true] }

    static func indicatorRows(_ c: FrontComparison) -> [[String]] {
        let several = c.sides.contains { $0.runs.count > 1 }
        var rows = [["set", "runs", "points", "hypervolume ↑", "IGD+ ↓", "eps+ ↓", "IGD ↓"]]
        if several { rows[0][2] = "points (median)" }
        for (k, s) in c.sides.enumerated() {
            func cell(_ kp: KeyPath<FrontComparison.Indicators, Double>) -> String {
                let sp = c.spread(side: k, kp)
                return s.runs.count > 1 ? "\(f(sp.median)) [\(f(sp.lowerQuartile)), \(f(sp.upperQuartile))]" : f(sp.median)
            }
            let size = FrontComparison.Spread(c.indicators[k].map { Double($0.size) }).median
            rows.append([s.name, String(s.runs.count), TableFormat.fmt(size), cell(\.hypervolume), cell(\.igdPlus), cell(\.epsilonAdditive), cell(\.igd)])
        }
        return rows
    }

    static func coverageRows(_ c: FrontComparison) -> [[String]] {
        var rows = [["C(row, col)"] + c.sides.map(\.name)]
        for a in c.sides.indices {
            rows.append([c.sides[a].name] + c.sides.indices.map { b in a == b ? "-" : f(c.coverage[a][b]) })
        }
        return rows
    }

    static func territoryLines(_ c: FrontComparison) -> [String] {
        c.territory.enumerated().map { k, t in
            if t.points == 0 { return "\(c.sides[k].name): none of it" }
            let ranges = zip(c.objectives, t.ranges).map { o, r in
                let u = MetricUnit(metric: o.metric)
                return r.lower == r.upper ? "\(o.metric) \(u.format(r.lower))" : "\(o.metric) \(u.format(r.lower))–\(u.format(r.upper))"
            }
            return "\(c.sides[k].name): \(t.points) of \(c.unionFront.count) points, where " + ranges.joined(separator: ", ")
        }
    }

    /// Four significant digits.
    static func f(_ v: Double) -> String {
        guard v.isFinite else { return "-" }
        return significant(v, 4)
    }
}
