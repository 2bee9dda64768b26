/// The parsed model of a study — the canonical reading of its scenario text, with what the
/// evaluator adds (the built-in MLP's exact resource formulas): each parameter's domain and
/// condition, the objectives with their direction, the constraints, the resources, the stored
/// metric names, the evaluator and the search settings. The study file stores it as JSON, so
/// reports and status read a study without re-reading its YAML.
public struct StudyModel: Sendable, Equatable {
    /// Version of the JSON layout (see `StudyModel+Codable.swift`).
    public static let format = 1

    public var name: String
    public var space: SearchSpace
    public var objectives: [Objective]
    public var constraints: [OutcomeConstraint]
    /// Resources known before a trial runs (the scenario's and the evaluator's).
    public var resources: [ResourceFormula]
    /// Every metric stored for a trial, in the study's order.
    public var metrics: [String]
    public var evaluator: EvaluatorModel
    public var search: SearchModel
    /// Report-only filters and tolerances (the scenario's `report:` section); reports of the
    /// study apply them unless the command line gives its own.
    public var report = ReportSettings()

    public init(name: String, space: SearchSpace, objectives: [Objective], constraints: [OutcomeConstraint],
                resources: [ResourceFormula], metrics: [String], evaluator: EvaluatorModel, search: SearchModel) {
        self.name = name
        self.space = space
        self.objectives = objectives
        self.constraints = constraints
        self.resources = resources
        self.metrics = metrics
        self.evaluator = evaluator
        self.search = search
    }
}

/// Which evaluator runs the trials and its settings (`kind` is the scenario key:
/// `benchmark`, `builtin`, `command`).
public struct EvaluatorModel: Sendable, Equatable, Codable {
    public var kind: String
    public var settings: [String: ModelValue]

    public init(kind: String, settings: [String: ModelValue] = [:]) {
        self.kind = kind
        self.settings = settings
    }
}

/// The search algorithm (its scenario key), the budget, the seed, the workers and the
/// algorithm's own settings.
public struct SearchModel: Sendable, Equatable, Codable {
    public var algorithm: String
    public var trials: Int
    public var seed: UInt64
    public var workers: Int
    public var settings: [String: ModelValue]

    public init(algorithm: String, trials: Int, seed: UInt64, workers: Int, settings: [String: ModelValue] = [:]) {
        self.algorithm = algorithm
        self.trials = trials
        self.seed = seed
        self.workers = workers
        self.settings = settings
    }
}

/// A setting's value as the model stores it (JSON: a string, a boolean, a number or a list).
public enum ModelValue: Sendable, Hashable, Codable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([ModelValue])

    public init(_ value: Value) {
        switch value {
        case .int(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        }
    }

    /// The parameter value it holds; nil for a list.
    public var value: Value? {
        switch self {
        case .int(let v): return .int(v)
        case .double(let v): return .double(v)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list: return nil
        }
    }

    private enum Tag: String, CodingKey { case double }

    // Integral doubles are written {"double": 3} so that they read back as doubles, not ints.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .int(let v): var c = encoder.singleValueContainer(); try c.encode(v)
        case .double(let v):
            if v == v.rounded() || !v.isFinite {
                var c = encoder.container(keyedBy: Tag.self)
                try c.encode(v.isFinite ? String(v) : "\(v)", forKey: .double)
            } else {
                var c = encoder.singleValueContainer(); try c.encode(v)
            }
        case .list(let l): var c = encoder.singleValueContainer(); try c.encode(l)
        }
    }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Tag.self) {
            let text = try keyed.decode(String.self, forKey: .double)
            guard let v = Double(text) else {
                throw DecodingError.dataCorruptedError(forKey: .double, in: keyed, debugDescription: "not a number: \(text)")
            }
            self = .double(v)
            return
        }
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([ModelValue].self) { self = .list(l) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else { self = .double(try c.decode(Double.self)) }
    }
}
