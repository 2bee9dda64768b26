import Foundation

/// The update rule that turns gradients into weight changes, with its constants.
public enum Optimizer: Sendable, Hashable {
    /// Stochastic gradient descent with heavy-ball momentum (Polyak, 1964), or Nesterov's
    /// accelerated form in the formulation of Sutskever et al. (2013):
    /// v ← μv + g; w ← w − η·v (or w ← w − η·(g + μv) with `nesterov`).
    case sgd(momentum: Double, nesterov: Bool)
    /// Adam (Kingma & Ba, 2015): m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
    /// w ← w − η·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε).
    case adam(beta1: Double, beta2: Double, epsilon: Double)
    /// RMSprop (Tieleman & Hinton, 2012): s ← ρs + (1−ρ)g²; w ← w − η·g / (√s + ε).
    case rmsprop(rho: Double, epsilon: Double)

    /// Adam with the constants of its paper.
    public static let adam = Optimizer.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
    /// RMSprop with ρ = 0.9, ε = 1e-8.
    public static let rmsprop = Optimizer.rmsprop(rho: 0.9, epsilon: 1e-8)

    /// The optimiser's name as written in a scenario.
    public var name: String {
        switch self {
        case .sgd: return "sgd"
        case .adam: return "adam"
        case .rmsprop: return "rmsprop"
        }
    }

    /// Number of state values kept per trainable parameter: sgd 1 (velocity; kept also when
    /// the momentum is 0), adam 2 (first and second moments), rmsprop 1 (mean square).
    public var stateSlots: Int {
        switch self {
        case .sgd, .rmsprop: return 1
        case .adam: return 2
        }
    }

    /// State slots of the optimiser with the given scenario name (nil for an unknown name).
    public static func stateSlots(name: String) -> Int? {
        switch name {
        case "sgd", "rmsprop": return 1
        case "adam": return 2
        default: return nil
        }
    }

    // MARK: the update rules, on raw buffers

    /// One SGD step over `n` parameters (see `sgd`).
    ///
    /// - Complexity: O(n).
    public static func sgdStep(weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                               velocity v: UnsafeMutablePointer<Float>, count n: Int,
                               learningRate: Float, momentum mu: Float, nesterov: Bool) {
        var i = 0
        if nesterov {
            while i < n { let vi = mu * v[i] + g[i]; v[i] = vi; w[i] -= learningRate * (g[i] + mu * vi); i &+= 1 }
        } else {
            while i < n { let vi = mu * v[i] + g[i]; v[i] = vi; w[i] -= learningRate * vi; i &+= 1 }
        }
    }

    /// One Adam step over `n` parameters; `step` counts from 1 (see `adam`).
    ///
    /// - Complexity: O(n).
    public static func adamStep(weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                                firstMoment m: UnsafeMutablePointer<Float>, secondMoment v: UnsafeMutablePointer<Float>,
                                count n: Int, learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, step t: Int) {
        let corrected = Float(Double(learningRate) * (1 - pow(Double(beta2), Double(t))).squareRoot()
                              / (1 - pow(Double(beta1), Double(t))))
        let c1 = 1 - beta1, c2 = 1 - beta2
        var i = 0
        while i < n {
            let gi = g[i]
            let mi = beta1 * m[i] + c1 * gi
            let vi = beta2 * v[i] + c2 * gi * gi
            m[i] = mi
            v[i] = vi
            w[i] -= corrected * mi / (vi.squareRoot() + epsilon)
            i &+= 1
        }
    }

    /// One RMSprop step over `n` parameters (see `rmsprop`).
    ///
    /// - Complexity: O(n).
    public static func rmspropStep(weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                                   meanSquare s: UnsafeMutablePointer<Float>, count n: Int,
                                   learningRate: Float, rho: Float, epsilon: Float) {
        let c = 1 - rho
        var i = 0
        while i < n {
            let gi = g[i]
            let si = rho * s[i] + c * gi * gi
            s[i] = si
            w[i] -= learningRate * gi / (si.squareRoot() + epsilon)
            i &+= 1
        }
    }
}
