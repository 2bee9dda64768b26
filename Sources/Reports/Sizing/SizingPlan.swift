import Hyperfront

/// Which configuration of a study goes to which deployment target: the sizing problem built
/// from the study's complete, feasible trials, solved, and explained — each target's choice,
/// what it gives up against the best that fits it alone (the price of `maxModels`) and
/// against the study's best (the price of its budgets), and the targets nothing fits, with
/// the smallest need seen.
public struct SizingPlan: Sendable {
    public struct Choice: Sendable {
        public var target: DeploymentTarget
        public var weight: Double
        /// Index into `report.trials`; nil when the target is left out or nothing fits.
        public var trial: Int?
        /// The best fitting trial ignoring the model limit (index into `report.trials`).
        public var bestFitting: Int?
        /// Natural-unit objective values.
        public var value: Double?
        public var bestFittingValue: Double?
        /// Why there is no choice, in words.
        public var reason: String?
    }

    public let report: StudyReport
    public let objective: Objective
    public let maxModels: Int
    public let choices: [Choice]
    /// The study's best value of the objective over every candidate.
    public let studyBest: (trial: Int, value: Double)?
    public let candidateCount: Int

    public enum PlanError: Error, CustomStringConvertible {
        case unknownMetric(String, String, [String])
        case unknownWeight(String, [String])
        case badWeight(String)
        case noTargets
        case duplicateTarget(String)
        case badMaxModels(Int)
        case solver(SizingSolverError)
        public var description: String {
            switch self {
            case .unknownMetric(let what, let m, let have): return "\(what): the study has no metric '\(m)'; it has \(have.joined(separator: ", "))"
            case .unknownWeight(let n, let have): return "--weight \(n): no target named '\(n)' (targets: \(have.joined(separator: ", ")))"
            case .badWeight(let t): return "--weight '\(t)': write NAME=NUMBER with a positive number, e.g. --weight phone=3"
            case .noTargets: return "give at least one --target, e.g. --target phone:memory_bytes<=2MB"
            case .duplicateTarget(let n): return "--target \(n) is given twice; give each target one --target with all its budgets"
            case .badMaxModels(let k): return "--max-models \(k): give a whole number of at least 1"
            case .solver(let e): return e.description
            }
        }
    }

    /// - Parameters:
    ///   - objective: the metric to optimise and its direction (default: the study's first objective).
    ///   - maxModels: at most this many distinct configurations (default: one per target).
    public init(report: StudyReport, targets: [DeploymentTarget], weights: [String: Double] = [:],
                objective: Objective? = nil, maxModels: Int? = nil,
                solver: some SizingSolver = MILPSizingSolver()) throws(PlanError) {
        guard !targets.isEmpty else { throw .noTargets }
        var seen = Set<String>()
        for t in targets { if !seen.insert(t.name).inserted { throw .duplicateTarget(t.name) } }
        for name in weights.keys.sorted() where !seen.contains(name) { throw .unknownWeight(name, targets.map(\.name)) }
        for (n, w) in weights where !(w > 0 && w.isFinite) { throw .badWeight("\(n)=\(w)") }
        let k = maxModels ?? targets.count
        guard k >= 1 else { throw .badMaxModels(k) }
        let have = report.metricNames
        guard let objective = objective ?? report.model.objectives.first else { throw .unknownMetric("--maximize", "(none)", have) }
        guard have.contains(objective.metric) else { throw .unknownMetric("--\(objective.goal.rawValue)", objective.metric, have) }
        for t in targets { for b in t.budgets where !have.contains(b.metric) { throw .unknownMetric("--target \(t.name)", b.metric, have) } }
        self.report = report
        self.objective = objective
        self.maxModels = k
        // Candidates: complete, feasible trials that report the objective.
        let pool = report.feasible.filter { report.metric(objective.metric, of: $0) != nil }
            .sorted { report.trials[$0].number < report.trials[$1].number }
        candidateCount = pool.count
        let candidates = pool.map { SizingProblem.Candidate(trial: report.trials[$0].number, score: -objective.minimized(report.metric(objective.metric, of: $0)!)) }
        let fits = targets.map { t in pool.map { i in t.budgets.allSatisfy { b in b.violation(report.metric(b.metric, of: i)) == 0 } } }
        let w = targets.map { weights[$0.name] ?? 1 }
        let problem = SizingProblem(candidates: candidates, fits: fits, weights: w, maxModels: k)
        let solution: SizingSolution
        do { solution = try solver.solve(problem) } catch { throw .solver(error) }
        var bestAll: Int? = nil
        for c in candidates.indices where bestAll == nil || candidates[c].score > candidates[bestAll!].score { bestAll = c }
        studyBest = bestAll.map { (candidates[$0].trial, objective.natural(-candidates[$0].score)) }
        choices = targets.enumerated().map { t, target in
            var bestFit: Int? = nil
            for c in candidates.indices where fits[t][c] && (bestFit == nil || candidates[c].score > candidates[bestFit!].score) { bestFit = c }
            let chosen = solution.assignment[t]
            var reason: String? = nil
            if bestFit == nil {
                reason = Self.smallestNeed(report, target, pool)
            } else if chosen == nil {
                reason = "left out: no room under --max-models \(k) (the best that fits alone is trial \(candidates[bestFit!].trial))"
            }
            return Choice(target: target, weight: w[t], trial: chosen.map { pool[$0] }, bestFitting: bestFit.map { pool[$0] },
                          value: chosen.map { objective.natural(-candidates[$0].score) },
                          bestFittingValue: bestFit.map { objective.natural(-candidates[$0].score) }, reason: reason)
        }
    }

    /// "nothing fits: memory_bytes ≤ 2 MB — the smallest is 3.1 MB (trial 17)".
    static func smallestNeed(_ report: StudyReport, _ target: DeploymentTarget, _ pool: [Int]) -> String {
        if pool.isEmpty { return "nothing fits: the study has no complete, feasible trial" }
        var parts: [String] = []
        for b in target.budgets {
            let unit = MetricUnit(metric: b.metric)
            var best: Int? = nil
            for i in pool {
                guard let v = report.metric(b.metric, of: i) else { continue }
                if let j = best, let u = report.metric(b.metric, of: j) {
                    if b.kind == .atMost ? v < u : v > u { best = i }
                } else { best = i }
            }
            guard let i = best, let v = report.metric(b.metric, of: i) else { parts.append("no trial reports \(b.metric)"); continue }
            let word = b.kind == .atMost ? "smallest" : "largest"
            parts.append("\(b.metric) \(b.kind == .atMost ? "≤" : "≥") \(unit.format(b.bound)): the \(word) is \(unit.format(v)) (trial \(report.trials[i].number))")
        }
        var text = "nothing fits; " + parts.joined(separator: "; ")
        let eachAlone = target.budgets.allSatisfy { b in pool.contains { b.violation(report.metric(b.metric, of: $0)) == 0 } }
        if eachAlone && target.budgets.count > 1 { text += " (each budget is met by some trial, never all at once)" }
        return text
    }

    /// Distinct configurations used.
    public var modelsUsed: Int { Set(choices.compactMap(\.trial)).count }
}
