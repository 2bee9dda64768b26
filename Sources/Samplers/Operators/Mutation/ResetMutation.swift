import Hyperfront
/// Random-reset mutation for categorical choices (Eiben & Smith 2015, "Introduction to
/// Evolutionary Computing", §4.3): the value is replaced by another choice drawn uniformly.
public struct ResetMutation: Sendable, Hashable {
    public init() {}

    /// Replaces choice index `k` of `count` choices with a different one (one draw).
    @inlinable
    public func mutate(_ k: inout Double, count: Int, using rng: inout some RandomNumberGenerator) {
        guard count > 1 else { return }
        k = Self.reset(k, count: count, u: rng.nextUnit())
    }

    /// The choice that replaces index `k` for the uniform draw `u` ∈ [0, 1): uniform over the
    /// `count − 1` other indices.
    /// - Complexity: O(1).
    @inlinable
    public static func reset(_ k: Double, count: Int, u: Double) -> Double {
        var r = Double(Swift.min(Int(u * Double(count - 1)), count - 2))
        if r >= k { r += 1 }
        return r
    }
}
