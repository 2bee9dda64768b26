import Foundation
import Hyperfront

/// A place a model is deployed to, with its budgets: `phone:memory_bytes<=2MB` or
/// `edge:memory_bytes<=16MB,train_seconds<=20`. A bare quantity (`phone:2MB`) bounds
/// `memory_bytes`. Quantities take the units of `Units` (KB, MB, MiB, s, m, k, …).
public struct DeploymentTarget: Sendable, Equatable {
    public var name: String
    public var budgets: [OutcomeConstraint]

    public init(name: String, budgets: [OutcomeConstraint]) {
        self.name = name
        self.budgets = budgets
    }

    /// The metric a bare quantity bounds.
    public static let defaultMetric = "memory_bytes"

    public struct SyntaxError: Error, CustomStringConvertible {
        public var text: String
        public var problem: String
        public var description: String {
            "--target '\(text)': \(problem); write NAME:METRIC<=QUANTITY[,METRIC>=QUANTITY...], e.g. phone:memory_bytes<=2MB or edge:memory_bytes<=16MB,train_seconds<=20"
        }
    }

    /// Parses one `--target` value.
    public static func parse(_ text: String) throws(SyntaxError) -> DeploymentTarget {
        guard let colon = text.firstIndex(of: ":") else { throw SyntaxError(text: text, problem: "no ':' after the target's name") }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw SyntaxError(text: text, problem: "the target has no name before ':'") }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            throw SyntaxError(text: text, problem: "the name '\(name)' may hold only letters, digits, '_', '-' and '.'")
        }
        let rest = text[text.index(after: colon)...]
        var budgets: [OutcomeConstraint] = []
        for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.isEmpty { throw SyntaxError(text: text, problem: "an empty budget (check the commas)") }
            let kind: OutcomeConstraint.Kind
            let pieces: [String]
            if let r = p.range(of: "<=") { kind = .atMost; pieces = [String(p[..<r.lowerBound]), String(p[r.upperBound...])] }
            else if let r = p.range(of: ">=") { kind = .atLeast; pieces = [String(p[..<r.lowerBound]), String(p[r.upperBound...])] }
            else if p.contains("<") || p.contains(">") || p.contains("=") {
                throw SyntaxError(text: text, problem: "'\(p)' uses a comparison other than <= or >=")
            } else {
                guard let q = Units.parse(p) else { throw SyntaxError(text: text, problem: "'\(p)' is neither METRIC<=QUANTITY nor a quantity (\(Units.help))") }
                budgets.append(OutcomeConstraint(metric: defaultMetric, kind: .atMost, bound: q))
                continue
            }
            let metric = pieces[0].trimmingCharacters(in: .whitespaces)
            guard !metric.isEmpty else { throw SyntaxError(text: text, problem: "'\(p)' names no metric") }
            guard let q = Units.parse(pieces[1]) else {
                throw SyntaxError(text: text, problem: "'\(pieces[1].trimmingCharacters(in: .whitespaces))' is not a quantity (\(Units.help))")
            }
            budgets.append(OutcomeConstraint(metric: metric, kind: kind, bound: q))
        }
        return DeploymentTarget(name: name, budgets: budgets)
    }
}
