import Foundation
import Hyperfront
import Pareto

/// Multi-objective asynchronous successive halving (ASHA) and Hyperband, deterministic for a
/// seed with any number of workers.
///
/// A trial that reports a resource value (the `resource` key of its report, else its step) at
/// or past a rung of its bracket enters that rung with the objective values of that report
/// (minimised) and its constraint violation. It goes on when it is among the first
/// `⌈m/η⌉` of the `m` trials of its bracket numbered up to itself that entered the rung, in
/// `RungRanking` order (constrained non-dominated rank, then diversity); otherwise it is stopped.
/// Li et al. 2020 (ASHA, the stopping variant); Schmucker et al. 2021 (MO-ASHA); Li et al. 2018
/// (Hyperband, see `HyperbandBrackets`).
///
/// **Determinism.** The decision for trial `n` at a rung compares it with lower-numbered trials
/// only, and waits (blocks the reporting thread) until each lower-numbered trial of its bracket
/// has entered the rung, been stopped, or ended (`trialEnded`). So which trials a decision sees
/// follows from proposal order alone, never from which worker is faster. Workers take trials in
/// number order, so the lowest waiting trial never waits on a trial that has not started.
/// Replaying the stored reports of a study in number order rebuilds the same state and the
/// same decisions (`decisions`).
public final class SuccessiveHalvingScheduler: @unchecked Sendable {
    public let settings: EarlyStoppingSettings
    public let brackets: HyperbandBrackets
    public let diversity: RungRanking.Diversity
    /// (metric, sign): sign −1 for a maximised objective.
    private let objectives: [(String, Double)]
    private let constraints: [OutcomeConstraint]
    private let eta: Int

    /// One decision: trial, rung level, whether it went on.
    public struct Decision: Sendable, Hashable {
        public var trial: Int
        public var level: Double
        public var promoted: Bool
    }

    private struct Rung {
        var numbers: [Int] = []
        var values: [Double] = []
        var violations: [Double] = []
        /// Every trial below this number of the bracket has entered the rung, been stopped or ended.
        var frontier = 0
    }

    private let condition = NSCondition()
    private var rungs: [[Rung]]
    /// Per trial number: rungs entered, stopped, ended.
    private var entered: [Int] = []
    private var stopped: [Bool] = []
    private var ended: [Bool] = []
    private var log: [Decision] = []

    public init(settings: EarlyStoppingSettings, objectives: [Objective], constraints: [OutcomeConstraint] = [],
                diversity: RungRanking.Diversity = .crowding) {
        self.settings = settings
        self.brackets = HyperbandBrackets(settings)
        self.diversity = diversity
        self.objectives = objectives.map { ($0.metric, $0.goal == .minimize ? 1.0 : -1.0) }
        self.constraints = constraints
        self.eta = settings.reductionFactor
        self.rungs = brackets.levels.map { [Rung](repeating: Rung(), count: $0.count) }
    }

    /// Every decision so far, in the order they were made.
    public var decisions: [Decision] { condition.lock(); defer { condition.unlock() }; return log }

    /// Trial `trial` reached `step` with `metrics`: whether it goes on (false: stop it).
    public func shouldContinue(trial n: Int, step: Int, metrics: [String: Double]) -> Bool {
        let reached = metrics[settings.resource] ?? Double(step)
        let b = brackets.bracket(of: n)
        let levels = brackets.levels[b]
        condition.lock()
        defer { condition.unlock() }
        grow(to: n)
        if stopped[n] { return false }
        if entered[n] >= levels.count || levels[entered[n]] > reached { return true }
        let (vector, violation) = point(metrics)
        while entered[n] < levels.count && levels[entered[n]] <= reached {
            let k = entered[n]
            rungs[b][k].numbers.append(n)
            rungs[b][k].values.append(contentsOf: vector)
            rungs[b][k].violations.append(violation)
            entered[n] += 1
            condition.broadcast()
            while !resolved(bracket: b, rung: k, below: n) { condition.wait() }
            let promoted = decide(n, bracket: b, rung: k)
            log.append(Decision(trial: n, level: levels[k], promoted: promoted))
            if !promoted {
                stopped[n] = true
                condition.broadcast()
                return false
            }
        }
        return true
    }

