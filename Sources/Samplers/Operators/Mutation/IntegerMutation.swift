import Hyperfront

/// Mutation for ints and ordinal choices: polynomial mutation (Deb & Goyal 1996) of the
/// relaxed gene, stochastic rounding back onto the grid, and — when that lands on the parent's
/// own value — a step to the neighbouring grid value in the direction of the perturbation, so
/// a mutated integer always changes.
public struct IntegerMutation: Sendable, Hashable {
    public let polynomial: PolynomialMutation

    public init(eta: Double) { polynomial = PolynomialMutation(eta: eta) }

    /// Mutates an integer gene in place (draws: perturbation, rounding).
    @inlinable
    public func mutate(_ g: inout Double, coding: GeneCoding, using rng: inout some RandomNumberGenerator) {
        let u = rng.nextUnit()
        let relaxed = PolynomialMutation.mutant(g, lower: coding.lower, upper: coding.upper, eta: polynomial.eta, u: u)
        let snapped = coding.snap(relaxed, u: rng.nextUnit())
        g = snapped == g ? coding.neighbor(of: g, direction: u <= 0.5 ? -1 : 1) : snapped
    }
}
