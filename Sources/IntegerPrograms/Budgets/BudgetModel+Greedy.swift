import Hyperfront

extension BudgetModel {
    /// A deterministic fallback for when an integer program reaches its work limit without a
    /// point: from `c`, moves one budgeted parameter at a time to the state that lowers the
    /// total budget violation most (ties: the move nearer to `c`, then the earlier parameter
    /// and state), until every budget is met; when that stalls, it starts again from the
    /// configuration with every budgeted parameter at its first (smallest) value, so it always
    /// finds that configuration when it fits. Nil when neither search reaches a fit.
    ///
    /// Parameters whose activity a move changes are emptied or set to their first value, so
    /// the result depends on `c` alone.
    /// - Complexity: O(moves × Σ states × formula size) evaluations; at most
    ///   `4 × Σ states` moves per start.
    func greedyStates(from c: Configuration) -> [Int]? {
        func settle(_ states: [Int]) -> (Configuration, Double) {
            var x = apply(states, to: c)
            space.normalize(&x) { i in space[i].domain.clamp(-.infinity) }
            return (x, violation(x))
        }
        let target = parameters.map { $0.state(of: c[$0.index]) }
        let totalStates = parameters.reduce(0) { $0 + $1.stateCount }
        func descend(from start: [Int]) -> [Int]? {
            var current = start
            var (x, v) = settle(current)
            for _ in 0..<(4 * totalStates + 1) {
                if v == 0 { return parameters.map { $0.state(of: x[$0.index]) ?? 0 } }
                var best: (violation: Double, distance: Int, p: Int, s: Int)? = nil
                for (k, p) in parameters.enumerated() {
                    for s in 0..<p.stateCount where s != current[k] {
                        var next = current
                        next[k] = s
                        let (_, w) = settle(next)
                        guard w < v else { continue }
                        let d = p.distance(target[k], s)
                        if let b = best, (b.violation, b.distance) <= (w, d) { continue }
                        best = (w, d, k, s)
                    }
                }
                guard let best else { return nil }
                current[best.p] = best.s
                (x, v) = settle(current)
            }
            return nil
        }
        if let found = descend(from: target.map { $0 ?? 0 }) { return found }
        return descend(from: [Int](repeating: 0, count: parameters.count))
    }

    /// Σ over budgets of their relative violation by `c` (infinite for a non-finite value).
    func violation(_ c: Configuration) -> Double {
        var total = 0.0
        for (b, r) in zip(budgets, budgetResource) {
            let v = resources[r].value(c, in: space)
            total += v.isFinite ? b.violation(v) : .infinity
        }
        return total
    }
}
