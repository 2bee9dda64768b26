/// What the core knows of a sampler: the key that selects it in `search: {algorithm: …}`, the
/// settings it reads from the `search:` section, and how to build it. Registered in one list
/// (`PluginRegistry`), so a new sampler is its own folder plus one line there.
public protocol SamplerPlugin: Sendable {
    /// The `algorithm:` value that selects it, lower case (`nsga2`).
    var key: String { get }
    /// The `search:` keys it reads, besides the ones every sampler shares (algorithm, trials,
    /// seed, workers). The reader checks each value's kind and range.
    var settings: [Setting] { get }
    /// Checks across settings, and values derived from them, after the whole `search:`
    /// section is read. Runs for every registered sampler, the chosen one or not (a run may
    /// choose another with `--algorithm`); `given` locates what the file wrote.
    func check(_ search: inout SearchSettings, given: GivenSettings) throws(ScenarioError)
    /// Builds the sampler for `space`; `search.trials` is the trial budget.
    func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler
    /// Builds the sampler, given the run's repair of proposals that break a budget known
    /// before training (nil: no budget); a sampler that searches only admissible
    /// configurations uses it (the default ignores it).
    func makeSampler(space: SearchSpace, search: SearchSettings, budget: (any ProposalRepair)?) throws(PluginError) -> any Sampler
    /// The most trials `sampler` can propose (a grid: its size); nil when there is no limit.
    func trialLimit(of sampler: any Sampler) -> Int?
    /// Trials of one batch that may still run when the next is proposed (0: strict batches),
    /// when the run gives none. `cheapTrials`: the evaluator's trials take microseconds.
    /// Must depend on the scenario only, never on the number of workers.
    func defaultPipelineDepth(search: SearchSettings, cheapTrials: Bool) -> Int
}

extension SamplerPlugin {
    public var settings: [Setting] { [] }
    public func check(_ search: inout SearchSettings, given: GivenSettings) throws(ScenarioError) {}
    public func trialLimit(of sampler: any Sampler) -> Int? { nil }
    public func makeSampler(space: SearchSpace, search: SearchSettings, budget: (any ProposalRepair)?) throws(PluginError) -> any Sampler {
        try makeSampler(space: space, search: search)
    }
    public func defaultPipelineDepth(search: SearchSettings, cheapTrials: Bool) -> Int { 0 }
}

/// A problem a plug-in finds when it builds its part, before any trial runs.
public struct PluginError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The `search:` keys a scenario gave, each with where it was written, for a plug-in's
/// located errors.
public struct GivenSettings {
    /// The `search:` section itself (nil when the scenario has none).
    public let section: ScenarioNode?
    let nodes: [String: ScenarioNode]

    init(section: ScenarioNode?, nodes: [String: ScenarioNode]) {
        self.section = section
        self.nodes = nodes
    }

    /// The value written for `key` (`population`, `crossover.eta`), nil when not given.
    public subscript(key: String) -> ScenarioNode? { nodes[key] }

    /// An error at `key` when it was given, else at the `search:` section.
    public func error(at key: String, _ message: String, hint: String? = nil) -> ScenarioError {
        if let node = nodes[key] { return node.error(message, hint: hint) }
        if let section { return section.error(message, hint: hint) }
        return ScenarioError(file: "", line: 1, column: 1, field: "search.\(key)", message: message, hint: hint)
    }
}
