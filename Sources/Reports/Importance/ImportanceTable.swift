import Foundation

/// The importance shares as rows a person reads — one per parameter (most important overall
/// first), one column per objective, percentages — shared by the terminal table and Markdown.
struct ImportanceTable {
    var caption: String
    var rows: [[String]]

    /// Nil when the report has no importance (too few complete trials).
    init?(_ report: StudyReport) {
        let importance = report.importance
        guard !importance.isEmpty else { return nil }
        let space = report.model.space
        var total: [String: Double] = [:]
        for imp in importance { for s in imp.shares { total[s.parameter, default: 0] += s.share } }
        let order = space.names.filter { total[$0] != nil }.enumerated()
            .sorted { total[$0.element]! > total[$1.element]! || (total[$0.element]! == total[$1.element]! && $0.offset < $1.offset) }
            .map(\.element)
        rows = [["parameter"] + importance.map(\.objective)]
        for p in order {
            rows.append([p] + importance.map { imp in imp.shares.first { $0.parameter == p }.map { Self.percent($0.share) } ?? "-" })
        }
        let sets: String
        if let first = importance.first, importance.allSatisfy({ $0.trials == first.trials && $0.top == first.top }) {
            sets = "the best \(first.top) of \(first.trials) complete trials"
        } else {
            sets = "each objective's best (" + importance.map { "\($0.objective): \($0.top) of \($0.trials)" }.joined(separator: ", ") + ")"
        }
        caption = "What matters for each objective (PED-ANOVA, Watanabe et al. 2023): how differently each parameter's values are spread among "
            + sets + " than among all of them; shares sum to 100 % per objective"
    }

    static func percent(_ x: Double) -> String { String(format: "%.1f %%", 100 * x) }

    var numeric: [Bool] { [false] + rows[0].dropFirst().map { _ in true } }
}
