import Foundation
import Hyperfront

/// The terminal table: summary lines, then the feasible front sorted by the first objective,
/// with the knee and the best per objective marked, each constraint's slack and the key
/// parameters. An empty front is explained instead.
public enum TableFormat {
    public static func render(_ report: StudyReport, all: Bool) -> String {
        var out = table(report, all: all)
        if let imp = ImportanceTable(report) {
            out += "\n" + imp.caption + ":\n" + layout(imp.rows, numeric: imp.numeric)
        }
        if all && !report.failed.isEmpty {
            out += "\nfailed trials, by reason:\n" + FailureSummary(report.trials, failed: report.failed).render()
        }
        return out
    }

    private static func table(_ report: StudyReport, all: Bool) -> String {
        var out = report.summaryLines.joined(separator: "\n") + "\n"
        if let why = report.emptyFrontExplanation {
            out += "\n" + why + "\n"
            if !all || report.trials.isEmpty { return out }
        }

        out += "\n"
        let table = FrontTable(report, all: all)
        out += layout([table.columns.map(\.title)] + table.rows, numeric: table.columns.map(\.numeric))
        let shown = report.keyParameters.count
        let searched = report.model.space.parameters.filter { if case .fixed = $0.domain { return false } else { return true } }.count
        if shown < searched {
            out += "(\(searched - shown) more parameters vary less on the front: see --format csv or json)\n"
        }
        return out
    }

    /// Columns padded to their widest cell; numeric columns right-aligned; the last one ragged.
    static func layout(_ rows: [[String]], numeric: [Bool]) -> String {
        guard let first = rows.first else { return "" }
        var widths = first.map(\.count)
        for r in rows { for (k, c) in r.enumerated() { widths[k] = max(widths[k], c.count) } }
        var out = ""
        for (n, r) in rows.enumerated() {
            out += r.enumerated().map { k, c in
                let pad = String(repeating: " ", count: widths[k] - c.count)
                if k == r.count - 1 { return c }
                return numeric[k] && n > 0 ? pad + c : c + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if n == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    /// Six significant digits (C's `%.6g`); integral values below 10¹² as integers.
    public static func fmt(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return formatNumber(v) }
        return String(format: "%.6g", v)
    }

    static func trimZeros(_ s: String) -> String {
        guard s.contains("."), !s.contains("e") else { return s }
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
        String(format: "%.\(digits)f", self)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
