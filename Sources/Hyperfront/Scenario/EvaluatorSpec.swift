/// What runs a trial, as declared in a scenario's `evaluator:` section.
public enum EvaluatorSpec: Sendable, Hashable {
    /// `evaluator: {benchmark: zdt1, variables: 30, objectives: 2}`
    case benchmark(BenchmarkSpec)
    /// `evaluator: {builtin: mlp, dataset: data/digits.csv, ...}`
    case mlp(MLPSpec)
    /// `evaluator: {command: [python3, train.py], timeout: 10m, ...}`
    case command(CommandSpec)

    /// The metrics this evaluator reports (nil: not declared, anything goes).
    public var metrics: [String]? {
        switch self {
        case .benchmark(let b): return b.metrics
        case .mlp: return MLPSpec.metrics
        case .command(let c): return c.metrics
        }
    }
}

/// A standard test problem with a known Pareto front.
public struct BenchmarkSpec: Sendable, Hashable {
    public enum Problem: String, Sendable, Hashable, CaseIterable {
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
public struct MLPSpec: Sendable, Hashable {
    /// Training data (CSV with a header), resolved path.
    public var dataset: String
    /// Optional separate validation data; otherwise a stratified split of `dataset`.
    public var validationDataset: String?
    public var validationFraction: Double
    /// Name of the label column.
    public var label: String

    public init(dataset: String, validationDataset: String? = nil, validationFraction: Double = 0.2, label: String = "label") {
        self.dataset = dataset
        self.validationDataset = validationDataset
        self.validationFraction = validationFraction
        self.label = label
    }

    public static let metrics = ["val_loss", "accuracy", "precision", "recall", "f1", "train_loss",
                                 "params", "memory_bytes", "flops", "train_seconds", "epochs_run"]
}

/// A user's own training command.
public struct CommandSpec: Sendable, Hashable {
    /// Program and arguments; `{name}` placeholders are replaced by parameter values.
    public var command: [String]
    /// Seconds; nil = no limit.
    public var timeout: Double?
    public var environment: [String: String]
    /// Working directory, resolved path (nil = the current directory).
    public var workdir: String?
    /// Metrics the command reports, when declared.
    public var metrics: [String]?

    public init(command: [String], timeout: Double? = nil, environment: [String: String] = [:],
                workdir: String? = nil, metrics: [String]? = nil) {
        self.command = command
        self.timeout = timeout
        self.environment = environment
        self.workdir = workdir
        self.metrics = metrics
    }
}
