import Hyperfront
import Foundation

/// Polynomial mutation for bounded real variables (Deb & Goyal 1996, "A combined genetic
/// adaptive search (GeneAS) for engineering design"; bounded form of Deb's NSGA-II reference
/// code, Deb et al. 2002).
public struct PolynomialMutation: Sendable, Hashable {
    /// Distribution index η_m: large values make small perturbations.
    public let eta: Double

    /// - Precondition: `eta >= 0`.
    public init(eta: Double) {
        precondition(eta >= 0 && eta.isFinite, "mutation distribution index must be a finite number >= 0")
        self.eta = eta
    }

    /// Mutates `x` in place with one uniform draw.
    @inlinable
    public func mutate(_ x: inout Double, lower: Double, upper: Double, using rng: inout some RandomNumberGenerator) {
        x = Self.mutant(x, lower: lower, upper: upper, eta: eta, u: rng.nextUnit())
    }

    /// The mutant of `x` ∈ [lower, upper] for the uniform draw `u` ∈ [0, 1): below `x` when
    /// u ≤ 0.5, above it otherwise; clamped into the bounds.
    /// - Complexity: O(1).
    @inlinable
    public static func mutant(_ x: Double, lower: Double, upper: Double, eta: Double, u: Double) -> Double {
        let range = upper - lower
        guard range > 0 else { return x }
        let exponent = 1 / (eta + 1)
        let deltaQ: Double
        if u <= 0.5 {
            let xy = 1 - (x - lower) / range
            let val = 2 * u + (1 - 2 * u) * DistributionPower.power(xy, eta + 1)
            deltaQ = pow(val, exponent) - 1
        } else {
            let xy = 1 - (upper - x) / range
            let val = 2 * (1 - u) + 2 * (u - 0.5) * DistributionPower.power(xy, eta + 1)
            deltaQ = 1 - pow(val, exponent)
        }
        return Swift.min(Swift.max(x + deltaQ * range, lower), upper)
    }
}
