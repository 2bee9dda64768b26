import Hyperfront
import Pareto

/// The comparison as one self-contained HTML page: the indicator and coverage tables and,
/// for each pair of objectives, the fronts overlaid (one colour per set) with the
/// attainment surfaces (best solid, median dashed, worst dotted) of sets with several runs.
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
        body += "<h2>Fronts overlaid</h2>\n<p class=\"legend note\">"
        for (k, _) in c.sides.enumerated() {
            body += "<span><span class=\"swatch\" style=\"background:\(ScatterPlot.palette[k % ScatterPlot.palette.count])\"></span>\(escapeHTML(c.sides[k].name))</span>"
        }
        if c.surfaces.contains(where: { !$0.isEmpty }) { body += "<span>attainment surfaces: best solid, median dashed, worst dotted</span>" }
        body += "</p>\n<div class=\"plots\">\n"
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
                        series.append(.init(name: "\(s.name) \(sf.name) attainment", style: .surface(k, dash: dash), points: [], steps: steps))
                    }
                }
            }
            let plot = ScatterPlot(xTitle: oa.metric, yTitle: ob.metric, xUnit: MetricUnit(metric: oa.metric), yUnit: MetricUnit(metric: ob.metric), series: series)
            body += "<figure>\n" + plot.svg() + "<figcaption>\(escapeHTML(ob.metric)) against \(escapeHTML(oa.metric))</figcaption>\n</figure>\n"
        }
        body += "</div>\n"
        return HTMLPage.wrap(title: "Hyperfront: front comparison", body: body, details: "{}")
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
