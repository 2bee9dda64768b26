/// Per-feature standardisation `(x − mean) / std`, fitted on the training rows only and then
/// applied unchanged to the validation rows (so no validation information leaks into training).
/// A constant feature keeps scale 1 (it becomes 0).
public struct Standardizer: Sendable, Equatable {
    public let mean: [Float]
    public let scale: [Float]

    /// Fits mean and population standard deviation of every feature of `data`.
    ///
    /// - Complexity: O(rows · features), two passes in Double.
    public init(fitting data: Dataset) {
        let f = data.featureCount, n = data.rows
        var m = [Double](repeating: 0, count: f)
        var s = [Double](repeating: 0, count: f)
        if n > 0 {
            for r in 0..<n { for j in 0..<f { m[j] += Double(data.values[r * f + j]) } }
            for j in 0..<f { m[j] /= Double(n) }
            for r in 0..<n { for j in 0..<f { let d = Double(data.values[r * f + j]) - m[j]; s[j] += d * d } }
        }
        mean = m.map { Float($0) }
        scale = s.map { v in
            let sd = (n > 0 ? v / Double(n) : 0).squareRoot()
            return sd > 1e-12 ? Float(sd) : 1
        }
    }

    /// `data` with every feature standardised.
    public func apply(to data: Dataset) -> Dataset {
        precondition(data.featureCount == mean.count, "feature count differs from the fitted data")
        var out = data
        let f = mean.count
        out.values.withUnsafeMutableBufferPointer { v in
            for r in 0..<data.rows {
                for j in 0..<f { v[r &* f &+ j] = (v[r &* f &+ j] - mean[j]) / scale[j] }
            }
        }
        return out
    }
}
