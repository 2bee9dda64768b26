import Foundation
import Hyperfront

/// How a configuration is put before the Gaussian processes: one feature per searched
/// parameter, numeric features scaled to [0, 1] (floats and ints linearly, or in log space
/// for log ranges; ordinal choices by their index), categorical features as the choice index
/// compared by equality only (the kernel's distance is 0 for the same choice and 1 for
/// another — a one-hot encoding whose dimensions share one length scale). An inactive
/// conditional parameter takes the fixed value `inactive` (its condition's parent tells the
/// model which branch a point is on).
public struct FeatureEncoding: Sendable {
    /// Space index of each feature.
    public let parameters: [Int]
    /// Whether each feature is categorical (compared by equality).
    public let categorical: [Bool]
    let codings: [GeneCoding]
    /// The value of an inactive parameter's feature.
    public static let inactive = 0.5

    public init(space: SearchSpace) {
        var parameters: [Int] = [], categorical: [Bool] = [], codings: [GeneCoding] = []
        for (i, p) in space.parameters.enumerated() {
            let g = GeneCoding(p.domain)
            guard g.isSearched else { continue }
            parameters.append(i)
            categorical.append(g.kind == .categorical)
            codings.append(g)
        }
        self.parameters = parameters
        self.categorical = categorical
        self.codings = codings
    }

    public var count: Int { parameters.count }

    /// Writes the features of `c` into `out[0..<count]`.
    @inlinable
    public func encode(_ c: Configuration, into out: UnsafeMutablePointer<Double>) {
        for f in 0..<parameters.count {
            let v = c[parameters[f]]
            out[f] = feature(v, f)
        }
    }

    @usableFromInline
    func feature(_ v: Double, _ f: Int) -> Double {
        if v.isNaN { return categorical[f] ? -1 : Self.inactive }
        if categorical[f] { return v }
        let g = codings[f]
        let span = g.upper - g.lower
        return span > 0 ? min(max((g.encode(v) - g.lower) / span, 0), 1) : 0
    }

    /// The features of `c` appended to `out`.
    public func append(_ c: Configuration, to out: inout [Double]) {
        for f in 0..<parameters.count { out.append(feature(c[parameters[f]], f)) }
    }
}
