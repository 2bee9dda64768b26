import Foundation
import Hyperfront

/// Markdown for a pull request: a heading, the summary as a list, and the front as a
/// GitHub table (numbers right-aligned); an empty front is explained in a quote.
public enum MarkdownFormat {
    public static func render(_ report: StudyReport, all: Bool) -> String {
        var out = "## Study `\(report.info.name)`\n\n"
        for line in report.summaryLines { out += "- " + escape(line) + "\n" }
        if let why = report.emptyFrontExplanation {
            out += "\n" + why.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + escape(String($0)).trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
            if !all || report.trials.isEmpty { return out }
        }
        out += frontTable(report, all: all)
        if let imp = ImportanceTable(report) {
            out += "\n### What matters\n\n" + escape(imp.caption) + ".\n\n" + ComparisonTextFormat.md(imp.rows, numeric: imp.numeric)
        }
        return out
    }

    static func frontTable(_ report: StudyReport, all: Bool) -> String {
        var out = ""
        let table = FrontTable(report, all: all)
        out += "\n| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.numeric ? "---:|" : "---|" }.joined() + "\n"
        for r in table.rows {
            out += "| " + r.map { $0.isEmpty ? " " : escape($0) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Escapes the characters Markdown tables and emphasis would read.
    static func escape(_ s: String) -> String {
        var o = ""
        for ch in s {
            switch ch {
            case "|", "`", "<", ">", "\\": o.append("\\"); o.append(ch)
            default: o.append(ch)
            }
        }
        return o
    }
}
