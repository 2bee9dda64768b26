import Foundation
import Hyperfront

/// One self-contained HTML page (inline SVG, CSS and a small script; no network): the summary,
/// a scatter plot for each pair of objectives (front highlighted, dominated points faint,
/// infeasible ones crossed, the knee labelled, axes in the metrics' units), the hypervolume
/// over trials, parallel coordinates of the front's key parameters and objectives, and the
/// front table; hovering links rows and points, clicking shows a trial's details.
public enum HTMLFormat {
    public static func render(_ report: StudyReport, all: Bool) -> String {
        let sc = report.model
        var body = "<h1>Study \(escapeHTML(report.info.name))</h1>\n<ul class=\"summary\">\n"
        for line in report.summaryLines { body += "<li>\(escapeHTML(line))</li>\n" }
        body += "</ul>\n"
        if let why = report.emptyFrontExplanation {
            body += "<p class=\"empty\">\(escapeHTML(why))</p>\n"
        }
        if !report.front.isEmpty || !report.infeasible.isEmpty {
            body += "<h2>Objectives, pair by pair</h2>\n"
            body += "<p class=\"legend note\"><span><span class=\"swatch\" style=\"background:#1f6feb\"></span>front</span>"
                + "<span><span class=\"swatch\" style=\"background:#8c959f\"></span>dominated</span>"
                + "<span style=\"color:#d1242f\">× infeasible</span></p>\n<div class=\"plots\">\n"
            for (a, b) in pairs(sc.objectives.count) { body += "<figure>\n" + scatter(report, a, b) + "</figure>\n" }
            body += "</div>\n"
        }
        let history = report.hypervolumeHistory
        if !history.isEmpty {
            body += "<h2>Hypervolume over trials</h2>\n<figure>\n"
            body += LinePlot(xTitle: "trial", yTitle: "hypervolume", points: history.map { (Double($0.trial), $0.value) },
                             xEnd: Double(report.trials.map(\.number).max() ?? 0)).svg()
            body += "<figcaption>front hypervolume after each trial that changed the front (reference point of the summary)</figcaption>\n</figure>\n"
        }
        if report.front.count > 1 {
            body += "<h2>Parameters of the front</h2>\n<figure>\n" + parallel(report).svg()
            body += "<figcaption>one line per front configuration; the knee in orange</figcaption>\n</figure>\n"
        }
        if !report.front.isEmpty || all {
            body += "<h2>\(all ? "Every trial" : "The front")</h2>\n<p class=\"note\">Hover a row to find it in the plots; click for every parameter and metric.</p>\n"
            body += table(report, all: all)
        }
        return HTMLPage.wrap(title: "Hyperfront: \(report.info.name)", body: body, details: details(report, all: all))
    }

    static func pairs(_ m: Int) -> [(Int, Int)] {
        if m < 2 { return m == 1 ? [(0, 0)] : [] }
        var out: [(Int, Int)] = []
        for a in 0..<m { for b in (a + 1)..<m { out.append((a, b)) } }
        return out
    }

    static func scatter(_ report: StudyReport, _ a: Int, _ b: Int) -> String {
        let sc = report.model
        let oa = sc.objectives[a], ob = sc.objectives[b]
        func point(_ i: Int) -> (x: Double, y: Double, trial: Int?)? {
            guard let x = report.metric(oa.metric, of: i), let y = report.metric(ob.metric, of: i) else { return nil }
            return (x, y, nil)
        }
        let onFront = Set(report.front)
        let dominated = report.feasible.filter { !onFront.contains($0) }.compactMap(point)
        let infeasible = report.infeasible.compactMap(point)
        let front = report.front.compactMap { i in point(i).map { ($0.x, $0.y, Optional(report.trials[i].number)) } }
        // A staircase only joins a true 2-D front; projections of a higher-dimensional front are not one.
        let steps = a == b || sc.objectives.count != 2 ? [] : ScatterPlot.staircase(front.map { (oa.minimized($0.0), ob.minimized($0.1)) },
                                                       flipX: oa.goal == .maximize, flipY: ob.goal == .maximize)
        var labels: [(x: Double, y: Double, text: String)] = []
        if let k = report.knee, let p = point(k) { labels.append((p.x, p.y, "knee (trial \(report.trials[k].number))")) }
        let plot = ScatterPlot(xTitle: oa.metric, yTitle: ob.metric, xUnit: MetricUnit(metric: oa.metric), yUnit: MetricUnit(metric: ob.metric),
                               series: [.init(name: "dominated", style: .dominated, points: dominated),
                                        .init(name: "infeasible", style: .infeasible, points: infeasible),
                                        .init(name: "front", style: .front, points: front, steps: steps)],
                               labels: labels)
        return plot.svg() + "<figcaption>\(escapeHTML(ob.metric)) (\(ob.goal.rawValue)) against \(escapeHTML(oa.metric)) (\(oa.goal.rawValue))</figcaption>\n"
    }

