import Foundation

/// A report-only condition on a metric (`accuracy>=0.9`): trials that break it are left out
/// of what a report shows, its front, knee and best labels included. Given on the command
/// line (`--where`) or in a scenario's `report: {where: [...]}`.
public struct MetricFilter: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable { case atLeast = ">=", atMost = "<=", notEqual = "!=", equal = "==", above = ">", below = "<" }
    public var metric: String
    public var comparison: Comparison
    public var value: Double

    public init(metric: String, comparison: Comparison, value: Double) {
        self.metric = metric
        self.comparison = comparison
        self.value = value
    }

    /// A filter that cannot be read: its text and what is wrong, located in the text.
    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        /// What is wrong and what to write instead, without the option's name.
        public let problem: String
        public var description: String { "--where '\(text)': \(problem)" }
    }

    /// Reads `metric OP number` (OP one of >=, <=, >, <, ==, !=) against the study's metric names.
    public static func parse(_ text: String, metrics: [String]) throws(ParseError) -> MetricFilter {
        func fail(_ problem: String) -> ParseError { ParseError(text: text, problem: problem) }
        let chars = Array(text)
        guard let start = chars.firstIndex(where: { "<>=!".contains($0) }) else {
            throw fail("no comparison; write METRIC>=NUMBER (or <=, >, <, ==, !=), e.g. 'accuracy>=0.9'")
        }
        let name = String(chars[..<start]).trimmingCharacters(in: .whitespaces)
        var end = start
        while end < chars.count && "<>=!".contains(chars[end]) { end += 1 }
        let op = String(chars[start..<end])
        guard let comparison = Comparison(rawValue: op) else {
            throw fail("at character \(start + 1): '\(op)' is not a comparison; use one of >=, <=, >, <, ==, !=")
        }
        let rest = String(chars[end...]).trimmingCharacters(in: .whitespaces)
        guard let value = Double(rest), value.isFinite else {
            throw fail("at character \(end + 1): '\(rest)' is not a number; write a plain number, e.g. 0.9 or 1.5e6")
        }
        if name.isEmpty { throw fail("no metric before '\(op)'; write METRIC\(op)NUMBER") }
        guard metrics.contains(name) else {
            throw fail("the study has no metric '\(name)' (it has \(metrics.joined(separator: ", ")))")
        }
        return MetricFilter(metric: name, comparison: comparison, value: value)
    }

    /// Whether a value passes (a missing value never does).
    public func accepts(_ v: Double?) -> Bool {
        guard let v, !v.isNaN else { return false }
        switch comparison {
        case .atLeast: return v >= value
        case .atMost: return v <= value
        case .above: return v > value
        case .below: return v < value
        case .equal: return v == value
        case .notEqual: return v != value
        }
    }

    public var description: String { "\(metric)\(comparison.rawValue)\(formatNumber(value))" }
}
