/// What runs a trial, as declared in a scenario's `evaluator:` section: the key of the plug-in
/// that read it and the settings it read.
public struct EvaluatorSpec: Sendable, Codable {
    /// The registered evaluator's key (`benchmark`, `builtin`, `command`).
    public var key: String
    public var settings: any EvaluatorSettings

    public init(key: String, settings: any EvaluatorSettings) {
        self.key = key
        self.settings = settings
    }

    /// `evaluator: {benchmark: zdt1, variables: 30, objectives: 2}`
    public static func benchmark(_ spec: BenchmarkSpec) -> EvaluatorSpec { EvaluatorSpec(key: "benchmark", settings: spec) }
    /// `evaluator: {builtin: mlp, dataset: data/digits.csv, ...}`
    public static func mlp(_ spec: MLPSpec) -> EvaluatorSpec { EvaluatorSpec(key: "builtin", settings: spec) }
    /// `evaluator: {command: [python3, train.py], timeout: 10m, ...}`
    public static func command(_ spec: CommandSpec) -> EvaluatorSpec { EvaluatorSpec(key: "command", settings: spec) }

    /// The metrics this evaluator reports (nil: not declared, anything goes).
    public var metrics: [String]? { settings.reportedMetrics }

    enum CodingKeys: String, CodingKey { case key, settings }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try settings.encode(to: c.superEncoder(forKey: .settings))
    }

    /// Needs the `PluginRegistry` in `decoder.userInfo[.pluginRegistry]`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        guard let registry = decoder.userInfo[.pluginRegistry] as? PluginRegistry else {
            throw DecodingError.dataCorruptedError(forKey: .key, in: c, debugDescription: "no plug-in registry in the decoder's userInfo[.pluginRegistry]")
        }
        guard let plugin = registry.evaluator(key) else {
            throw DecodingError.dataCorruptedError(forKey: .key, in: c, debugDescription: "unknown evaluator '\(key)' (known: \(registry.evaluatorKeys.joined(separator: ", ")))")
        }
        settings = try plugin.decodeSettings(from: c.superDecoder(forKey: .settings))
    }
}

/// A standard test problem with a known Pareto front.
public struct BenchmarkSpec: EvaluatorSettings, Hashable, Codable {
    public enum Problem: String, Sendable, Hashable, CaseIterable, Codable {
        case zdt1, zdt2, zdt3, zdt4, zdt6, dtlz1, dtlz2, dtlz3, dtlz4, dtlz5, dtlz6, dtlz7
    }
    public let problem: Problem
    public let variables: Int
    public let objectives: Int

    public init(problem: Problem, variables: Int? = nil, objectives: Int? = nil) {
        self.problem = problem
        let m = objectives ?? problem.defaultObjectives
        self.objectives = m
        self.variables = variables ?? problem.defaultVariables(objectives: m)
    }

    public var metrics: [String] { (1...objectives).map { "f\($0)" } }
    public var reportedMetrics: [String]? { metrics }
    public var trialsAreCheap: Bool { true }

    public var providedSpace: ProvidedSpace? {
        ProvidedSpace(space: space, conflict: "a benchmark brings its own search space (\(variables) variables x1…x\(variables))",
                      hint: "remove 'space:', or set 'variables:' under 'evaluator:'")
    }

    /// The literature's NSGA-II settings: population 100, 250 generations.
    public func adjustSearchDefaults(_ search: inout SearchSettings) {
        search.options["population"] = .int(100)
        search.trials = 25_000
    }

    /// `x1 … xn` in the problem's bounds.
    public var space: SearchSpace {
        SearchSpace(parameters: (0..<variables).map { i in
            let (lo, hi) = problem.bounds(variable: i)
            return Parameter(name: "x\(i + 1)", domain: .float(lower: lo, upper: hi, log: false, step: nil))
        })
    }
}

extension BenchmarkSpec.Problem {
    public var isZDT: Bool { rawValue.hasPrefix("zdt") }
    public var defaultObjectives: Int { isZDT ? 2 : 3 }
    /// Literature defaults (Zitzler, Deb & Thiele 2000; Deb, Thiele, Laumanns & Zitzler 2002):
    /// ZDT1–3 30 variables, ZDT4/6 10; DTLZ n = M + k − 1 with k = 5 (DTLZ1), 20 (DTLZ7), 10 otherwise.
    public func defaultVariables(objectives m: Int) -> Int {
        switch self {
        case .zdt1, .zdt2, .zdt3: return 30
        case .zdt4, .zdt6: return 10
        case .dtlz1: return m + 4
        case .dtlz7: return m + 19
        default: return m + 9
        }
    }
    public func bounds(variable i: Int) -> (Double, Double) {
        if self == .zdt4 && i > 0 { return (-5, 5) }
        return (0, 1)
    }
    /// The smallest number of variables that makes sense.
    public func minimumVariables(objectives m: Int) -> Int { isZDT ? 2 : m }
}

/// The built-in MLP trainer's settings.
public struct MLPSpec: EvaluatorSettings, Hashable, Codable {
    /// Training data (CSV with a header), resolved path.
    public var dataset: String
    /// Optional separate validation data; otherwise a stratified split of `dataset`.
    public var validationDataset: String?
    public var validationFraction: Double
    /// Name of the label column.
    public var label: String
    /// Stratified k-fold cross-validation over `dataset` instead of a hold-out split (nil:
    /// none; absent in study files written before it existed).
    public var cv: Int?

    public init(dataset: String, validationDataset: String? = nil, validationFraction: Double = 0.2, label: String = "label", cv: Int? = nil) {
        self.dataset = dataset
        self.validationDataset = validationDataset
        self.validationFraction = validationFraction
        self.label = label
        self.cv = cv
    }

    /// The metrics; with `cv`, also each quality metric's standard deviation over the folds.
    public var reportedMetrics: [String]? { cv == nil ? Self.metrics : Self.metrics + Self.foldDeviations }

    /// `val_loss_std`, `accuracy_std`, …: reported with `cv`.
    public static let foldDeviations = ["val_loss_std", "accuracy_std", "precision_std", "recall_std", "f1_std", "train_loss_std"]

    public static let metrics = ["val_loss", "accuracy", "precision", "recall", "f1", "train_loss",
                                 "params", "memory_bytes", "flops", "train_seconds", "epochs_run"]
}

/// A user's own training command.
public struct CommandSpec: EvaluatorSettings, Hashable, Codable {
    /// Program and arguments; `{name}` placeholders are replaced by parameter values.
    public var command: [String]
    /// Seconds; nil = no limit.
    public var timeout: Double?
    public var environment: [String: String]
    /// Working directory, resolved path (nil = the current directory).
    public var workdir: String?
    /// Metrics the command reports, when declared.
    public var metrics: [String]?
    /// One long-lived process per worker serves trial after trial (docs/trial-protocol.md);
    /// nil (absent in study files written before it existed) means false.
    public var persistent: Bool?
    public var reportedMetrics: [String]? { metrics }

    public init(command: [String], timeout: Double? = nil, environment: [String: String] = [:],
                workdir: String? = nil, metrics: [String]? = nil, persistent: Bool = false) {
        self.persistent = persistent ? true : nil
        self.command = command
        self.timeout = timeout
        self.environment = environment
        self.workdir = workdir
        self.metrics = metrics
    }
}
