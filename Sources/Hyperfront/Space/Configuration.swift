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

    /// Folds the values into one 64-bit word with a cheap multiply–xorshift mix — four
    /// independent lanes, so the multiplications overlap instead of waiting on each other —
    /// then hands that word to the (seeded) standard hasher once: hashing a 30-parameter
    /// configuration costs one SipHash round instead of thirty. +0.0 and −0.0 hash alike.
    public func hash(into h: inout Hasher) {
        @inline(__always) func mix(_ acc: UInt64, _ v: Double) -> UInt64 {
            let m = (acc ^ (v == 0 ? 0 : v.bitPattern)) &* 0xFF51_AFD7_ED55_8CCD
            return m ^ (m >> 29)
        }
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: values.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F, c: UInt64 = 0x1656_67B1_9E37_79F9, d: UInt64 = 0x27D4_EB2F_1656_67C5
        values.withUnsafeBufferPointer { v in
            var i = 0
            while i + 4 <= v.count {
                a = mix(a, v[i]); b = mix(b, v[i + 1]); c = mix(c, v[i + 2]); d = mix(d, v[i + 3])
                i += 4
            }
            while i < v.count { a = mix(a, v[i]); i += 1 }
        }
        h.combine(a ^ (b &* 0x9E37_79B9_7F4A_7C15) ^ (c &* 0xC2B2_AE3D_27D4_EB4F) ^ (d &* 0x1656_67B1_9E37_79F9))
    }
}
