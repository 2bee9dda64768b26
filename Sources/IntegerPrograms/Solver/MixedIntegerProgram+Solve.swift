internal import CGLPK

extension MixedIntegerProgram {
    /// Solves the program with GLPK's branch-and-cut (`glp_intopt`, presolver on, no output).
    ///
    /// - Parameters:
    ///   - timeLimit: seconds, or nil for no limit.
    ///   - mipGap: relative gap at which to stop (0: prove optimality).
    /// - Returns: the status and, when a point is known, the point. A point GLPK reports is
    ///   re-checked against every bound, integrality and constraint before it is returned.
    /// - Throws: `MixedIntegerProgramError` when the model or a setting is invalid (nothing is
    ///   passed to GLPK then).
    /// - Complexity: validation O(variables + nonzeros); the solve itself is NP-hard in general.
    public func solve(timeLimit: Double? = nil, mipGap: Double = 0) throws(MixedIntegerProgramError) -> MixedIntegerSolution {
        try solve(limits: SolveLimits(seconds: timeLimit), mipGap: mipGap)
    }

    /// Solves the program within `limits` (see `SolveLimits`: a node limit stops the search
    /// deterministically, with `.feasible(stoppedBy: .workLimit)` or `.workLimitWithoutSolution`;
    /// a cancelled flag stops it with `.cancelled`).
    public func solve(limits: SolveLimits, mipGap: Double = 0) throws(MixedIntegerProgramError) -> MixedIntegerSolution {
        try validate()
        try Self.validateSettings(timeLimit: limits.seconds, mipGap: mipGap)
        if let n = limits.nodes, n < 1 {
            throw .invalidSetting(name: "nodes", reason: "must be at least 1 (or nil for no limit), found \(n)")
        }
        if limits.cancellation?.isCancelled == true { return MixedIntegerSolution(status: .cancelled) }
        return solveValidated(limits: limits, mipGap: mipGap)
    }

    /// Solves with the presolver; a point that fails the re-check (GLPK 5.0's MIP presolver
    /// can return one, e.g. for a singleton row that leaves an integer column no whole value)
    /// is discarded and the program solved again from the LP relaxation without presolving.
    func solveValidated(limits: SolveLimits, mipGap: Double) -> MixedIntegerSolution {
        let first = solveValidated(limits: limits, mipGap: mipGap, presolve: true)
        guard case .failed = first.status else { return first }
        return solveValidated(limits: limits, mipGap: mipGap, presolve: false)
    }

