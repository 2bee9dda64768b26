/// What the core knows of an early-stopping scheduler: the key that selects it in
/// `early_stopping: {algorithm: …}` and how to build it for a scenario. Registered in one list
/// (`PluginRegistry`), so a new scheduler is its own folder plus one line there.
public protocol SchedulerPlugin: Sendable {
    /// The `algorithm:` value that selects it, lower case (`asha`); never `none`.
    var key: String { get }
    /// Builds the scheduler for the scenario's objectives, constraints and `early_stopping:`
    /// settings (already checked by the reader).
    func makeScheduler(for scenario: Scenario) -> any TrialScheduler
}
