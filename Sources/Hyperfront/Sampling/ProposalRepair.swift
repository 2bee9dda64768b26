/// Makes a proposed configuration admissible before it is evaluated — e.g. moves its discrete
/// choices to the nearest configuration that fits a resource budget. Implemented by the
/// integer-programming layer; the runner calls it on every proposal.
public protocol ProposalRepair: Sendable {
    /// The admissible configuration closest to `configuration`; avoids configurations for
    /// which `isKnown` is true where it can.
    func repair(_ configuration: Configuration, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) throws -> Configuration
}
