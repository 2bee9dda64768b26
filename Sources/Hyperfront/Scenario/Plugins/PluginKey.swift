/// A registered plug-in's scenario key (`nsga2`, `asha`, …): a string that reads from a
/// literal, prints as itself and is stored as a plain JSON string (the standard library's
/// coding of a `String`-backed `RawRepresentable`).
public protocol PluginKey: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension PluginKey {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}
