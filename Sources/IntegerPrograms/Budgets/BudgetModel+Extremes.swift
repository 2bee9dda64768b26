import Hyperfront

extension BudgetModel {
    /// Extreme configurations that meet every budget: for each budgeted resource, the one
    /// where it is smallest and the one where it is largest (duplicates removed). Parameters
    /// outside the budgets are drawn from `rng`. Empty when nothing fits or no budget exists.
    ///
    /// Each extreme's program may create `extremeNodeLimit` branch-and-bound nodes (a
    /// deterministic limit): a solve stopped by it gives the best configuration found so far,
    /// and one that found none skips that extreme — for seeding, where a near-extreme serves
    /// as well. `timeLimit` is accepted for source compatibility and not used: a wall-clock
    /// limit would make the seeds depend on the machine's load.
    public func extremes(using rng: inout some RandomNumberGenerator, timeLimit: Double? = nil) throws(BudgetModelError) -> [Configuration] {
        var out: [Configuration] = []
        for r in Array(Set(budgetResource)).sorted() {
            for sense in [MixedIntegerProgram.Sense.minimize, .maximize] {
                var program = program(budgets: Array(budgets.indices))
                program.sense = sense
                for t in linear[r]!.terms { program.variables[t.variable].cost = t.coefficient }
                let found: [Int]?
                do { found = try solveStates(program, verify: true, nodes: extremeNodeLimit) } catch {
                    if case .workLimit = error { continue }
                    throw error
                }
                guard let states = found else { return out }
                var c = apply(states, to: space.sample(using: &rng))
                space.normalize(&c) { i in space[i].domain.sample(using: &rng) }
                if !out.contains(c) { out.append(c) }
            }
        }
        return out
    }

    /// Throws, before any trial runs, when no configuration meets the budgets: for a budget
    /// that cannot be met alone, the error gives the best value any configuration reaches and
    /// that configuration ("no configuration fits params ≤ 1000: the smallest needs 2,410
    /// (layers=1, units=16)").
    public func checkSatisfiable() throws(BudgetModelError) {
        guard isActive else { return }
        let nan = Configuration([Double](repeating: .nan, count: space.count))
        for (b, c) in budgets.enumerated() {
            var program = structure
            program.sense = c.kind == .atMost ? .minimize : .maximize
            for t in linear[budgetResource[b]]!.terms { program.variables[t.variable].cost = t.coefficient }
            let found: [Int]?
            do { found = try solveStates(program, verify: false) } catch {
                // Not proven either way within the work limit: the joint check below decides.
                if case .workLimit = error { continue }
                throw error
            }
            guard let states = found else {
                throw .solverFailed("the search space's conditions admit no configuration")
            }
            let best = apply(states, to: nan)
            let value = resources[budgetResource[b]].value(best, in: space)
            if !value.isFinite || c.violation(value) > 0 {
                throw .impossible(constraint: c.description, best: value, smallest: c.kind == .atMost, example: describe(best))
            }
        }
        let joint: [Int]?
        do { joint = try solveStates(program(budgets: Array(budgets.indices)), verify: true) } catch {
            guard case .workLimit = error else { throw error }
            let nan = Configuration([Double](repeating: .nan, count: space.count))
            if greedyStates(from: nan) != nil { return }
            throw error
        }
        if joint == nil {
            throw .jointlyImpossible(constraints: budgets.map(\.description))
        }
    }
}
