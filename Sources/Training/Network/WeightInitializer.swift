import Randomness

/// How the weights of a dense layer with `fanIn` inputs and `fanOut` outputs start; biases
/// start at 0.
public enum WeightInitializer: String, Sendable, Hashable, CaseIterable {
    /// U(−l, l), l = √(6 / (fanIn + fanOut)) (Glorot & Bengio, 2010).
    case glorotUniform = "glorot_uniform"
    /// N(0, σ²), σ = √(2 / (fanIn + fanOut)) (Glorot & Bengio, 2010).
    case glorotNormal = "glorot_normal"
    /// U(−l, l), l = √(6 / fanIn) (He et al., 2015).
    case heUniform = "he_uniform"
    /// N(0, σ²), σ = √(2 / fanIn) (He et al., 2015).
    case heNormal = "he_normal"
    /// U(−0.05, 0.05), independent of the layer's size.
    case uniform

    /// Accepts the names above and the aliases `xavier_uniform`, `xavier_normal`.
    public init?(name: String) {
        switch name {
        case "xavier_uniform": self = .glorotUniform
        case "xavier_normal": self = .glorotNormal
        default: self.init(rawValue: name)
        }
    }

    /// Fills `w` (fanIn × fanOut values) with draws from this distribution.
    func fill(_ w: UnsafeMutablePointer<Float>, fanIn: Int, fanOut: Int, using rng: inout RandomSource) {
        let n = fanIn * fanOut
        switch self {
        case .glorotUniform, .heUniform, .uniform:
            let limit: Double = switch self {
            case .glorotUniform: (6 / Double(fanIn + fanOut)).squareRoot()
            case .heUniform: (6 / Double(fanIn)).squareRoot()
            default: 0.05
            }
            for i in 0..<n { w[i] = Float((2 * rng.uniform() - 1) * limit) }
        case .glorotNormal, .heNormal:
            let sigma = self == .glorotNormal ? (2 / Double(fanIn + fanOut)).squareRoot() : (2 / Double(fanIn)).squareRoot()
            for i in 0..<n { w[i] = Float(rng.normal() * sigma) }
        }
    }
}
