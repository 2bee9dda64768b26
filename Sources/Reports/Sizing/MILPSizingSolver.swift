import IntegerPrograms

/// Solves deployment sizing as the integer program of `SizingProblem` with GLPK, over the
/// reduced candidates (`SizingProblem.reducedCandidates`, which keeps an optimum). Two solves
/// replace a big-M weight: the first maximises the number of covered targets, the second fixes
/// that number and maximises the weighted score. The chosen set is then assigned target by
/// target (`SizingProblem.assign`), which is deterministic and never worse.
public struct MILPSizingSolver: SizingSolver {
    /// Seconds GLPK may spend on each solve; nil = no limit.
    public var timeLimit: Double?

    public init(timeLimit: Double? = 30) { self.timeLimit = timeLimit }

    public func solve(_ p: SizingProblem) throws(SizingSolverError) -> SizingSolution {
        let pool = p.reducedCandidates()
        if pool.isEmpty { return SizingSolution(assignment: p.assign([])) }
        var base = MixedIntegerProgram(sense: .maximize)
        let y = pool.map { _ in base.addVariable(.binary, lower: 0, upper: 1) }
        var x: [(t: Int, c: Int, v: Int)] = []
        for t in p.fits.indices {
            for (k, c) in pool.enumerated() where p.fits[t][c] {
                let v = base.addVariable(.binary, lower: 0, upper: 1)
                x.append((t, k, v))
                base.addConstraint([.init(v, 1), .init(y[k], -1)], upper: 0)   // x_tc ≤ y_c
            }
        }
        for t in p.fits.indices {
            let terms = x.filter { $0.t == t }.map { MixedIntegerProgram.Term($0.v, 1) }
            if !terms.isEmpty { base.addConstraint(terms, upper: 1) }           // one model per target
        }
        base.addConstraint(y.map { .init($0, 1) }, upper: Double(p.maxModels))  // at most K models
        // Stage 1: cover as many targets as possible.
        var cover = base
        for e in x { cover.variables[e.v].cost = 1 }
        let first = try run(cover)
        let covered = (first.objective).rounded()
        // Stage 2: with that coverage, the best weighted score.
        var score = base
        for e in x { score.variables[e.v].cost = p.weights[e.t] * p.candidates[pool[e.c]].score }
        score.addConstraint(x.map { .init($0.v, 1) }, lower: covered, upper: covered)
        let second = try run(score)
        let chosen = pool.indices.filter { second.values[y[$0]] > 0.5 }.map { pool[$0] }
        return SizingSolution(assignment: p.assign(chosen))
    }

    private func run(_ m: MixedIntegerProgram) throws(SizingSolverError) -> MixedIntegerSolution {
        let s: MixedIntegerSolution
        do { s = try m.solve(timeLimit: timeLimit) } catch { throw SizingSolverError(reason: error.description) }
        guard s.status == .optimal else { throw SizingSolverError(reason: "the sizing program ended \(s.status)") }
        return s
    }
}
