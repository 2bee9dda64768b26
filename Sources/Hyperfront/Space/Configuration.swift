/// One point of a search space in its encoded form (see `Domain`): one `Double` per parameter,
/// NaN for an inactive conditional parameter. Two configurations are equal when every
/// encoded value has the same bits, so inactive (NaN) entries compare equal.
public struct Configuration: Sendable, Hashable {
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public subscript(i: Int) -> Double {
        get { values[i] }
        set { values[i] = newValue }
    }

    public var count: Int { values.count }

    public static func == (a: Configuration, b: Configuration) -> Bool {
        guard a.values.count == b.values.count else { return false }
        for i in a.values.indices where a.values[i].bitPattern != b.values[i].bitPattern {
            // +0.0 and -0.0 are the same value
            if !(a.values[i] == 0 && b.values[i] == 0) { return false }
        }
        return true
    }

    public func hash(into h: inout Hasher) {
        h.combine(values.count)
        for v in values { h.combine(v == 0 ? 0 : v.bitPattern) }
    }
}
