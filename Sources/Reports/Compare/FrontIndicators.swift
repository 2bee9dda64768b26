import Pareto

/// Quality indicators of a point set against a reference set (minimisation), with the
/// definitions of moocore (López-Ibáñez et al., moocore: core algorithms for multi-objective
/// optimization) so results agree with it to rounding:
/// - IGD: mean over reference points of the Euclidean distance to the nearest point
///   (Coello & Reyes Sierra 2004);
/// - IGD+: the same with d⁺(a, r) = ‖max(a − r, 0)‖ (Ishibuchi et al. 2015, EMO);
/// - additive ε: the smallest ε such that every reference point is weakly dominated by some
///   point moved by −ε, i.e. max over r of min over a of max over k of (aₖ − rₖ)
///   (Zitzler et al. 2003, IEEE TEVC 7(2));
/// - coverage C(A, B): the fraction of B's points weakly dominated by some point of A
///   (Zitzler & Thiele 1999, IEEE TEVC 3(4)).
///
/// Kept inside Reports until the Pareto module's `Indicators` is merged.
enum FrontIndicators {
    /// - Complexity: O(|A|·|R|·M).
    static func igd(_ a: [[Double]], reference r: [[Double]]) -> Double {
        guard !a.isEmpty, !r.isEmpty else { return .infinity }
        var sum = 0.0
        for q in r {
            var best = Double.infinity
            for p in a {
                var s = 0.0
                for k in q.indices { let d = p[k] - q[k]; s += d * d }
                best = min(best, s)
            }
            sum += best.squareRoot()
        }
        return sum / Double(r.count)
    }

    /// - Complexity: O(|A|·|R|·M).
    static func igdPlus(_ a: [[Double]], reference r: [[Double]]) -> Double {
        guard !a.isEmpty, !r.isEmpty else { return .infinity }
        var sum = 0.0
        for q in r {
            var best = Double.infinity
            for p in a {
                var s = 0.0
                for k in q.indices { let d = max(p[k] - q[k], 0); s += d * d }
                best = min(best, s)
            }
            sum += best.squareRoot()
        }
        return sum / Double(r.count)
    }

    /// - Complexity: O(|A|·|R|·M).
    static func epsilonAdditive(_ a: [[Double]], reference r: [[Double]]) -> Double {
        guard !a.isEmpty, !r.isEmpty else { return .infinity }
        var worst = -Double.infinity
        for q in r {
            var best = Double.infinity
            for p in a {
                var e = -Double.infinity
                for k in q.indices { e = max(e, p[k] - q[k]) }
                best = min(best, e)
            }
            worst = max(worst, best)
        }
        return worst
    }

    /// C(A, B). - Complexity: O(|A|·|B|·M).
    static func coverage(_ a: [[Double]], _ b: [[Double]]) -> Double {
        guard !b.isEmpty else { return 0 }
        let covered = b.filter { q in a.contains { Dominance.weaklyDominates($0, q) } }.count
        return Double(covered) / Double(b.count)
    }
}
