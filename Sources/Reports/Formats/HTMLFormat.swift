import Foundation
import Hyperfront

/// One self-contained, interactive HTML page (inline CSS, a small script of its own, the data
/// as one JSON object; no network, no library): the summary; a full-width scatter plot of any
/// two objectives, metrics or parameters, coloured by a third, with zoom and brush; filters by
/// objective, metric and parameter ranges that recompute the front of what they keep; parallel
/// coordinates of the key parameters and objectives; the hypervolume over trials as a share of
/// the best seen and each objective's best so far; learning curves from intermediate reports;
/// parameter importance when the report has it; the sortable front table.
public enum HTMLFormat {
    public static func render(_ report: StudyReport, all: Bool) -> String {
        render(report, all: all, curves: [])
    }

    /// The page, with `curves` (each trial's intermediate reports) drawn as learning curves.
    public static func render(_ report: StudyReport, all: Bool, curves: [IntermediateReports.Curve]) -> String {
        let data = PageData.json(report, all: all, curves: curves)
        let plotted = !report.feasible.isEmpty || !report.infeasible.isEmpty
        var body = "<header>\n<h1>Study \(escapeHTML(report.info.name))</h1>\n<ul class=\"summary\">\n"
        for line in report.summaryLines { body += "<li>\(escapeHTML(line))</li>\n" }
        body += "</ul>\n</header>\n"
        if let why = report.emptyFrontExplanation { body += "<p class=\"empty\">\(escapeHTML(why))</p>\n" }
        body += "<noscript><p class=\"empty\">This page draws its plots and tables with JavaScript; "
            + "'hyperfront report --format table' prints the same front as text.</p></noscript>\n"
        if plotted && !report.model.objectives.isEmpty {
            body += section("scatter", "Objectives",
                            "Choose the axes and a dimension to colour by. Drag to select a region: it becomes a filter on both axes and the front is "
                            + "recomputed on what remains. Scroll to zoom, double-click to reset the zoom; hover a point for its values, click it for all of them.")
            body += section("filters", "Filters", "Ranges in each metric's own unit; a choice is kept while its box is ticked.")
        }
        if plotted && report.keyParameters.count + report.model.objectives.count >= 2 {
            body += section("parallel", "Parameters and objectives",
                            "One line per trial the filters keep: the front in colour (the knee in orange), the others faint. "
                            + "An arrow marks which way an objective is better. Drag along an axis to filter it; click an axis to clear its filter.")
        }
        if !report.feasible.isEmpty {
            body += section("history", "Progress over trials", nil)
        }
        if curves.contains(where: { !$0.reports.isEmpty }) {
            body += section("curves", "Learning curves",
                            "Intermediate reports of each trial the filters keep: front trials in blue, trials stopped early in orange, the others grey.")
        }
        if PageData.importance(report) != "[]" {
            body += section("importance", "Which parameters matter", "Share of each objective's variation explained by each parameter.")
        }
        if !report.front.isEmpty || all {
            body += section("table", all ? "Every trial" : "The front", nil)
        }
        var o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        o += "<title>\(escapeHTML("Hyperfront: " + report.info.name))</title>\n<style>\n\(PageStyle.css)</style>\n</head>\n<body>\n"
        o += body
        o += "<div id=\"details\" class=\"details\" hidden></div>\n"
        o += "<script type=\"application/json\" id=\"page-data\">\n\(embedded(data))\n</script>\n"
        o += "<script>\n\(PageScript.source)</script>\n</body>\n</html>\n"
        return o
    }

    static func section(_ id: String, _ title: String, _ note: String?) -> String {
        "<section id=\"\(id)-section\">\n<h2>\(escapeHTML(title))</h2>\n"
            + (note.map { "<p class=\"note\">\(escapeHTML($0))</p>\n" } ?? "")
            + "<div id=\"\(id)-view\"></div>\n</section>\n"
    }

    /// JSON safe inside a `<script>` element: `<` only ever occurs inside strings, where
    /// `\u003c` reads the same, so no `</script>` or `<!--` can end the element early.
    /// - Complexity: one pass over the UTF-8 bytes (Foundation's `replacingOccurrences` took a
    ///   third of the time of writing a 10,000-trial page).
    static func embedded(_ json: String) -> String {
        guard json.utf8.contains(UInt8(ascii: "<")) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count + 64)
        for b in json.utf8 {
            if b == UInt8(ascii: "<") { out += "\\u003c".utf8 } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The JSON object the page renders from (see `PageData`), as embedded.
    public static func data(_ report: StudyReport, all: Bool, curves: [IntermediateReports.Curve] = []) -> String {
        PageData.json(report, all: all, curves: curves)
    }
}
