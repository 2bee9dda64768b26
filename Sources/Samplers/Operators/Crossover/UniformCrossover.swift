import Hyperfront
/// Uniform crossover for categorical choices (Syswerda 1989, "Uniform crossover in genetic
/// algorithms"): the two children exchange a value with probability `swapProbability`.
public struct UniformCrossover: Sendable, Hashable {
    public let swapProbability: Double

    /// - Precondition: `0 <= swapProbability <= 1`.
    public init(swapProbability: Double = 0.5) {
        precondition((0...1).contains(swapProbability), "uniform crossover swap probability must lie in [0, 1]")
        self.swapProbability = swapProbability
    }

    /// Exchanges `a` and `b` with probability `swapProbability` (one draw).
    @inlinable
    public func cross(_ a: inout Double, _ b: inout Double, using rng: inout some RandomNumberGenerator) {
        if rng.nextUnit() < swapProbability { swap(&a, &b) }
    }
}
