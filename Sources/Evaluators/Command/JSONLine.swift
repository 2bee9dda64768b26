/// Reads one line of a trial's output as a JSON object and keeps its numeric fields.
///
/// Standard JSON (RFC 8259) plus the tokens `NaN`, `Infinity` and `-Infinity` that Python's
/// `json.dumps` writes, so a trial reporting NaN is told "NaN", not "invalid JSON". Nested
/// values, strings, booleans and null are skipped (recorded as non-numeric).
enum JSONLine {
    /// The fields of a JSON object: name → number (nil when the value is not a number).
    /// Returns nil when the line is not exactly one JSON object.
    /// - Complexity: O(length of the line).
    static func parseObject(_ bytes: some Collection<UInt8>) -> [(String, Double?)]? {
        var p = Parser(Array(bytes))
        p.skipSpace()
        guard p.peek == UInt8(ascii: "{") else { return nil }
        guard let fields = p.object() else { return nil }
        p.skipSpace()
        return p.atEnd ? fields : nil
    }

    private struct Parser {
        let b: [UInt8]
        var i = 0
        init(_ b: [UInt8]) { self.b = b }
        var atEnd: Bool { i >= b.count }
        var peek: UInt8? { i < b.count ? b[i] : nil }

        mutating func skipSpace() {
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 13 || b[i] == 10 { i += 1 }
        }

        mutating func expect(_ c: Character) -> Bool {
            skipSpace()
            guard peek == c.asciiValue else { return false }
            i += 1
            return true
        }

        mutating func object() -> [(String, Double?)]? {
            guard expect("{") else { return nil }
            var out: [(String, Double?)] = []
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return out }
            while true {
                skipSpace()
                guard let key = string(), expect(":") else { return nil }
                skipSpace()
                guard let v = value() else { return nil }
                out.append((key, v.number))
                skipSpace()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "}") { i += 1; return out }
                return nil
            }
        }

        /// A value; `.number` is set when it is a number.
        mutating func value() -> (number: Double?, ok: Bool)? {
            guard let c = peek else { return nil }
            switch c {
            case UInt8(ascii: "\""): return string() == nil ? nil : (nil, true)
            case UInt8(ascii: "{"): return object() == nil ? nil : (nil, true)
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if peek == UInt8(ascii: "]") { i += 1; return (nil, true) }
                while true {
                    skipSpace()
                    guard value() != nil else { return nil }
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    if peek == UInt8(ascii: "]") { i += 1; return (nil, true) }
                    return nil
                }
            default:
                if word("true") || word("false") || word("null") { return (nil, true) }
                if word("NaN") { return (.nan, true) }
                if word("Infinity") { return (.infinity, true) }
                if word("-Infinity") { return (-.infinity, true) }
                return number().map { ($0, true) }
            }
        }

        mutating func word(_ w: String) -> Bool {
            let u = Array(w.utf8)
            guard i + u.count <= b.count, Array(b[i..<i + u.count]) == u else { return false }
            i += u.count
            return true
        }

        mutating func number() -> Double? {
            let s = i
            while i < b.count, let c = Optional(b[i]),
                  (c >= 48 && c <= 57) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                i += 1
            }
            guard i > s else { return nil }
            return Double(String(decoding: b[s..<i], as: UTF8.self))
        }

        mutating func string() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < b.count else { return nil }
                    let e = b[i + 1]
                    switch e {
                    case UInt8(ascii: "n"): out.append(10)
                    case UInt8(ascii: "t"): out.append(9)
                    case UInt8(ascii: "r"): out.append(13)
                    case UInt8(ascii: "b"): out.append(8)
                    case UInt8(ascii: "f"): out.append(12)
                    case UInt8(ascii: "u"):
                        guard i + 5 < b.count, let code = UInt32(String(decoding: b[i + 2...i + 5], as: UTF8.self), radix: 16) else { return nil }
                        out.append(contentsOf: Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
                        i += 4
                    default: out.append(e)
                    }
                    i += 2
                    continue
                }
                out.append(c)
                i += 1
            }
            return nil
        }
    }
}
