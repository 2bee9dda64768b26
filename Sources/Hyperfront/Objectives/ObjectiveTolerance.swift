import Foundation

/// How far apart two values of an objective must be before a report calls one better: an
/// absolute amount in the metric's unit (`accuracy=0.002`, `memory_bytes=10KB`) or a share of
/// the values compared (`train_seconds=5%`). Given on the command line (`--tolerance`) or in a
/// scenario's `report: {tolerance: [...]}`; reports use it for ε-dominance (see
/// `EpsilonDominance` in the Pareto module).
public struct ObjectiveTolerance: Sendable, Equatable {
    public enum Amount: Sendable, Equatable {
        /// In the metric's own unit.
        case absolute(Double)
        /// A fraction (0.05 for 5 %) of the larger magnitude of the two values compared.
        case relative(Double)
    }

    public var metric: String
    public var amount: Amount

    public init(metric: String, amount: Amount) {
        self.metric = metric
        self.amount = amount
    }

    /// A tolerance that cannot be read: its text and what is wrong.
    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        /// What is wrong and what to write instead, without the option's name.
        public let problem: String
        public var description: String { "--tolerance '\(text)': \(problem)" }
    }

    /// Reads `METRIC=AMOUNT` — AMOUNT a non-negative quantity (`0.002`, `10KB`, `50ms`) or a
    /// percentage below 100 (`5%`) — where METRIC is one of `objectives`.
    public static func parse(_ text: String, objectives: [String], metrics: [String]) throws(ParseError) -> ObjectiveTolerance {
        func fail(_ problem: String) -> ParseError { ParseError(text: text, problem: problem) }
        let example = "e.g. 'train_seconds=5%' or 'accuracy=0.002'"
        guard let eq = text.firstIndex(of: "=") else { throw fail("no '='; write METRIC=AMOUNT or METRIC=PERCENT%, \(example)") }
        let name = text[..<eq].trimmingCharacters(in: .whitespaces)
        let rest = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        let at = text.distance(from: text.startIndex, to: eq) + 2
        if name.isEmpty { throw fail("no metric before '='; write METRIC=AMOUNT, \(example)") }
        let amount: Amount
        if rest.hasSuffix("%") {
            let number = rest.dropLast().trimmingCharacters(in: .whitespaces)
            guard let p = Double(number), p.isFinite else {
                throw fail("at character \(at): '\(rest)' is not a percentage; write a number before '%', e.g. 5%")
            }
            guard p >= 0 && p < 100 else { throw fail("at character \(at): \(rest) is outside 0 % to 100 %; give a share below 100 %, e.g. 5%") }
            amount = .relative(p / 100)
        } else {
            guard let v = Units.parse(rest) else {
                throw fail("at character \(at): '\(rest)' is not an amount; write \(Units.help), or a percentage such as 5%")
            }
            guard v >= 0 else { throw fail("at character \(at): \(rest) is negative; a tolerance is a distance, at least 0") }
            amount = .absolute(v)
        }
        guard objectives.contains(name) else {
            if metrics.contains(name) {
                throw fail("'\(name)' is not an objective of the study (its objectives: \(objectives.joined(separator: ", "))); a tolerance applies to an objective")
            }
            throw fail("the study has no metric '\(name)' (its objectives: \(objectives.joined(separator: ", ")))")
        }
        return ObjectiveTolerance(metric: name, amount: amount)
    }

    /// The tolerance between two values of the metric (in its unit; either direction).
    @inlinable
    public func epsilon(_ a: Double, _ b: Double) -> Double {
        switch amount {
        case .absolute(let v): return v
        case .relative(let f): return f * Swift.max(Swift.abs(a), Swift.abs(b))
        }
    }

    public var description: String {
        switch amount {
        case .absolute(let v): return "\(metric)=\(formatNumber(v))"
        case .relative(let f): return "\(metric)=\(formatNumber((f * 100 * 1e9).rounded() / 1e9))%"
        }
    }
}
