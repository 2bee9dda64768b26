/// How much each hyperparameter matters for one objective: shares that sum to 1, sorted
/// descending (ties in the space's order). Computed by `PEDANOVA` from a study's complete
/// trials (see `StudyReport.importance`).
public struct ParameterImportance: Sendable, Codable, Equatable {
    /// One parameter's share of the objective's importance, in [0, 1].
    public struct Share: Sendable, Codable, Equatable {
        public let parameter: String
        public let share: Double

        public init(parameter: String, share: Double) {
            self.parameter = parameter
            self.share = share
        }
    }

    /// The objective's metric.
    public let objective: String
    public let shares: [Share]
    /// Trials the shares were computed from (complete, with the objective measured).
    public let trials: Int
    /// How many of them, the objective's best, form the top set compared with all.
    public let top: Int

    public init(objective: String, shares: [Share], trials: Int, top: Int) {
        self.objective = objective
        self.shares = shares
        self.trials = trials
        self.top = top
    }
}
