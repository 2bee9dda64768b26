import Hyperfront

extension BudgetModel {
    /// The configuration nearest to `c` that meets every budget: minimum `distance(_:_:)`
    /// over the budgeted discrete parameters, continuous and other parameters untouched
    /// (parameters whose activity changes are emptied or drawn from `rng`).
    ///
    /// Ties are broken by a random perturbation of the costs smaller than one step, so
    /// repairs of the same configuration spread over the equally near ones. When `c` (or its
    /// repair) would repeat a configuration in `avoiding` — same continuous and other values,
    /// same budgeted choices — no-good cuts exclude those, as long as something else fits.
    /// A `c` that already fits and is not avoided is returned unchanged.
    /// - Complexity: one integer program over Σ values + Σ table cells variables.
    public func repair(_ c: Configuration, avoiding: [Configuration] = [],
                       using rng: inout some RandomNumberGenerator) throws(BudgetModelError) -> Configuration {
        guard c.count == space.count else {
            throw .invalidConfiguration("it has \(c.count) values, the space has \(space.count) parameters")
        }
        guard isActive else { return c }
        // Avoided configurations that differ from `c` only in the budgeted parameters.
        let budgeted = Set(parameters.map(\.index))
        let rest = (0..<space.count).filter { !budgeted.contains($0) }
        func sameRest(_ a: Configuration) -> Bool {
            a.count == space.count && rest.allSatisfy { a[$0] == c[$0] || (a[$0].isNaN && c[$0].isNaN) }
        }
        let clashes = avoiding.filter(sameRest)
        if fits(c) && !clashes.contains(c) { return c }

        var program = program(budgets: Array(budgets.indices))
        let epsilon = 0.49 / Double(Swift.max(1, parameters.count))
        for p in parameters {
            let target = p.state(of: c[p.index])
            for s in 0..<p.stateCount {
                program.variables[p.firstVariable + s].cost = Double(p.distance(target, s)) + epsilon * rng.nextUnit()
            }
        }
        var cuts: [MixedIntegerProgram.Constraint] = []
        for a in clashes {
            let s = parameters.map { $0.state(of: a[$0.index]) }
            if s.allSatisfy({ $0 != nil }) { cuts.append(noGood(s.map { $0! })) }
        }
        var found: [Int]? = nil
        do throws(BudgetModelError) {
            if !cuts.isEmpty {
                var withCuts = program
                withCuts.constraints += cuts
                found = try solveStates(withCuts, verify: true)
            }
            if found == nil { found = try solveStates(program, verify: true) }
        } catch {
            // No point within the work limit: the greedy fallback, deterministic as well.
            guard case .workLimit = error, let greedy = greedyStates(from: c) else { throw error }
            found = greedy
        }
        guard let states = found else {
            try checkSatisfiable()
            throw .jointlyImpossible(constraints: budgets.map(\.description))
        }
        var out = apply(states, to: c)
        space.normalize(&out) { i in space[i].domain.sample(using: &rng) }
        return out
    }
}
