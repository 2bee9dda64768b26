import Hyperfront
import Pareto

/// The comparison as one self-contained HTML page: the indicator and coverage tables and,
/// for each pair of objectives, a full-width plot of the fronts overlaid (one colour and one
/// marker shape per side, named in a legend) with the attainment surfaces (best solid, median
/// dashed, worst dotted) of sides with several runs; each side and each surface can be hidden,
/// and hovering one names it and fades the others (`CompareScript`).
public enum ComparisonHTMLFormat {
    public static func render(_ c: FrontComparison) -> String {
        var body = "<h1>Front comparison</h1>\n<ul class=\"summary\">\n"
        for line in ComparisonTextFormat.header(c) { body += "<li>\(escapeHTML(line))</li>\n" }
        body += "</ul>\n"
        for w in c.warnings { body += "<p class=\"warning\"><strong>Warning:</strong> \(escapeHTML(w))</p>\n" }
        body += "<h2>Verdict</h2>\n<ul class=\"verdict\">\n" + c.verdicts.map { "<li>\(escapeHTML($0.sentence))</li>\n" }.joined() + "</ul>\n"
        body += "<h2>Best value of each objective</h2>\n<p class=\"note\">In each objective's own units; median over runs.</p>\n" + table(ComparisonTextFormat.bestRows(c))
        body += "<h2>Indicators</h2>\n" + table(ComparisonTextFormat.indicatorRows(c))
        body += "<h2>Coverage</h2>\n<p class=\"note\">C(row, column): share of the column's points weakly dominated by the row's.</p>\n"
        body += table(ComparisonTextFormat.coverageRows(c))
        body += "<h2>Where each holds the union front</h2>\n<ul>\n" + ComparisonTextFormat.territoryLines(c).map { "<li>\(escapeHTML($0))</li>\n" }.joined() + "</ul>\n"
        body += "<h2>Fronts overlaid</h2>\n" + sidePanel(c) + "<div class=\"plots wide\">\n"
        let m = c.objectives.count
        let pairs: [(Int, Int)] = m < 2 ? [(0, 0)] : (0..<m).flatMap { a in ((a + 1)..<m).map { (a, $0) } }
        for (a, b) in pairs {
            let oa = c.objectives[a], ob = c.objectives[b]
            var series: [ScatterPlot.Series] = []
            for (k, s) in c.sides.enumerated() {
                let pts = s.runs.flatMap { $0.points }
                let surfaces = c.surfaces[k].filter { $0.objectives == (a, b) }
                if surfaces.isEmpty {
                    let steps = a == b ? [] : ScatterPlot.staircase(NondominatedSorting.nondominatedIndices(PointSet(values: pts.flatMap { [oa.minimized($0[a]), ob.minimized($0[b])] }, dimension: 2))
                        .map { (oa.minimized(pts[$0][a]), ob.minimized(pts[$0][b])) }, flipX: oa.goal == .maximize, flipY: ob.goal == .maximize)
                    series.append(.init(name: s.name, style: .set(k), points: pts.map { ($0[a], $0[b], nil) }, steps: steps))
                } else {
                    series.append(.init(name: s.name, style: .set(k), points: pts.map { ($0[a], $0[b], nil) }))
                    for sf in surfaces {
                        let dash = sf.name == "best" ? 0 : sf.name == "median" ? 2 : 1
                        let steps = ScatterPlot.staircase(sf.points.map { (oa.minimized($0.0), ob.minimized($0.1)) }, flipX: oa.goal == .maximize, flipY: ob.goal == .maximize)
                        series.append(.init(name: "\(s.name) \(sf.name) attainment", style: .surface(k, dash: dash), points: [], steps: steps, surface: sf.name))
                    }
                }
            }
            let plot = ScatterPlot(xTitle: oa.metric, yTitle: ob.metric, xUnit: MetricUnit(metric: oa.metric), yUnit: MetricUnit(metric: ob.metric), series: series,
                                   width: 1100, height: 440)
            body += "<figure>\n" + plot.svg() + "<figcaption>\(escapeHTML(ob.metric)) against \(escapeHTML(oa.metric))</figcaption>\n</figure>\n"
        }
        body += "</div>\n"
        return HTMLPage.wrap(title: "Hyperfront: front comparison", body: body, details: "{}", script: CompareScript.source)
    }

    /// The legend above the plots: one box per side (its marker, colour and name) and one per
    /// attainment surface drawn (its dash), each showing or hiding it in every plot.
    static func sidePanel(_ c: FrontComparison) -> String {
        var o = "<div class=\"sides\" id=\"compare-sides\">\n"
        for (k, s) in c.sides.enumerated() {
            let key = "<svg class=\"key\" viewBox=\"0 0 12 12\" width=\"12\" height=\"12\" aria-hidden=\"true\"><g class=\"set set\(k % ScatterPlot.palette.count)\">"
                + ScatterPlot.marker(k, 6, 6, "") + "</g></svg>"
            o += "<label class=\"side\" data-side=\"\(k)\" data-name=\"\(escapeHTML(s.name))\"><input type=\"checkbox\" data-side=\"\(k)\" checked> \(key) \(escapeHTML(s.name))"
                + " <span class=\"note\">(\(s.runs.count) run\(s.runs.count == 1 ? "" : "s"))</span></label>\n"
        }
        let drawn = Set(c.surfaces.flatMap { $0.map(\.name) })
        let kinds = [("best", 0, "solid: attained by at least one run"), ("median", 2, "dashed: by at least half of the runs"), ("worst", 1, "dotted: by every run")]
            .filter { drawn.contains($0.0) }
        if !kinds.isEmpty {
            o += "<span class=\"surfaces\">attainment surfaces:"
            for (name, dash, words) in kinds {
                let pattern = dash > 0 ? " stroke-dasharray=\"\(dash * 3),\(dash * 2)\"" : ""
                o += " <label title=\"\(escapeHTML(words))\"><input type=\"checkbox\" data-surface=\"\(name)\" checked> "
                    + "<svg class=\"key\" width=\"28\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"28\" y2=\"5\" stroke=\"#59636e\" stroke-width=\"1.6\"\(pattern)/></svg> "
                    + "\(name) (\(escapeHTML(words)))</label>"
            }
            o += "</span>\n"
        }
        o += "</div>\n<p class=\"note\" id=\"compare-hover\">Untick a side or a surface to hide it in every plot; hover a line, a point or a name to name it and fade the other sides.</p>\n"
        return o
    }

    static func table(_ rows: [[String]]) -> String {
        guard let h = rows.first else { return "" }
        var o = "<table>\n<thead><tr>" + h.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for r in rows.dropFirst() {
            o += "<tr>" + r.enumerated().map { k, v in "<td\(k > 0 ? " class=\"num\"" : "")>\(escapeHTML(v))</td>" }.joined() + "</tr>\n"
        }
        return o + "</tbody>\n</table>\n"
    }
}