    static func parallel(_ report: StudyReport) -> ParallelCoordinates {
        let sc = report.model
        var columns: [ParallelCoordinates.Column] = []
        for p in report.keyParameters {
            let param = sc.space[p]
            let xs = report.front.map { i -> Double in let c = report.trials[i].configuration; return p < c.count ? c[p] : .nan }
            let lo: Double, hi: Double, lowLabel: String, highLabel: String
            switch param.domain {
            case .float(let l, let h, _, _): (lo, hi) = (l, h)
            case .int(let l, let h, _, _): (lo, hi) = (Double(l), Double(h))
            case .ordinal(let v): (lo, hi) = (0, Double(max(v.count - 1, 1)))
            case .categorical(let v): (lo, hi) = (0, Double(max(v.count - 1, 1)))
            case .fixed: (lo, hi) = (0, 1)
            }
            lowLabel = param.domain.decode(lo).shortDescription
            highLabel = param.domain.decode(hi).shortDescription
            var logScale = false
            if case .float(_, _, true, _) = param.domain, lo > 0 { logScale = true }
            let scaled: [Double?] = xs.map { x in
                if x.isNaN { return nil }
                if hi <= lo { return 0.5 }
                return logScale ? (log(x) - log(lo)) / (log(hi) - log(lo)) : (x - lo) / (hi - lo)
            }
            columns.append(.init(title: param.name, scaled: scaled, lowLabel: lowLabel, highLabel: highLabel))
        }
        for o in sc.objectives {
            let unit = MetricUnit(metric: o.metric)
            let vs = report.front.map { report.metric(o.metric, of: $0) }
            let finite = vs.compactMap { $0 }
            let lo = finite.min() ?? 0, hi = finite.max() ?? 1
            columns.append(.init(title: o.metric, scaled: vs.map { v in v.map { hi > lo ? ($0 - lo) / (hi - lo) : 0.5 } },
                                 lowLabel: unit.format(lo), highLabel: unit.format(hi)))
        }
        return ParallelCoordinates(columns: columns, trials: report.front.map { report.trials[$0].number },
                                   highlighted: report.knee.map { report.trials[$0].number })
    }

    static func table(_ report: StudyReport, all: Bool) -> String {
        let t = FrontTable(report, all: all)
        var o = "<table>\n<thead><tr>" + t.columns.map { "<th\($0.numeric ? " class=\"num\"" : "")>\(escapeHTML($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, row) in t.rows.enumerated() {
            o += "<tr data-trial=\"\(report.trials[t.trialIndices[r]].number)\">"
            o += row.enumerated().map { k, c in "<td\(t.columns[k].numeric ? " class=\"num\"" : "")>\(escapeHTML(c))</td>" }.joined()
            o += "</tr>\n"
        }
        return o + "</tbody>\n</table>\n"
    }

    /// `{trial: {"notes": [...], "values": {name: text}}}` for the rows shown.
    static func details(_ report: StudyReport, all: Bool) -> String {
        let sc = report.model
        let notes = report.notes
        let rows = all ? Array(report.trials.indices) : report.front
        let entries = rows.map { i -> String in
            let t = report.trials[i]
            var values: [String] = []
            for (name, value) in sc.space.decode(t.configuration) { values.append("\(jsonQuote(name)): \(jsonQuote(value.shortDescription))") }
            for (k, name) in report.metricNames.enumerated() where k < t.metrics.count && !t.metrics[k].isNaN {
                values.append("\(jsonQuote(name)): \(jsonQuote(MetricUnit(metric: name).format(t.metrics[k])))")
            }
            values.append("\"state\": \(jsonQuote(t.state.rawValue))")
            return "\(jsonQuote(String(t.number))): {\"notes\": [" + (notes[i] ?? []).map(jsonQuote).joined(separator: ", ") + "], \"values\": {" + values.joined(separator: ", ") + "}}"
        }
        return "{" + entries.joined(separator: ",\n") + "}"
    }
}
