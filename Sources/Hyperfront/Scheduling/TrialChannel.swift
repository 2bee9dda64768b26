import Synchronization

/// The line between a running trial and its run: the evaluator reports intermediate values
/// (`report(step:_:)`) and learns whether to stop (`shouldStop`). Every trial gets its own
/// channel through `TrialRequest.channel`; an evaluator that never reports ignores it, and its
/// trial runs to its end.
///
/// After the scheduler said stop, further reports are ignored (and answered `.stop`); the
/// evaluator should return promptly — what it returns then no longer matters, the trial is
/// stored as `pruned` with its reports.
public final class TrialChannel: Sendable {
    public let trial: Int
    private let scheduler: (any TrialScheduler)?
    private struct State {
        var kept: [IntermediateReport] = []
        var stopStep: Int? = nil
    }
    private let state = Mutex(State())
    /// Values known before the trial ran (resource formulas), added to every report the
    /// scheduler sees where the report lacks them.
    private let known: [String: Double]
    /// Reports kept per trial (later ones are passed to the scheduler but not stored).
    public static let maximumReports = 10_000

    /// Whether reports are kept (see `discarding`).
    private let keeps: Bool

    /// A channel for trial `trial`, answered by `scheduler` (nil: never stop); `known` holds the
    /// metrics that follow from the configuration (a scheduler ranks trials on them too).
    public init(trial: Int, scheduler: (any TrialScheduler)? = nil, known: [String: Double] = [:]) {
        self.trial = trial
        self.scheduler = scheduler
        self.known = known
        self.keeps = true
    }

    private init(discarding: ()) {
        trial = -1
        scheduler = nil
        known = [:]
        keeps = false
    }

    /// A channel shared by trials whose reports nobody reads: it keeps none and never stops.
    /// A run hands it to a `BufferedEvaluator` (microsecond trials) when it has no scheduler,
    /// instead of making a channel per trial.
    public static let discarding = TrialChannel(discarding: ())

    /// Reports the values measured at `step`; the answer says whether to go on.
    @discardableResult
    public func report(step: Int, _ metrics: [String: Double]) -> TrialDecision {
        guard keeps else { return .continue }
        let stopped = state.withLock { s -> Bool in
            if s.stopStep != nil { return true }
            if s.kept.count < Self.maximumReports { s.kept.append(IntermediateReport(step: step, metrics: metrics)) }
            return false
        }
        if stopped { return .stop }
        // The scheduler may block (see `TrialScheduler`): never while holding the lock.
        var seen = metrics
        for (k, v) in known where seen[k] == nil { seen[k] = v }
        let decision = scheduler?.report(trial: trial, step: step, metrics: seen) ?? .continue
        if decision == .stop {
            state.withLock { s in if s.stopStep == nil { s.stopStep = step } }
        }
        return decision
    }

    /// Whether the scheduler stopped this trial.
    public var shouldStop: Bool { state.withLock { $0.stopStep != nil } }

    /// The step at which the scheduler stopped the trial, or nil.
    public var stoppedAt: Int? { state.withLock { $0.stopStep } }

    /// The reports so far, in order.
    public var reports: [IntermediateReport] { state.withLock { $0.kept } }
}