    func solveValidated(limits: SolveLimits, mipGap: Double, presolve: Bool) -> MixedIntegerSolution {
        if variables.isEmpty {
            // Nothing to decide: every row's activity is 0.
            let feasible = constraints.allSatisfy { $0.lower <= 0 && 0 <= $0.upper }
            return feasible ? MixedIntegerSolution(status: .optimal, values: [], objective: objectiveConstant)
                            : MixedIntegerSolution(status: .infeasible)
        }
        let problem = GLPKProblem()
        let lp = problem.handle
        glp_set_obj_dir(lp, sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(lp, 0, objectiveConstant)
        if !constraints.isEmpty {
            _ = glp_add_rows(lp, Int32(constraints.count))
            for (i, row) in constraints.enumerated() {
                let (type, lo, hi) = Self.boundType(row.lower, row.upper)
                glp_set_row_bnds(lp, Int32(i + 1), type, lo, hi)
            }
        }
        _ = glp_add_cols(lp, Int32(variables.count))
        for (j, v) in variables.enumerated() {
            let col = Int32(j + 1)
            glp_set_col_kind(lp, col, v.kind == .continuous ? GLP_CV : GLP_IV)
            let (type, lo, hi) = Self.boundType(v.lower, v.upper)
            glp_set_col_bnds(lp, col, type, lo, hi)
            if v.cost != 0 { glp_set_obj_coef(lp, col, v.cost) }
        }
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (i, row) in constraints.enumerated() {
            for t in row.terms where t.coefficient != 0 {
                ia.append(Int32(i + 1)); ja.append(Int32(t.variable + 1)); ar.append(t.coefficient)
            }
        }
        if ia.count > 1 { glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar) }

        var ms: Int32? = nil
        if let t = limits.seconds {
            let v = (t * 1000).rounded(.up)
            ms = v >= Double(Int32.max) ? Int32.max : Int32(v)
        }
        if !presolve {
            // glp_intopt without its presolver needs an optimal LP basis first.
            var smcp = glp_smcp()
            glp_init_smcp(&smcp)
            smcp.msg_lev = GLP_MSG_OFF
            smcp.presolve = GLP_OFF
            if let ms { smcp.tm_lim = ms }
            let rc = glp_simplex(lp, &smcp)
            switch (rc, glp_get_status(lp)) {
            case (0, GLP_OPT): break
            case (0, GLP_NOFEAS): return MixedIntegerSolution(status: .infeasible)
            case (0, GLP_UNBND): return unboundedOrInfeasible(limits: limits)
            case (GLP_ETMLIM, _): return MixedIntegerSolution(status: .timeLimitWithoutSolution)
            case (let rc, let st): return MixedIntegerSolution(status: .failed("GLPK's simplex returned code \(rc) with status \(st)"))
            }
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        parm.msg_lev = GLP_MSG_OFF
        parm.mip_gap = mipGap
        if let ms { parm.tm_lim = ms }
        let control = SearchControl(nodeLimit: limits.nodes, cancellation: limits.cancellation)
        if limits.nodes != nil || limits.cancellation != nil {
            parm.cb_func = { tree, info in
                guard let tree, let info else { return }
                let control = Unmanaged<SearchControl>.fromOpaque(info).takeUnretainedValue()
                if control.cancellation?.isCancelled == true {
                    control.cancelled = true
                    glp_ios_terminate(tree)
                    return
                }
                var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
                glp_ios_tree_size(tree, &active, &current, &total)
                if Int(total) > control.nodeLimit {
                    control.stoppedByWork = true
                    glp_ios_terminate(tree)
                }
            }
            parm.cb_info = Unmanaged.passUnretained(control).toOpaque()
        }
        let rc = withExtendedLifetime(control) { glp_intopt(lp, &parm) }
        let mip = glp_mip_status(lp)
        if control.cancelled { return MixedIntegerSolution(status: .cancelled) }
        let point: () -> [Double] = { (0..<variables.count).map { glp_mip_col_val(lp, Int32($0 + 1)) } }

        let status: MixedIntegerSolution.Status
        switch (rc, mip) {
        case (0, GLP_OPT): status = .optimal
        case (0, GLP_NOFEAS), (GLP_ENOPFS, _): status = .infeasible
        case (GLP_ETMLIM, GLP_FEAS): status = .feasible(stoppedBy: .timeLimit)
        case (GLP_ETMLIM, _): status = .timeLimitWithoutSolution
        case (GLP_EMIPGAP, GLP_FEAS): status = .feasible(stoppedBy: .mipGap)
        case (GLP_ESTOP, GLP_FEAS) where control.stoppedByWork: status = .feasible(stoppedBy: .workLimit)
        case (GLP_ESTOP, _) where control.stoppedByWork: status = .workLimitWithoutSolution
        case (GLP_ENODFS, _):
            return unboundedOrInfeasible(limits: limits)
        default:
            status = .failed("GLPK returned code \(rc) with MIP status \(mip)")
        }
        switch status {
        case .optimal, .feasible:
            var x = point()
            if let problem = check(&x) { return MixedIntegerSolution(status: .failed(problem)) }
            return MixedIntegerSolution(status: status, values: x, objective: objectiveValue(x))
        default:
            return MixedIntegerSolution(status: status)
        }
    }

    /// The LP relaxation has no dual feasible point: the program is unbounded when it has a
    /// feasible point at all (rational data: Meyer, "On the existence of optimal solutions to integer and mixed-integer
    /// programming problems", Mathematical Programming 7, 1974), else infeasible.
    func unboundedOrInfeasible(limits: SolveLimits) -> MixedIntegerSolution {
        var feasibility = self
        for j in feasibility.variables.indices { feasibility.variables[j].cost = 0 }
        let f = feasibility.solveValidated(limits: limits, mipGap: 0)
        switch f.status {
        case .optimal, .feasible: return MixedIntegerSolution(status: .unbounded)
        default: return f
        }
    }

    /// GLPK's bound type for an interval (`GLP_FX` for equal bounds, as `GLP_DB` rejects them).
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// Rounds integer variables and checks a reported point against the model; returns what
    /// is wrong with it, or nil.
    func check(_ x: inout [Double]) -> String? {
        let tol = 1e-5   // GLPK's integrality tolerance (tol_int); bounds and rows are held to ~1e-7 relative
        for (j, v) in variables.enumerated() {
            guard x[j].isFinite else { return "variable \(j) has value \(x[j])" }
            if v.kind != .continuous {
                let r = x[j].rounded()
                guard abs(x[j] - r) <= tol else { return "integer variable \(j) has value \(x[j])" }
                x[j] = r
            }
            let slack = tol * Swift.max(1, abs(x[j]))
            guard x[j] >= v.lower - slack, x[j] <= v.upper + slack else {
                return "variable \(j) = \(x[j]) lies outside [\(v.lower), \(v.upper)]"
            }
        }
        for (i, row) in constraints.enumerated() {
            var s = 0.0, scale = 1.0
            for t in row.terms {
                let p = t.coefficient * x[t.variable]
                s += p
                scale = Swift.max(scale, abs(p))
            }
            let slack = tol * Swift.max(scale, abs(row.lower.isFinite ? row.lower : 0), abs(row.upper.isFinite ? row.upper : 0))
            guard s >= row.lower - slack, s <= row.upper + slack else {
                return "constraint \(i) has activity \(s) outside [\(row.lower), \(row.upper)]"
            }
        }
        return nil
    }
}
