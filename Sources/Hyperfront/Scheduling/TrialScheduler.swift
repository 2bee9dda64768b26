/// What a scheduler answers to an intermediate report.
public enum TrialDecision: Sendable, Hashable {
    /// Go on training.
    case `continue`
    /// Stop now: the trial is stored as `pruned` with the values it reported last.
    case stop
}

/// One intermediate report of a running trial: a step (epoch, iteration, rung) and the metric
/// values measured there.
public struct IntermediateReport: Sendable, Hashable {
    public var step: Int
    public var metrics: [String: Double]
    public init(step: Int, metrics: [String: Double]) {
        self.step = step
        self.metrics = metrics
    }
}

/// The early-stopping (pruning) seam: a running trial reports intermediate values through its
/// `TrialChannel`; the scheduler answers continue or stop.
///
/// **Threads.** `report` is called on the worker thread that runs the trial, concurrently for
/// different trials; a conformer keeps its own state safe (a lock).
///
/// **Determinism.** The run's sampler calls happen at points fixed by proposal order, so the
/// same seed gives the same trials with any number of workers. A scheduler keeps that only if
/// its decisions depend on proposal order too, never on which trial reported first. A decision
/// that compares trials (a rung of successive halving: Li et al. 2020, ASHA; Schmucker et al.
/// 2021, MO-ASHA) must therefore compare trial `n` only with trials numbered below `n`, and
/// may *block* inside `report` until each of those has reported the same step or ended
/// (`trialEnded`). That never deadlocks: workers take trials in number order, so every
/// lower-numbered trial is running or done. Trials taken from the study file on resume were
/// decided before; the scheduler is told of them with `trialEnded` only.
///
/// **What the search learns.** A pruned trial is told to the sampler with the objective values
/// it reported last (+infinity for an objective it never reported) and an infinite constraint
/// violation, so constrained domination ranks it behind every trial that ran to its end, like
/// a failed one, while a sampler that reads objective values still has them.
public protocol TrialScheduler: Sendable {
    /// Trial `trial` reached `step` with `metrics`; continue or stop it.
    func report(trial: Int, step: Int, metrics: [String: Double]) -> TrialDecision
    /// Trial `trial` ended (complete, failed, pruned, or taken from the study file): a scheduler
    /// that blocks reports of later trials on it can release them.
    func trialEnded(_ trial: Int)
    /// Trial `trial` was read back from the study file on resume, with its state and stored
    /// reports: a scheduler whose later decisions compare with it rebuilds what it knew of it,
    /// without deciding or waiting (it is called on the run's thread, before the trials that
    /// run again are started). `trialEnded` follows.
    func restore(trial: Int, state: TrialState, reports: [IntermediateReport])
}

extension TrialScheduler {
    public func trialEnded(_ trial: Int) {}
    public func restore(trial: Int, state: TrialState, reports: [IntermediateReport]) {}
}

/// The default scheduler: every trial runs to its end.
public struct RunToCompletion: TrialScheduler {
    public init() {}
    public func report(trial: Int, step: Int, metrics: [String: Double]) -> TrialDecision { .continue }
}
