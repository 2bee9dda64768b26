/// What the core knows of an evaluator: the key that selects it in `evaluator:`, the keys it
/// allows there, how it reads them and how to build it. Registered in one list
/// (`PluginRegistry`), so a new evaluator is its own folder plus one line there.
public protocol EvaluatorPlugin: Sendable {
    /// The key that selects it (`benchmark`, `builtin`, `command`).
    var key: String { get }
    /// Every key it allows in `evaluator:`, its own first.
    var keys: [String] { get }
    /// What to write, e.g. `{benchmark: zdt1, variables: 30}`.
    var example: String { get }
    /// Reads the `evaluator:` section (a mapping whose keys are all in `keys`).
    func parse(_ section: ScenarioNode) throws(ScenarioError) -> any EvaluatorSettings
    /// Checks that need the search space, once it is read (e.g. that a command's arguments fit).
    func check(_ settings: any EvaluatorSettings, space: SearchSpace, section: ScenarioNode) throws(ScenarioError)
    /// Builds the evaluator for `scenario` (whose `evaluator.settings` this plug-in parsed).
    func makeEvaluator(_ scenario: Scenario) throws(PluginError) -> MadeEvaluator
    /// Reads settings this plug-in's `EvaluatorSettings` encoded.
    func decodeSettings(from decoder: any Decoder) throws -> any EvaluatorSettings
}

extension EvaluatorPlugin {
    public func check(_ settings: any EvaluatorSettings, space: SearchSpace, section: ScenarioNode) throws(ScenarioError) {}
}

/// An evaluator's settings as read from a scenario; stored with the study as JSON.
public protocol EvaluatorSettings: Sendable, Encodable {
    /// The metrics it reports (nil: not declared, anything goes).
    var reportedMetrics: [String]? { get }
    /// The search space it brings, when it has one of its own (a benchmark problem).
    var providedSpace: ProvidedSpace? { get }
    /// Whether a trial takes microseconds (no point in pipelining batches).
    var trialsAreCheap: Bool { get }
    /// Changes the `search:` defaults before the section is read (a benchmark: the
    /// literature's population and budget).
    func adjustSearchDefaults(_ search: inout SearchSettings)
}

extension EvaluatorSettings {
    public var providedSpace: ProvidedSpace? { nil }
    public var trialsAreCheap: Bool { false }
    public func adjustSearchDefaults(_ search: inout SearchSettings) {}
}

/// A search space an evaluator brings, and what to say when a scenario declares one too.
public struct ProvidedSpace: Sendable {
    public let space: SearchSpace
    /// e.g. "a benchmark brings its own search space (30 variables x1…x30)".
    public let conflict: String
    public let hint: String

    public init(space: SearchSpace, conflict: String, hint: String) {
        self.space = space
        self.conflict = conflict
        self.hint = hint
    }
}

/// An evaluator and the resource formulas it knows exactly (e.g. the MLP's parameter count).
public struct MadeEvaluator: Sendable {
    public var evaluator: any Evaluator
    public var resources: [ResourceFormula]

    public init(evaluator: any Evaluator, resources: [ResourceFormula] = []) {
        self.evaluator = evaluator
        self.resources = resources
    }
}
