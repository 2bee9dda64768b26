/// An expression as JSON, one key per node: `{"number": 2}`, `{"name": "units"}`,
/// `{"negate": e}`, `{"add": [a, b]}` (likewise subtract, multiply, divide, power),
/// `{"call": "max", "args": [a, b]}`, `{"compare": "op0", "equals": "conv3x3"}` (or `"differs"`). Exact: the tree reads back equal.
extension Expression: Codable {
    private enum Key: String, CodingKey { case number, name, negate, add, subtract, multiply, divide, power, call, args, compare, equals, differs }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .number(let v): try c.encode(ModelValue.double(v), forKey: .number)
        case .name(let n): try c.encode(n, forKey: .name)
        case .negate(let a): try c.encode(a, forKey: .negate)
        case .add(let a, let b): try c.encode([a, b], forKey: .add)
        case .subtract(let a, let b): try c.encode([a, b], forKey: .subtract)
        case .multiply(let a, let b): try c.encode([a, b], forKey: .multiply)
        case .divide(let a, let b): try c.encode([a, b], forKey: .divide)
        case .power(let a, let b): try c.encode([a, b], forKey: .power)
        case .call(let f, let args): try c.encode(f, forKey: .call); try c.encode(args, forKey: .args)
        case .indicator(let n, let v, let equal): try c.encode(n, forKey: .compare); try c.encode(v, forKey: equal ? .equals : .differs)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func pair(_ k: Key) throws -> (Expression, Expression) {
            let v = try c.decode([Expression].self, forKey: k)
            guard v.count == 2 else { throw DecodingError.dataCorruptedError(forKey: k, in: c, debugDescription: "expected two operands") }
            return (v[0], v[1])
        }
        if c.contains(.number) {
            switch try c.decode(ModelValue.self, forKey: .number) {
            case .double(let v): self = .number(v)
            case .int(let v): self = .number(Double(v))
            default: throw DecodingError.dataCorruptedError(forKey: .number, in: c, debugDescription: "not a number")
            }
        } else if c.contains(.name) { self = .name(try c.decode(String.self, forKey: .name)) }
        else if c.contains(.negate) { self = .negate(try c.decode(Expression.self, forKey: .negate)) }
        else if c.contains(.add) { let (a, b) = try pair(.add); self = .add(a, b) }
        else if c.contains(.subtract) { let (a, b) = try pair(.subtract); self = .subtract(a, b) }
        else if c.contains(.multiply) { let (a, b) = try pair(.multiply); self = .multiply(a, b) }
        else if c.contains(.divide) { let (a, b) = try pair(.divide); self = .divide(a, b) }
        else if c.contains(.power) { let (a, b) = try pair(.power); self = .power(a, b) }
        else if c.contains(.call) { self = .call(try c.decode(String.self, forKey: .call), try c.decode([Expression].self, forKey: .args)) }
        else if c.contains(.compare) {
            let n = try c.decode(String.self, forKey: .compare)
            if c.contains(.equals) { self = .indicator(name: n, value: try c.decode(String.self, forKey: .equals), equal: true) }
            else { self = .indicator(name: n, value: try c.decode(String.self, forKey: .differs), equal: false) }
        }
        else { throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "not an expression")) }
    }
}
