import Hyperfront

extension SuccessiveHalvingScheduler: TrialScheduler {
    public func report(trial: Int, step: Int, metrics: [String: Double]) -> TrialDecision {
        shouldContinue(trial: trial, step: step, metrics: metrics) ? .continue : .stop
    }

    public func trialEnded(_ trial: Int) { ended(trial: trial) }

    public func restore(trial: Int, state: TrialState, reports: [IntermediateReport]) {
        restore(trial: trial, pruned: state == .pruned, reports: reports.map { ($0.step, $0.metrics) })
    }
}

/// The scheduler a scenario's `early_stopping:` section asks for.
public enum SchedulerFactory {
    /// nil for `algorithm: none`.
    public static func make(_ scenario: Scenario) -> (any TrialScheduler)? {
        let s = scenario.earlyStopping
        guard s.algorithm != .none else { return nil }
        return SuccessiveHalvingScheduler(settings: s, objectives: scenario.objectives, constraints: scenario.constraints)
    }
}
