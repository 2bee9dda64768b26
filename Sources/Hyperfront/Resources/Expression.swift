import Foundation

/// An arithmetic expression over parameter names, as written in a scenario's `resources:`
/// (e.g. `"64*units + units + (layers-1)*(units*units + units)"`).
///
/// Grammar: `+ - * / ^`, parentheses, numbers (with optional `e` exponent), names, and the
/// functions `min(a, b, …)`, `max(a, b, …)`, `ceil(x)`, `floor(x)`, and comparisons of a
/// parameter with one of its values, `(op0 == 'conv3x3')` or `(op0 != 'none')`, which count 1
/// when they hold and 0 otherwise (an inactive parameter has no value: both count 0).
public indirect enum Expression: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case name(String)
    case negate(Expression)
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case multiply(Expression, Expression)
    case divide(Expression, Expression)
    case power(Expression, Expression)
    case call(String, [Expression])
    /// `name == value` (`equal`) or `name != value`: 1 when it holds, else 0. `value` is the
    /// literal as written (a quoted name's text, or a number).
    case indicator(name: String, value: String, equal: Bool)

    public static let functions: Set<String> = ["min", "max", "ceil", "floor"]

    /// Every name the expression mentions, in order of first appearance.
    public var names: [String] {
        var seen: [String] = []
        func walk(_ e: Expression) {
            switch e {
            case .number: break
            case .name(let n), .indicator(let n, _, _): if !seen.contains(n) { seen.append(n) }
            case .negate(let a): walk(a)
            case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b),
                 .divide(let a, let b), .power(let a, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            }
        }
        walk(self)
        return seen
    }

    /// The names used as numbers (outside comparisons), in order of first appearance.
    public var numericNames: [String] {
        var seen: [String] = []
        func walk(_ e: Expression) {
            switch e {
            case .number, .indicator: break
            case .name(let n): if !seen.contains(n) { seen.append(n) }
            case .negate(let a): walk(a)
            case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b),
                 .divide(let a, let b), .power(let a, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            }
        }
        walk(self)
        return seen
    }

    /// Every comparison `(name == value)` / `(name != value)`, in order, without repeats.
    public var comparisons: [(name: String, value: String, equal: Bool)] {
        var seen: [Expression] = []
        func walk(_ e: Expression) {
            switch e {
            case .number, .name: break
            case .indicator: if !seen.contains(e) { seen.append(e) }
            case .negate(let a): walk(a)
            case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b),
                 .divide(let a, let b), .power(let a, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            }
        }
        walk(self)
        return seen.compactMap { if case .indicator(let n, let v, let q) = $0 { (n, v, q) } else { nil } }
    }

    /// Value of the expression with each name bound by `value`; a comparison counts 1 when
    /// `matches(name, literal)` is as it requires (equal or not), and 0 when `matches` is nil
    /// for that name (the parameter is inactive). Without `matches` every comparison counts 0.
    public func evaluate(_ value: (String) -> Double, matches: (String, String) -> Bool? = { _, _ in nil }) -> Double {
        switch self {
        case .number(let v): return v
        case .name(let n): return value(n)
        case .indicator(let n, let v, let equal):
            guard let m = matches(n, v) else { return 0 }
            return m == equal ? 1 : 0
        case .negate(let a): return -a.evaluate(value, matches: matches)
        case .add(let a, let b): return a.evaluate(value, matches: matches) + b.evaluate(value, matches: matches)
        case .subtract(let a, let b): return a.evaluate(value, matches: matches) - b.evaluate(value, matches: matches)
        case .multiply(let a, let b): return a.evaluate(value, matches: matches) * b.evaluate(value, matches: matches)
        case .divide(let a, let b): return a.evaluate(value, matches: matches) / b.evaluate(value, matches: matches)
        case .power(let a, let b): return pow(a.evaluate(value, matches: matches), b.evaluate(value, matches: matches))
        case .call(let f, let args):
            let v = args.map { $0.evaluate(value, matches: matches) }
            switch f {
            case "min": return v.min() ?? .nan
            case "max": return v.max() ?? .nan
            case "ceil": return v.count == 1 ? v[0].rounded(.up) : .nan
            case "floor": return v.count == 1 ? v[0].rounded(.down) : .nan
            default: return .nan
            }
        }
    }

    /// The expression split into additive terms (sums distributed over products where a
    /// product has a sum as a factor), each with its sign folded in. The sum of the terms'
    /// values equals the expression's value.
    public var additiveTerms: [Expression] {
        switch self {
        case .add(let a, let b): return a.additiveTerms + b.additiveTerms
        case .subtract(let a, let b): return a.additiveTerms + b.additiveTerms.map { .negate($0) }
        case .negate(let a): return a.additiveTerms.map { .negate($0) }
        case .multiply(let a, let b):
            let ta = a.additiveTerms, tb = b.additiveTerms
            if ta.count == 1 && tb.count == 1 { return [self] }
            var out: [Expression] = []
            for x in ta { for y in tb { out.append(.multiply(x, y)) } }
            return out
        case .divide(let a, let b):
            if b.names.isEmpty { return a.additiveTerms.map { .divide($0, b) } }
            return [self]
        default: return [self]
        }
    }

    public var description: String {
        switch self {
        case .number(let v): return formatNumber(v)
        case .name(let n): return n
        case .negate(let a): return "-(\(a))"
        case .add(let a, let b): return "(\(a) + \(b))"
        case .subtract(let a, let b): return "(\(a) - \(b))"
        case .multiply(let a, let b): return "\(a)*\(b)"
        case .divide(let a, let b): return "\(a)/\(b)"
        case .power(let a, let b): return "\(a)^\(b)"
        case .call(let f, let args): return "\(f)(\(args.map(\.description).joined(separator: ", ")))"
        case .indicator(let n, let v, let equal):
            let literal = Double(v) != nil ? v : v.contains("'") ? "\"\(v)\"" : "'\(v)'"
            return "(\(n) \(equal ? "==" : "!=") \(literal))"
        }
    }

    /// A parse error with the 0-based character offset where it was found.
    public struct ParseError: Error, Sendable {
        public let offset: Int
        public let message: String
    }

    /// How deeply parentheses, signs, powers and function calls may nest in one formula.
    ///
    /// Every walk over an expression is recursive, so nesting is bounded to keep the stack
    /// bounded: a formula deeper than this is refused with its position, never a crash.
    public static let maxNesting = 200
    /// How many operators a formula may chain (`a + b + c …` has one per `+`): the tree's height.
    public static let maxHeight = 2000
    /// How many additive terms a formula may expand to (`(a+b)*(c+d)` has four): products of
    /// sums multiply out, so a short formula could otherwise ask for billions of terms.
    public static let maxTerms = 10_000

    /// Parses `text`.
    ///
    /// - Throws: `ParseError` with the offset of the problem, also when the formula nests deeper
    ///   than `maxNesting` or chains more than `maxHeight` operators.
    public static func parse(_ text: String) throws(ParseError) -> Expression {
        try parseLocatingComparisons(text).expression
    }

    /// Parses `text`, also telling where each comparison (an `.indicator`) first starts: the
    /// 0-based offset of its parameter name, so that a scenario error can point at it.
    public static func parseLocatingComparisons(_ text: String) throws(ParseError) -> (expression: Expression, comparisonOffsets: [Expression: Int]) {
        var p = ExpressionParser(Array(text.unicodeScalars))
        let e = try p.comparison()
        p.skipSpace()
        if p.i < p.s.count { throw ParseError(offset: p.i, message: "unexpected '\(p.s[p.i])'") }
        let terms = e.expression.additiveTermCount
        if terms > maxTerms {
            throw ParseError(offset: 0, message: "the formula multiplies out to \(terms == Int.max ? "too many" : String(terms)) additive terms (the limit is \(maxTerms)); write products of sums with fewer factors, or split it into several resources")
        }
        return (e.expression, p.comparisonOffsets)
    }

    /// `additiveTerms.count`, without building the terms (saturating at `Int.max`).
    var additiveTermCount: Int {
        switch self {
        case .add(let a, let b), .subtract(let a, let b):
            let (s, o) = a.additiveTermCount.addingReportingOverflow(b.additiveTermCount)
            return o ? .max : s
        case .negate(let a): return a.additiveTermCount
        case .multiply(let a, let b):
            let (p, o) = a.additiveTermCount.multipliedReportingOverflow(by: b.additiveTermCount)
            return o ? .max : p
        case .divide(let a, let b): return b.names.isEmpty ? a.additiveTermCount : 1
        default: return 1
        }
    }
}
