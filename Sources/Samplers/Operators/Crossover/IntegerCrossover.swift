import Hyperfront

/// Crossover for ints and ordinal choices: SBX on the continuous relaxation of the gene (grid
/// index, or log value for log-scaled ints), then stochastic rounding back onto the grid, so
/// both children are valid values (Deb & Agrawal 1995 for SBX; rounding after relaxation as in
/// Deep, Singh, Kansal & Mohan 2009, "A real coded genetic algorithm for solving integer and
/// mixed integer optimization problems").
public struct IntegerCrossover: Sendable, Hashable {
    public let sbx: SimulatedBinaryCrossover

    public init(eta: Double, variableProbability: Double = 0.5) {
        sbx = SimulatedBinaryCrossover(eta: eta, variableProbability: variableProbability)
    }

    /// Recombines one integer gene of two parents in place; children stay on the grid.
    @inlinable
    public func cross(_ a: inout Double, _ b: inout Double, coding: GeneCoding,
                      using rng: inout some RandomNumberGenerator) {
        guard rng.nextUnit() < sbx.variableProbability else { return }
        let u = rng.nextUnit()
        let swap = rng.nextUnit() < 0.5
        let (c1, c2) = SimulatedBinaryCrossover.children(a, b, lower: coding.lower, upper: coding.upper, eta: sbx.eta, u: u)
        let r1 = coding.snap(c1, u: rng.nextUnit()), r2 = coding.snap(c2, u: rng.nextUnit())
        if swap { a = r2; b = r1 } else { a = r1; b = r2 }
    }
}
