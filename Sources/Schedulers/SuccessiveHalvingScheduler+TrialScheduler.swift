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

extension EarlyStoppingSettings.Algorithm {
    /// Asynchronous successive halving: one bracket of rungs.
    public static let asha: Self = "asha"
    /// Hyperband: brackets of successive halving that start at different rungs.
    public static let hyperband: Self = "hyperband"
}

/// Multi-objective successive halving as a registered scheduler: `asha` or `hyperband`.
public struct SuccessiveHalvingPlugin: SchedulerPlugin {
    public let key: String
    public static let asha = SuccessiveHalvingPlugin(key: EarlyStoppingSettings.Algorithm.asha.rawValue)
    public static let hyperband = SuccessiveHalvingPlugin(key: EarlyStoppingSettings.Algorithm.hyperband.rawValue)

    public func makeScheduler(for scenario: Scenario) -> any TrialScheduler {
        SuccessiveHalvingScheduler(settings: scenario.earlyStopping, objectives: scenario.objectives, constraints: scenario.constraints)
    }
}
