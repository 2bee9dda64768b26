/// Dominance with per-objective tolerances (ε-dominance: Laumanns, Thiele, Deb & Zitzler 2002,
/// "Combining convergence and diversity in evolutionary multiobjective optimization",
/// Evolutionary Computation 10(3)), here with an additive tolerance per objective that may
/// grow with the values compared:
///
///     ε_k(a, b) = absolute_k + relative_k · max(|a_k|, |b_k|)
///
/// On minimised objectives, `a` ε-dominates `b` when a_k ≤ b_k + ε_k for every k (at least as
/// good within the tolerance) and a_k < b_k − ε_k for some k (better beyond it). With every
/// tolerance 0 this is Pareto dominance. The tolerance is symmetric in a and b, so two points
/// never ε-dominate each other.
public struct EpsilonDominance: Sendable, Equatable {
    /// Per objective: an amount in the objective's unit.
    public let absolute: [Double]
    /// Per objective: a fraction of the larger magnitude of the two values compared.
    public let relative: [Double]

    public init(absolute: [Double], relative: [Double]) {
        precondition(absolute.count == relative.count, "one absolute and one relative tolerance per objective")
        precondition(absolute.allSatisfy { $0 >= 0 } && relative.allSatisfy { $0 >= 0 }, "tolerances are at least 0")
        self.absolute = absolute
        self.relative = relative
    }

    /// Whether every tolerance is 0 (ε-dominance is then Pareto dominance).
    public var isZero: Bool { absolute.allSatisfy { $0 == 0 } && relative.allSatisfy { $0 == 0 } }

    @inlinable
    func epsilon(_ k: Int, _ a: Double, _ b: Double) -> Double {
        relative[k] == 0 ? absolute[k] : absolute[k] + relative[k] * Swift.max(Swift.abs(a), Swift.abs(b))
    }

    /// Whether `a` ε-dominates `b` (both minimised, of the tolerances' dimension).
    /// - Complexity: O(m).
    public func dominates(_ a: some Collection<Double>, _ b: some Collection<Double>) -> Bool {
        var beyond = false
        for (k, (x, y)) in zip(a, b).enumerated() {
            let e = epsilon(k, x, y)
            if x > y + e { return false }
            if x < y - e { beyond = true }
        }
        return beyond
    }

    /// The points of a front to keep under ε-dominance, in the given order (indices into
    /// `front`, ascending). A point that no other point of `front` ε-dominates is kept; the
    /// others are visited in `front`'s order and kept only when no point kept so far
    /// ε-dominates them. So every point left out is ε-dominated by a kept one, and the result
    /// is never empty for a non-empty front (ε-dominance can cycle with three or more
    /// objectives, where the first rule alone would keep nothing).
    /// - Complexity: O(n² · m) for n points of m objectives.
    public func reduce(_ front: PointSet) -> [Int] {
        precondition(front.dimension == absolute.count || front.isEmpty, "one tolerance per objective")
        let n = front.count
        if isZero || n < 2 { return Array(0..<n) }
        var dominated = [Bool](repeating: false, count: n)
        for b in 0..<n {
            for a in 0..<n where a != b && dominates(front[a], front[b]) { dominated[b] = true; break }
        }
        var kept = (0..<n).filter { !dominated[$0] }
        var keep = [Bool](repeating: false, count: n)
        for i in kept { keep[i] = true }
        for b in 0..<n where dominated[b] {
            if !kept.contains(where: { dominates(front[$0], front[b]) }) { kept.append(b); keep[b] = true }
        }
        return (0..<n).filter { keep[$0] }
    }
}
