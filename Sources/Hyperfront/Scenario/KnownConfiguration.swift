/// A configuration given by hand (manual search): an item of the scenario's `enqueue:` list or
/// a row of a file given to `hyperfront enqueue`, with where it was written.
public struct KnownConfiguration: Sendable, Hashable {
    public var configuration: Configuration
    public var file: String
    public var line: Int
    public var column: Int

    public init(configuration: Configuration, file: String, line: Int, column: Int = 1) {
        self.configuration = configuration
        self.file = file
        self.line = line
        self.column = column
    }

    /// What is done with a known configuration that breaks a budget known before training
    /// (`enqueue_budget:` in the scenario, `--repair` for `hyperfront enqueue`).
    public enum BudgetPolicy: String, Sendable, Hashable, CaseIterable {
        /// Refused when it is given: the message names the budget and by how much it is broken.
        case refuse
        /// Moved to the nearest configuration that fits, as the sampler's proposals are.
        case repair
    }
}
