/// Unbiased stochastic rounding: `x` becomes ⌊x⌋ + 1 with probability x − ⌊x⌋, else ⌊x⌋, so
/// the expected rounded value is `x` (Gupta et al. 2015, "Deep learning with limited numerical
/// precision", ICML). Used to bring relaxed integer children back onto their grid without the
/// bias of nearest rounding towards the middle of each cell.
public enum StochasticRounding {
    /// Rounds `x` with the uniform draw `u` ∈ [0, 1).
    /// - Complexity: O(1).
    @inlinable
    public static func round(_ x: Double, u: Double) -> Double {
        let f = x.rounded(.down)
        return u < x - f ? f + 1 : f
    }
}
