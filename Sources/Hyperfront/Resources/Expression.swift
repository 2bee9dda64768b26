import Foundation

/// An arithmetic expression over parameter names, as written in a scenario's `resources:`
/// (e.g. `"64*units + units + (layers-1)*(units*units + units)"`).
///
/// Grammar: `+ - * / ^`, parentheses, numbers (with optional `e` exponent), names, and the
/// functions `min(a, b, …)`, `max(a, b, …)`, `ceil(x)`, `floor(x)`.
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

    public static let functions: Set<String> = ["min", "max", "ceil", "floor"]

    /// Every name the expression mentions, in order of first appearance.
    public var names: [String] {
        var seen: [String] = []
        func walk(_ e: Expression) {
            switch e {
            case .number: break
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

    /// Value of the expression with each name bound by `value`.
    public func evaluate(_ value: (String) -> Double) -> Double {
        switch self {
        case .number(let v): return v
        case .name(let n): return value(n)
        case .negate(let a): return -a.evaluate(value)
        case .add(let a, let b): return a.evaluate(value) + b.evaluate(value)
        case .subtract(let a, let b): return a.evaluate(value) - b.evaluate(value)
        case .multiply(let a, let b): return a.evaluate(value) * b.evaluate(value)
        case .divide(let a, let b): return a.evaluate(value) / b.evaluate(value)
        case .power(let a, let b): return pow(a.evaluate(value), b.evaluate(value))
        case .call(let f, let args):
            let v = args.map { $0.evaluate(value) }
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
        var p = ExpressionParser(Array(text.unicodeScalars))
        let e = try p.expression()
        p.skipSpace()
        if p.i < p.s.count { throw ParseError(offset: p.i, message: "unexpected '\(p.s[p.i])'") }
        let terms = e.expression.additiveTermCount
        if terms > maxTerms {
            throw ParseError(offset: 0, message: "the formula multiplies out to \(terms == Int.max ? "too many" : String(terms)) additive terms (the limit is \(maxTerms)); write products of sums with fewer factors, or split it into several resources")
        }
        return e.expression
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

/// An expression and the height of its tree.
private struct Parsed {
    var expression: Expression
    var height: Int
}

private struct ExpressionParser {
    let s: [Unicode.Scalar]
    var i = 0
    /// Current nesting of parentheses, signs, powers and calls.
    var depth = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func skipSpace() { while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 } }
    mutating func peek() -> Unicode.Scalar? { skipSpace(); return i < s.count ? s[i] : nil }

    /// Enters one level of nesting at the current position.
    mutating func enter() throws(Expression.ParseError) {
        depth += 1
        if depth > Expression.maxNesting {
            throw .init(offset: i, message: "the formula nests more than \(Expression.maxNesting) levels deep (parentheses, signs, powers and function calls); write it with fewer nested parentheses, e.g. as a sum of simpler terms")
        }
    }

    /// A node over children of the given heights, refused when the tree grows too tall.
    func node(_ e: Expression, _ heights: Int...) throws(Expression.ParseError) -> Parsed {
        let h = (heights.max() ?? 0) + 1
        if h > Expression.maxHeight {
            throw .init(offset: i, message: "the formula chains more than \(Expression.maxHeight) operators; split it into several resources or group repeated terms, e.g. 3*units instead of units + units + units")
        }
        return Parsed(expression: e, height: h)
    }

    mutating func expression() throws(Expression.ParseError) -> Parsed {
        var e = try term()
        while let c = peek(), c == "+" || c == "-" {
            i += 1
            let r = try term()
            e = try node(c == "+" ? .add(e.expression, r.expression) : .subtract(e.expression, r.expression), e.height, r.height)
        }
        return e
    }

    mutating func term() throws(Expression.ParseError) -> Parsed {
        var e = try unary()
        while let c = peek(), c == "*" || c == "/" {
            i += 1
            let r = try unary()
            e = try node(c == "*" ? .multiply(e.expression, r.expression) : .divide(e.expression, r.expression), e.height, r.height)
        }
        return e
    }

    mutating func unary() throws(Expression.ParseError) -> Parsed {
        if peek() == "-" {
            i += 1
            try enter(); defer { depth -= 1 }
            let a = try unary()
            return try node(.negate(a.expression), a.height)
        }
        if peek() == "+" {
            i += 1
            try enter(); defer { depth -= 1 }
            return try unary()
        }
        let base = try primary()
        if peek() == "^" {
            i += 1
            try enter(); defer { depth -= 1 }
            let exponent = try unary()
            return try node(.power(base.expression, exponent.expression), base.height, exponent.height)
        }
        return base
    }

    mutating func primary() throws(Expression.ParseError) -> Parsed {
        guard let c = peek() else { throw .init(offset: i, message: "expression ends too early") }
        if c == "(" {
            try enter(); defer { depth -= 1 }
            i += 1
            let e = try expression()
            guard peek() == ")" else { throw .init(offset: i, message: "missing ')'") }
            i += 1
            return e
        }
        if c.properties.numericType != nil || c == "." {
            let start = i
            while i < s.count, s[i].properties.numericType != nil || s[i] == "." { i += 1 }
            if i < s.count, s[i] == "e" || s[i] == "E" {
                var j = i + 1
                if j < s.count, s[j] == "+" || s[j] == "-" { j += 1 }
                if j < s.count, s[j].properties.numericType != nil {
                    i = j
                    while i < s.count, s[i].properties.numericType != nil { i += 1 }
                }
            }
            let text = String(String.UnicodeScalarView(s[start..<i]))
            guard let v = Double(text) else { throw .init(offset: start, message: "bad number '\(text)'") }
            return Parsed(expression: .number(v), height: 1)
        }
        if c.properties.isAlphabetic || c == "_" {
            let start = i
            while i < s.count, s[i].properties.isAlphabetic || s[i] == "_" || s[i].properties.numericType != nil { i += 1 }
            let name = String(String.UnicodeScalarView(s[start..<i]))
            if peek() == "(" {
                guard Expression.functions.contains(name) else {
                    throw .init(offset: start, message: "unknown function '\(name)' (known: min, max, ceil, floor)")
                }
                try enter(); defer { depth -= 1 }
                i += 1
                var args: [Expression] = []
                var height = 0
                if peek() != ")" {
                    var a = try expression()
                    args.append(a.expression); height = a.height
                    while peek() == "," {
                        i += 1
                        a = try expression()
                        args.append(a.expression); height = max(height, a.height)
                    }
                }
                guard peek() == ")" else { throw .init(offset: i, message: "missing ')' after arguments of \(name)") }
                i += 1
                return try node(.call(name, args), height)
            }
            return Parsed(expression: .name(name), height: 1)
        }
        throw .init(offset: i, message: "unexpected '\(c)'")
    }
}
