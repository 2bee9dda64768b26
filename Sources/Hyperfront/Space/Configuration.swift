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
        // Copies of one configuration share their storage (the usual case when a result is
        // matched to its proposal): equal without looking at the values.
        if a.values.withUnsafeBufferPointer({ pa in b.values.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress } }) {
            return true
        }
        for i in a.values.indices where a.values[i].bitPattern != b.values[i].bitPattern {
            // +0.0 and -0.0 are the same value
            if !(a.values[i] == 0 && b.values[i] == 0) { return false }
        }
        return true
    }

    /// Folds every value into one 64-bit word with a cheap multiply–xorshift mix, then hands
    /// that word to the (seeded) standard hasher once: hashing a 30-parameter configuration
    /// costs one SipHash round instead of thirty.
    public func hash(into h: inout Hasher) {
        var acc: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: values.count)
        for v in values {
            let bits: UInt64 = v == 0 ? 0 : v.bitPattern
            acc = (acc ^ bits) &* 0xFF51_AFD7_ED55_8CCD
            acc ^= acc >> 29
        }
        h.combine(acc)
    }
}
