/// Makes a proposed configuration admissible before it is evaluated — e.g. moves its discrete
/// choices to the nearest configuration that fits a resource budget. Implemented by the
/// integer-programming layer; the runner calls it on every proposal.
public protocol ProposalRepair: Sendable {
    /// The admissible configuration closest to `configuration`; avoids configurations for
    /// which `isKnown` is true where it can.
    func repair(_ configuration: Configuration, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) throws -> Configuration

    /// Configurations that belong in the first batch (e.g. the extreme configurations that
    /// fit every budget); the runner puts them in place of the first proposals.
    func initialConfigurations(using rng: inout RandomSource) throws -> [Configuration]

    /// Whether `configuration` is admissible as it is (`repair` would keep it); cheap, so a
    /// sampler can search the admissible set instead of having its choices repaired later.
    func admits(_ configuration: Configuration) -> Bool
}

extension ProposalRepair {
    public func admits(_ configuration: Configuration) -> Bool { true }
}
