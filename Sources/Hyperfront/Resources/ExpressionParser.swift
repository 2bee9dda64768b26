/// An expression and the height of its tree.
struct Parsed {
    var expression: Expression
    var height: Int
}

/// A recursive-descent parser for `Expression` (precedence: comparison < + - < * / < sign < ^).
struct ExpressionParser {
    let s: [Unicode.Scalar]
    var i = 0
    /// Current nesting of parentheses, signs, powers and calls.
    var depth = 0
    /// Where each comparison first starts (the offset of its parameter name).
    var comparisonOffsets: [Expression: Int] = [:]
    init(_ s: [Unicode.Scalar]) { self.s = s }

    mutating func skipSpace() { while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 } }
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

    /// An expression, or a comparison `name == value` / `name != value` of a parameter with a
    /// quoted name or a number.
    mutating func comparison() throws(Expression.ParseError) -> Parsed {
        _ = peek()
        let start = i
        let left = try expression()
        guard let c = peek(), c == "=" || c == "!" else { return left }
        guard i + 1 < s.count, s[i + 1] == "=" else {
            throw .init(offset: i, message: c == "=" ? "write == to compare a parameter with a value, e.g. (op0 == 'conv3x3')" : "unexpected '!'; write != to compare, e.g. (op0 != 'none')")
        }
        let equal = c == "="
        i += 2
        guard case .name(let name) = left.expression else {
            throw .init(offset: start, message: "a comparison needs a parameter name on its left and one of its values on its right, e.g. (op0 == 'conv3x3')")
        }
        let value = try literal()
        let e = Expression.indicator(name: name, value: value, equal: equal)
        if comparisonOffsets[e] == nil { comparisonOffsets[e] = start }
        return try node(e, left.height)
    }

    /// The right side of a comparison: a quoted value ('conv3x3' or "conv3x3") or a number.
    mutating func literal() throws(Expression.ParseError) -> String {
        guard let c = peek() else { throw .init(offset: i, message: "the comparison ends without a value; write one of the parameter's values, e.g. 'conv3x3'") }
        if c == "'" || c == "\"" {
            let start = i
            i += 1
            while i < s.count, s[i] != c { i += 1 }
            guard i < s.count else { throw .init(offset: start, message: "the quoted value has no closing \(c)") }
            let text = String(String.UnicodeScalarView(s[(start + 1)..<i]))
            i += 1
            return text
        }
        let start = i
        var sign = ""
        if c == "-" || c == "+" { sign = c == "-" ? "-" : ""; i += 1 }
        if i < s.count, s[i].properties.numericType != nil || s[i] == "." {
            guard case .number(let v) = try primary().expression else { throw .init(offset: start, message: "bad number") }
            return formatNumber(sign == "-" ? -v : v)
        }
        throw .init(offset: start, message: "write the value in quotes, e.g. (op0 == 'conv3x3'), or as a number")
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
            let e = try comparison()
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
