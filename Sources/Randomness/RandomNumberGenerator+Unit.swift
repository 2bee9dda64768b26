extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with 53 random bits (the top bits of one draw).
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
