/// Quality indicators of an approximation set A against a reference set R (minimisation), with
/// moocore's definitions (moocore `igd`, `igd_plus`, `epsilon_additive`) and Zitzler's coverage.
/// Both sets are flat row-major `PointSet`s of the same dimension; neither is mutated.
///
/// - IGD(A, R)  = (1/|R|) Σ_{r∈R} min_{a∈A} ‖a − r‖₂
///   (Coello Coello, C. A., Reyes Sierra, M. (2004). A study of the parallelization of a
///   coevolutionary multi-objective evolutionary algorithm. MICAI 2004, LNCS 2972, 688–697.)
/// - IGD⁺(A, R) = (1/|R|) Σ_{r∈R} min_{a∈A} √(Σ_k max(a_k − r_k, 0)²)
///   (Ishibuchi, H., Masuda, H., Tanigaki, Y., Nojima, Y. (2015). Modified distance calculation
///   in generational distance and inverted generational distance. EMO 2015, LNCS 9019, 110–125.)
/// - ε⁺(A, R)   = max_{r∈R} min_{a∈A} max_k (a_k − r_k)
///   (Zitzler, E., Thiele, L., Laumanns, M., Fonseca, C. M., da Fonseca, V. G. (2003).
///   Performance assessment of multiobjective optimizers: an analysis and review. IEEE Trans.
///   Evol. Comput. 7(2), 117–132.)
/// - C(A, B)    = |{b ∈ B : ∃ a ∈ A, a ≦ b}| / |B|, the fraction of B weakly dominated by A
///   (Zitzler, E., Thiele, L. (1999). Multiobjective evolutionary algorithms: a comparative case
///   study and the strength Pareto approach. IEEE Trans. Evol. Comput. 3(4), 257–271.)
///
/// Lower is better for IGD, IGD⁺ and ε⁺; C(A, B) near 1 means A covers B.
public enum Indicators {
    /// Inverted generational distance of `approximation` to `reference`.
    /// - Complexity: O(|A| |R| M).
    /// - Precondition: same dimension; `approximation` non-empty.
    public static func igd(_ approximation: PointSet, reference: PointSet) -> Double {
        meanOfMinimum(approximation, reference) { a, r in
            let t = a - r
            return t * t
        }
    }

    /// IGD⁺: like IGD, but only the objectives where the approximation point is worse count.
    /// - Complexity: O(|A| |R| M).
    /// - Precondition: same dimension; `approximation` non-empty.
    public static func igdPlus(_ approximation: PointSet, reference: PointSet) -> Double {
        meanOfMinimum(approximation, reference) { a, r in
            let t = a > r ? a - r : 0
            return t * t
        }
    }

    /// Additive epsilon: the smallest ε such that every reference point is weakly dominated by
    /// some approximation point translated by −ε in every objective.
    /// - Complexity: O(|A| |R| M).
    /// - Precondition: same dimension; both sets non-empty.
    public static func additiveEpsilon(_ approximation: PointSet, reference: PointSet) -> Double {
        precondition(approximation.dimension == reference.dimension, "dimension mismatch")
        precondition(!approximation.isEmpty && !reference.isEmpty, "empty set")
        let d = approximation.dimension
        let na = approximation.count, nr = reference.count
        var worst = -Double.infinity
        approximation.values.withUnsafeBufferPointer { a in
            reference.values.withUnsafeBufferPointer { r in
                for j in 0..<nr {
                    let rb = j &* d
                    var best = Double.infinity
                    for i in 0..<na {
                        let ab = i &* d
                        var e = -Double.infinity
                        for k in 0..<d {
                            let t = a[ab &+ k] - r[rb &+ k]
                            if t > e { e = t }
                            if e >= best { break }
                        }
                        if e < best { best = e }
                    }
                    if best > worst { worst = best }
                }
            }
        }
        return worst
    }

    /// Coverage C(A, B): the fraction of `b` weakly dominated by at least one point of `a`.
    /// - Complexity: O(|A| |B| M).
    /// - Precondition: same dimension; `b` non-empty.
    public static func coverage(_ a: PointSet, _ b: PointSet) -> Double {
        precondition(a.dimension == b.dimension, "dimension mismatch")
        precondition(!b.isEmpty, "empty set B")
        let d = a.dimension
        let na = a.count, nb = b.count
        var covered = 0
        a.values.withUnsafeBufferPointer { av in
            b.values.withUnsafeBufferPointer { bv in
                for j in 0..<nb {
                    let bb = j &* d
                    for i in 0..<na {
                        let ab = i &* d
                        var k = 0
                        while k < d && av[ab &+ k] <= bv[bb &+ k] { k &+= 1 }
                        if k == d { covered &+= 1; break }
                    }
                }
            }
        }
        return Double(covered) / Double(nb)
    }

    @inline(__always)
    private static func meanOfMinimum(_ approximation: PointSet, _ reference: PointSet,
                                      _ term: (Double, Double) -> Double) -> Double {
        precondition(approximation.dimension == reference.dimension, "dimension mismatch")
        precondition(!approximation.isEmpty, "empty approximation set")
        let d = approximation.dimension
        let na = approximation.count, nr = reference.count
        if nr == 0 { return 0 }
        var sum = 0.0
        approximation.values.withUnsafeBufferPointer { a in
            reference.values.withUnsafeBufferPointer { r in
                for j in 0..<nr {
                    let rb = j &* d
                    var best = Double.infinity
                    for i in 0..<na {
                        let ab = i &* d
                        var s = 0.0
                        for k in 0..<d { s += term(a[ab &+ k], r[rb &+ k]) }
                        if s < best { best = s }
                    }
                    sum += best.squareRoot()
                }
            }
        }
        return sum / Double(nr)
    }
}
