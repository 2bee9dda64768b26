/// Pareto dominance for minimisation, and Deb's constrained dominance.
///
/// Deb, K. (2000). An efficient constraint handling method for genetic algorithms.
/// Computer Methods in Applied Mechanics and Engineering 186, 311–338.
public enum Dominance: Sendable, Equatable {
    case dominates, dominated, nondominated, equal

    /// Compares two points of the same dimension (minimisation).
    @inlinable
    public static func compare(_ a: some Collection<Double>, _ b: some Collection<Double>) -> Dominance {
        var better = false, worse = false
        for (x, y) in zip(a, b) {
            if x < y { better = true } else if y < x { worse = true }
            if better && worse { return .nondominated }
        }
        if better { return .dominates }
        if worse { return .dominated }
        return .equal
    }

    /// Constrained dominance (Deb's feasibility rules): a feasible point (violation 0) beats an
    /// infeasible one; of two infeasible points the smaller total violation wins; two feasible
    /// points compare by Pareto dominance.
    @inlinable
    public static func compare(_ a: some Collection<Double>, violation va: Double,
                               _ b: some Collection<Double>, violation vb: Double) -> Dominance {
        let fa = va <= 0, fb = vb <= 0
        if fa && fb { return compare(a, b) }
        if fa { return .dominates }
        if fb { return .dominated }
        if va < vb { return .dominates }
        if vb < va { return .dominated }
        return .equal
    }

    /// `true` when `a` Pareto-dominates `b` (minimisation): no worse everywhere, better somewhere.
    @inlinable
    public static func dominates(_ a: some Collection<Double>, _ b: some Collection<Double>) -> Bool {
        compare(a, b) == .dominates
    }

    /// `true` when `a` weakly dominates `b`: no worse in every objective.
    @inlinable
    public static func weaklyDominates(_ a: some Collection<Double>, _ b: some Collection<Double>) -> Bool {
        for (x, y) in zip(a, b) where x > y { return false }
        return true
    }
}