    /// Rebuilds what a trial read back from the study file contributed: it enters the rungs
    /// its reports reached (the last of them as stopped when it was pruned), without deciding
    /// or waiting. Its decisions are logged as they were made.
    public func restore(trial n: Int, pruned: Bool, reports: [(step: Int, metrics: [String: Double])]) {
        let b = brackets.bracket(of: n)
        let levels = brackets.levels[b]
        condition.lock()
        defer { condition.unlock() }
        grow(to: n)
        guard entered[n] == 0, !stopped[n] else { return }
        for (step, metrics) in reports {
            let reached = metrics[settings.resource] ?? Double(step)
            let (vector, violation) = point(metrics)
            while entered[n] < levels.count && levels[entered[n]] <= reached {
                let k = entered[n]
                rungs[b][k].numbers.append(n)
                rungs[b][k].values.append(contentsOf: vector)
                rungs[b][k].violations.append(violation)
                entered[n] += 1
                log.append(Decision(trial: n, level: levels[k], promoted: true))
            }
        }
        if pruned {
            stopped[n] = true
            if let last = log.indices.last, log[last].trial == n { log[last].promoted = false }
        }
        condition.broadcast()
    }

    /// Minimised objective values and constraint violation of a report.
    private func point(_ metrics: [String: Double]) -> ([Double], Double) {
        let vector = objectives.map { (m, sign) in (metrics[m] ?? .infinity) * sign }
        var violation = 0.0
        for c in constraints { if let v = metrics[c.metric] { violation += c.violation(v) } }
        return (vector, violation)
    }

    /// Trial `trial` ended (complete, failed, pruned, or read back from the study file).
    public func ended(trial n: Int) {
        condition.lock()
        grow(to: n)
        ended[n] = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether every trial below `n` of bracket `b` has entered rung `k`, been stopped or ended.
    private func resolved(bracket b: Int, rung k: Int, below n: Int) -> Bool {
        var f = rungs[b][k].frontier
        while f < n {
            if brackets.bracket(of: f) == b {
                guard f < entered.count, entered[f] > k || stopped[f] || ended[f] else { break }
            }
            f += 1
        }
        rungs[b][k].frontier = f
        return f >= n
    }

    private func decide(_ n: Int, bracket b: Int, rung k: Int) -> Bool {
        let rung = rungs[b][k]
        let d = objectives.count
        if d > 0, let out = dominatedOut(n, rung: rung, dimension: d), out { return false }
        var values: [Double] = []
        var violations: [Double] = []
        var numbers: [Int] = []
        var candidate = -1
        for (j, m) in rung.numbers.enumerated() where m <= n {
            if m == n { candidate = numbers.count }
            numbers.append(m)
            violations.append(rung.violations[j])
            values.append(contentsOf: rung.values[(j * d)..<(j * d + d)])
        }
        let quota = (numbers.count + eta - 1) / eta
        if d == 0 { return numbers.filter { $0 < n }.count < quota }
        return RungRanking.isPromoted(candidate, points: PointSet(values: values, dimension: d), violations: violations,
                                      numbers: numbers, quota: quota, diversity: diversity)
    }

    /// True when at least the quota of trials numbered below `n` at the rung dominate it
    /// (constrained): it is out, and the rung need not be sorted. Nil when its entry is missing
    /// or a value is not finite (the full ranking handles those).
    private func dominatedOut(_ n: Int, rung: Rung, dimension d: Int) -> Bool? {
        guard let c = rung.numbers.firstIndex(of: n) else { return nil }
        var count = 0
        for m in rung.numbers where m <= n { count += 1 }
        let quota = (count + eta - 1) / eta
        let vc = rung.violations[c]
        var dominating = 0
        return rung.values.withUnsafeBufferPointer { v -> Bool? in
            for k in 0..<d where !v[c * d + k].isFinite { return nil }
            for (j, m) in rung.numbers.enumerated() where m < n {
                let vj = rung.violations[j]
                if vc > 0 { if vj < vc { dominating += 1 } }
                else if vj <= 0 {
                    var better = false, worse = false
                    for k in 0..<d {
                        let a = v[j * d + k], x = v[c * d + k]
                        if !a.isFinite { worse = true; break }
                        if a < x { better = true } else if a > x { worse = true; break }
                    }
                    if better && !worse { dominating += 1 }
                }
                if dominating >= quota { return true }
            }
            return false
        }
    }

    private func grow(to n: Int) {
        guard n >= entered.count else { return }
        let extra = n + 1 - entered.count
        entered.append(contentsOf: repeatElement(0, count: extra))
        stopped.append(contentsOf: repeatElement(false, count: extra))
        ended.append(contentsOf: repeatElement(false, count: extra))
    }
}
