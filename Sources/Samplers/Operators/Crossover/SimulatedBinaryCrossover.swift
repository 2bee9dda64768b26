import Hyperfront
import Foundation

/// Simulated binary crossover (SBX) for bounded real variables, as in Deb & Agrawal (1995),
/// "Simulated binary crossover for continuous search space", Complex Systems 9, 115–148, with
/// the bounded spread of Deb's NSGA-II reference code (Deb et al. 2002).
///
/// Each variable of a crossed pair is recombined with probability `variableProbability`
/// (0.5 in the reference code); otherwise both children keep their parents' values.
public struct SimulatedBinaryCrossover: Sendable, Hashable {
    /// Distribution index η_c: large values keep children near their parents.
    public let eta: Double
    /// Probability that one variable of a crossed pair is recombined.
    public let variableProbability: Double

    /// - Precondition: `eta >= 0`, `0 <= variableProbability <= 1`.
    public init(eta: Double, variableProbability: Double = 0.5) {
        precondition(eta >= 0 && eta.isFinite, "SBX distribution index must be a finite number >= 0")
        precondition((0...1).contains(variableProbability), "SBX variable probability must lie in [0, 1]")
        self.eta = eta
        self.variableProbability = variableProbability
    }

    /// Recombines one variable of two parents in place (draws: the variable's coin, the spread
    /// draw, the swap coin — the last two only when it is recombined).
    @inlinable
    public func cross(_ a: inout Double, _ b: inout Double, lower: Double, upper: Double,
                      using rng: inout some RandomNumberGenerator) {
        guard rng.nextUnit() < variableProbability else { return }
        let u = rng.nextUnit()
        let swap = rng.nextUnit() < 0.5
        let (c1, c2) = Self.children(a, b, lower: lower, upper: upper, eta: eta, u: u)
        if swap { a = c2; b = c1 } else { a = c1; b = c2 }
    }

    /// The two SBX children of `x1` and `x2` for the uniform draw `u` ∈ [0, 1): the first lies
    /// on the side of the smaller parent, the second on the side of the larger one; both are
    /// clamped into `[lower, upper]`. Parents closer than 1e-14 are returned unchanged.
    /// - Complexity: O(1).
    @inlinable
    public static func children(_ x1: Double, _ x2: Double, lower: Double, upper: Double,
                                eta: Double, u: Double) -> (Double, Double) {
        let y1 = Swift.min(x1, x2), y2 = Swift.max(x1, x2)
        let delta = y2 - y1
        guard delta > 1e-14, upper > lower else { return (y1, y2) }
        let exponent = 1 / (eta + 1)
        func spread(_ beta: Double) -> Double {
            let alpha = 2 - 1 / DistributionPower.power(beta, eta + 1)
            return u <= 1 / alpha ? pow(u * alpha, exponent) : pow(1 / (2 - u * alpha), exponent)
        }
        let betaLow = spread(1 + 2 * (y1 - lower) / delta)
        let betaHigh = spread(1 + 2 * (upper - y2) / delta)
        let c1 = 0.5 * ((y1 + y2) - betaLow * delta)
        let c2 = 0.5 * ((y1 + y2) + betaHigh * delta)
        return (Swift.min(Swift.max(c1, lower), upper), Swift.min(Swift.max(c2, lower), upper))
    }
}
