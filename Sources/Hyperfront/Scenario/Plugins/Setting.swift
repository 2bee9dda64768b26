/// One setting a plug-in accepts in its scenario section: its key, kind, allowed range and
/// default. The scenario reader checks every value against it, with a located error.
public struct Setting: Sendable {
    public enum Kind: Sendable {
        /// A whole number in the range.
        case int(ClosedRange<Int>)
        /// A finite number in the range.
        case double(ClosedRange<Double>)
        /// One of these names.
        case name([String])
    }

    /// The key as written, e.g. `population`; one level of nesting as `crossover.eta`.
    public let key: String
    public let kind: Kind
    /// The value when the scenario gives none (nil: the plug-in works it out, e.g. 1/n).
    public let defaultValue: SettingValue?
    /// What to write, e.g. `population: 24` (for nested keys the inner part: `eta: 15`).
    public let example: String

    public init(_ key: String, _ kind: Kind, default defaultValue: SettingValue?, example: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.example = example
    }

    /// The outer key (`crossover` for `crossover.eta`).
    public var section: String { key.split(separator: ".", maxSplits: 1).first.map(String.init) ?? key }
    /// The inner key (`eta` for `crossover.eta`), nil when the key is not nested.
    public var inner: String? {
        let parts = key.split(separator: ".", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : nil
    }
}

/// A plug-in setting's value, as read from a scenario; stored with the study as JSON.
public enum SettingValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case name(String)

    public var int: Int? { if case .int(let i) = self { return i } else { return nil } }
    public var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .name: return nil
        }
    }
    public var name: String? { if case .name(let s) = self { return s } else { return nil } }

    /// Numbers compare by value: JSON writes 7.0 as 7, which reads back as an int.
    public static func == (a: SettingValue, b: SettingValue) -> Bool {
        if let x = a.double, let y = b.double { return x == y }
        return a.name != nil && a.name == b.name
    }

    public func hash(into hasher: inout Hasher) {
        if let d = double { hasher.combine(d) } else { hasher.combine(name) }
    }

    /// Encoded as a bare JSON number or string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .name(let s): try c.encode(s)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .name(try c.decode(String.self)) }
    }

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .double(let d): return formatNumber(d)
        case .name(let s): return s
        }
    }
}
