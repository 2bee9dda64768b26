/// A decoded parameter value as a scenario and an evaluator see it.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return formatNumber(v)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// The numeric value, when the value is a number.
    public var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .string, .bool: return nil
        }
    }

    /// The value as a JSON literal.
    public var json: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return v.isFinite ? formatNumber(v) : "null"
        case .string(let s): return jsonQuote(s)
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// Shortest round-tripping text of a double; integral values without a trailing ".0".
public func formatNumber(_ v: Double) -> String {
    if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return "\(v)"
}

/// A JSON string literal.
public func jsonQuote(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let h = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
