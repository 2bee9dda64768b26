import Hyperfront

extension BudgetModel {
    /// The structure plus the rows of the given budgets.
    func program(budgets selected: [Int]) -> MixedIntegerProgram {
        var p = structure
        for b in selected {
            let c = budgets[b], r = linear[budgetResource[b]]!
            // Rows are scaled by the largest coefficient; the right-hand side is clipped where
            // the row can no longer bind (its activity is at most one cell per table).
            let rhs = Swift.min(Swift.max((c.bound - r.constant) / r.scale, -1e14), 1e14)
            let tol = 1e-9 * Swift.max(1, abs(rhs))
            switch c.kind {
            case .atMost: p.addConstraint(r.terms, upper: rhs + tol)
            case .atLeast: p.addConstraint(r.terms, lower: rhs - tol)
            }
        }
        return p
    }

    /// The state chosen for each parameter in a solver point.
    func states(_ x: [Double]) -> [Int] {
        parameters.map { p in
            var best = 0
            for s in 0..<p.stateCount where x[p.firstVariable + s] > x[p.firstVariable + best] { best = s }
            return best
        }
    }

    /// `base` with the program's parameters set to `states` (inactive ones NaN).
    func apply(_ states: [Int], to base: Configuration) -> Configuration {
        var c = base
        for (p, s) in zip(parameters, states) { c[p.index] = p.value(ofState: s) }
        return c
    }

    /// A row that excludes one joint state of the program's parameters (a no-good or
    /// canonical cut: Balas & Jeroslow, "Canonical cuts on the unit hypercube", SIAM J. Appl.
    /// Math. 23, 1972).
    func noGood(_ states: [Int]) -> MixedIntegerProgram.Constraint {
        .init(terms: zip(parameters, states).map { .init($0.firstVariable + $1, 1) },
              lower: -.infinity, upper: Double(parameters.count - 1))
    }

    /// Solves `program` and returns the chosen states; when `verify` is set, a point that does
    /// not fit by the formulas' own arithmetic (rounding in the sum of terms) is cut off and
    /// the program solved again. Nil when no point exists.
    ///
    /// The search is limited by `nodes` (default `nodeLimit`): deterministic, so the answer is
    /// the same however busy the machine; reaching it without a point throws `.workLimit`.
    /// The wall-clock safety net (`safetySeconds`) throws rather than answer differently.
    func solveStates(_ program: MixedIntegerProgram, verify: Bool, nodes: Int? = nil) throws(BudgetModelError) -> [Int]? {
        var program = program
        let limits = SolveLimits(nodes: nodes ?? nodeLimit, seconds: safetySeconds, cancellation: cancellation)
        for _ in 0..<32 {
            if cancellation?.isCancelled == true { throw .cancelled }
            let solution: MixedIntegerSolution
            do { solution = try program.solve(limits: limits) } catch {
                throw .solverFailed("invalid integer program: \(error)")
            }
            switch solution.status {
            case .feasible(stoppedBy: .timeLimit), .timeLimitWithoutSolution:
                throw .solverFailed("it took longer than \(formatNumber(safetySeconds)) seconds (the safety limit); relax a budget, or narrow the choices of the parameters it depends on")
            case .workLimitWithoutSolution:
                throw .workLimit(nodes: limits.nodes ?? 0)
            case .cancelled:
                throw .cancelled
            case .optimal, .feasible:
                let s = states(solution.values)
                let nan = Configuration([Double](repeating: .nan, count: space.count))
                if !verify || fits(apply(s, to: nan)) { return s }
                program.constraints.append(noGood(s))
            case .infeasible:
                return nil
            case .unbounded, .failed:
                throw .solverFailed(solution.status.description)
            }
        }
        throw .solverFailed("the solver's points kept breaking the budgets by rounding")
    }

    /// The active program parameters of `c`, decoded: `layers=1, units=16`.
    func describe(_ c: Configuration) -> String {
        parameters.compactMap { p in
            c[p.index].isNaN ? nil : "\(space[p.index].name)=\(space[p.index].domain.decode(c[p.index]))"
        }.joined(separator: ", ")
    }
}
