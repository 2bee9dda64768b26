import Foundation
import Hyperfront
import Pareto

/// Multi-objective asynchronous successive halving (ASHA) and Hyperband, deterministic for a
/// seed with any number of workers.
///
/// A trial that reports a resource value (the `resource` key of its report, else its step) at
/// or past a rung of its bracket enters that rung with its objective values (minimised; by
/// default smoothed and remembered across rungs, see `RungValue`) and the constraint
/// violation of that report. It goes on when it is among the first
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
///
/// **Cost.** Each rung keeps its entries in constrained non-dominated layers (`RungLayers`), so
/// a decision inserts the new entry and searches the layers instead of sorting the rung.
public final class SuccessiveHalvingScheduler: @unchecked Sendable {
    public let settings: EarlyStoppingSettings
    public let brackets: HyperbandBrackets
    public let diversity: RungRanking.Diversity
    /// Which of a trial's values it enters a rung with.
    public let rungValue: RungValue
    /// Decide by sorting each rung instead of searching its layers (the same decisions; for
    /// measuring what the layers save).
    public var sortsEveryDecision = false

    /// The objective values a trial enters a rung with.
    ///
    /// A validation metric measured on few samples goes up and down from epoch to epoch; ranked
    /// by its value at the rung's epoch alone, a configuration in a dip is stopped for good.
    /// The default, `bestOfWindowMeans`, averages each objective over the trial's reports since
    /// its previous rung (smoothing the noise of single epochs) and keeps the best of those
    /// window means over its rungs so far (a dip after a good rung does not undo it), as
    /// Optuna's median and percentile pruners compare a trial's best intermediate value
    /// (Akiba et al. 2019, "Optuna", KDD). A value known before training is the same every
    /// way; a cumulative one (training time) enters with a mean of its window, which orders the
    /// trials at a rung as their per-resource costs do. Measured in docs/early-stopping.md.
    public enum RungValue: String, Sendable, Hashable, CaseIterable {
        /// Its best value of each objective over its reports so far.
        case best
        /// The values of the report that reached the rung.
        case last
        /// The mean of each objective over its reports since the previous rung.
        case windowMean = "window-mean"
        /// The best of each objective over its window means at this rung and the earlier ones.
        case bestOfWindowMeans = "best-of-window-means"
    }
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

    private let condition = NSCondition()
    private var rungs: [[SchedulerRung]]
    /// Per trial number: rungs entered, stopped, ended.
    private var entered: [Int] = []
    private var stopped: [Bool] = []
    private var ended: [Bool] = []
    private var log: [Decision] = []
    /// Per running trial, what `RungValue` needs of its reports so far.
    private var memory: [Int: TrialMemory] = [:]
    private struct TrialMemory {
        var best: [Double], rungs: [Double], sum: [Double], count: [Int]
    }

    public init(settings: EarlyStoppingSettings, objectives: [Objective], constraints: [OutcomeConstraint] = [],
                diversity: RungRanking.Diversity = .crowding, rungValue: RungValue = .bestOfWindowMeans) {
        self.settings = settings
        self.brackets = HyperbandBrackets(settings)
        self.diversity = diversity
        self.rungValue = rungValue
        self.objectives = objectives.map { ($0.metric, $0.goal == .minimize ? 1.0 : -1.0) }
        self.constraints = constraints
        self.eta = settings.reductionFactor
        let d = objectives.count
        self.rungs = brackets.levels.map { [SchedulerRung](repeating: SchedulerRung(layers: d > 0 ? RungLayers(dimension: d) : nil), count: $0.count) }
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
        if entered[n] >= levels.count { return true }
        if rungValue != .last { track(n, metrics) }
        if levels[entered[n]] > reached { return true }
        var (vector, violation) = point(metrics)
        if rungValue != .last { vector = entry(n, vector) }
        while entered[n] < levels.count && levels[entered[n]] <= reached {
            let k = entered[n]
            rungs[b][k].append(n, vector, violation)
            entered[n] += 1
            condition.broadcast()
            while !resolved(bracket: b, rung: k, below: n) { condition.wait() }
            let promoted = decide(n, bracket: b, rung: k)
            log.append(Decision(trial: n, level: levels[k], promoted: promoted))
            if !promoted {
                stopped[n] = true
                memory[n] = nil
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
            guard entered[n] < levels.count else { break }
            if rungValue != .last { track(n, metrics) }
            var (vector, violation) = point(metrics)
            if rungValue != .last, entered[n] < levels.count, levels[entered[n]] <= reached { vector = entry(n, vector) }
            while entered[n] < levels.count && levels[entered[n]] <= reached {
                let k = entered[n]
                rungs[b][k].append(n, vector, violation)
                entered[n] += 1
                log.append(Decision(trial: n, level: levels[k], promoted: true))
            }
        }
        memory[n] = nil
        if pruned {
            stopped[n] = true
            if let last = log.indices.last, log[last].trial == n { log[last].promoted = false }
        }
        condition.broadcast()
    }

    /// Folds a report into trial `n`'s memory (values that are not finite are skipped).
    private func track(_ n: Int, _ metrics: [String: Double]) {
        let d = objectives.count
        var m = memory[n] ?? TrialMemory(best: [Double](repeating: .infinity, count: d), rungs: [Double](repeating: .infinity, count: d),
                                        sum: [Double](repeating: 0, count: d), count: [Int](repeating: 0, count: d))
        for (i, (name, sign)) in objectives.enumerated() {
            guard let x = metrics[name], x.isFinite else { continue }
            m.best[i] = min(m.best[i], x * sign)
            m.sum[i] += x * sign
            m.count[i] += 1
        }
        memory[n] = m
    }

    /// The values trial `n` enters a rung with, given those of the report that reached it.
    private func entry(_ n: Int, _ last: [Double]) -> [Double] {
        guard var m = memory[n] else { return last }
        var vector = last
        for i in vector.indices {
            switch rungValue {
            case .last: break
            case .best: vector[i] = m.best[i]
            case .windowMean: if m.count[i] > 0 { vector[i] = m.sum[i] / Double(m.count[i]) }; m.sum[i] = 0; m.count[i] = 0
            case .bestOfWindowMeans:
                let w = m.count[i] > 0 ? m.sum[i] / Double(m.count[i]) : (last[i].isFinite ? last[i] : .infinity)
                vector[i] = min(w, m.rungs[i]); m.rungs[i] = vector[i]; m.sum[i] = 0; m.count[i] = 0
            }
        }
        memory[n] = m
        return vector
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
        memory[n] = nil
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
        // Moved out while it changes, so that its arrays are not copied.
        var rung = rungs[b][k]
        rungs[b][k] = SchedulerRung(layers: nil)
        defer { rungs[b][k] = rung }
        let d = objectives.count
        if !sortsEveryDecision, let promoted = rung.decideByLayers(n, dimension: d, eta: eta, diversity: diversity) { return promoted }
        return rung.decideBySorting(n, dimension: d, eta: eta, diversity: diversity)
    }

    private func grow(to n: Int) {
        guard n >= entered.count else { return }
        let extra = n + 1 - entered.count
        entered.append(contentsOf: repeatElement(0, count: extra))
        stopped.append(contentsOf: repeatElement(false, count: extra))
        ended.append(contentsOf: repeatElement(false, count: extra))
    }
}
