/// How a resource formula's comparison `(name == value)` reads a parameter's value.
extension Domain {
    /// Whether the encoded value `x` is the value written `literal` in a comparison: the
    /// value's text (`conv3x3`, `true`, `64`), or for numbers an equal number (`64` = `64.0`).
    /// False for NaN (an inactive parameter).
    public func matches(_ x: Double, _ literal: String) -> Bool {
        guard !x.isNaN else { return false }
        let v = decode(x)
        if v.description == literal { return true }
        if let a = v.number, let b = Double(literal) { return a == b }
        return false
    }

    /// The encoded values of a discrete domain with at most `limit` values, in order; nil
    /// for a continuous range or a larger one.
    public func encodedValues(limit: Int) -> [Double]? {
        guard let n = cardinality, n <= limit else { return nil }
        switch self {
        case .float(let lo, _, _, let step?): return (0..<n).map { clamp(lo + Double($0) * step) }
        case .float: return nil
        case .int(let lo, _, _, let step): return (0..<n).map { Double(lo + $0 * step) }
        case .ordinal, .categorical: return (0..<n).map(Double.init)
        case .fixed: return [0]
        }
    }
}
