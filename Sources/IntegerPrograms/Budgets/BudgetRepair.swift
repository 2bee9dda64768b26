import Hyperfront

/// Keeps every proposal inside the resource budgets known before a trial runs, with the
/// integer programs of `BudgetModel`: a proposal that breaks a budget becomes the nearest
/// configuration that fits; one that repeats an evaluated configuration is moved to the
/// nearest new one (no-good cuts) where that is possible.
public struct BudgetRepair: ProposalRepair {
    public let model: BudgetModel
    /// How many already-known configurations are cut off, one after another, before a repeat
    /// is accepted (the runner then reuses the known result instead of evaluating it again).
    public var maximumCuts = 8

    public init(model: BudgetModel) { self.model = model }

    public func repair(_ configuration: Configuration, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) throws -> Configuration {
        var avoiding: [Configuration] = []
        var c = try model.repair(configuration, using: &rng)
        while isKnown(c) && avoiding.count < maximumCuts {
            avoiding.append(c)
            let next = try model.repair(configuration, avoiding: avoiding, using: &rng)
            if next == c { break }
            c = next
        }
        return c
    }

    public func admits(_ configuration: Configuration) -> Bool { model.fits(configuration) }

    /// The extremes' programs are limited by `BudgetModel.extremeNodeLimit` (a deterministic
    /// work limit), so the seeds do not depend on the machine's load.
    public func initialConfigurations(using rng: inout RandomSource) throws -> [Configuration] {
        var out: [Configuration] = []
        for c in try model.extremes(using: &rng) where !out.contains(c) { out.append(c) }
        return out
    }
}
