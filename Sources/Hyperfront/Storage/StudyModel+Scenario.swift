import Foundation

extension StudyModel {
    /// The model of a scenario. Give the scenario as the run sees it — with the resources the
    /// evaluator supplies (the built-in MLP's params, memory_bytes and flops formulas) — so the
    /// study file describes everything its trials were run under.
    public init(scenario s: Scenario) {
        self.init(name: s.name, space: s.space, objectives: s.objectives, constraints: s.constraints,
                  resources: s.resources, metrics: s.metricNames, evaluator: EvaluatorModel(s.evaluator),
                  search: SearchModel(s.search))
        report = s.report
    }
}

extension EvaluatorModel {
    /// The scenario's evaluator: its plug-in's key and the settings it read (paths as the
    /// scenario resolved them). Nested maps keep their keys only (an environment's values may
    /// be secrets).
    public init(_ spec: EvaluatorSpec) {
        var settings: [String: ModelValue] = [:]
        if let data = try? JSONEncoder().encode(AnyEncodable(spec.settings)),
           case .object(let fields)? = try? JSONDecoder().decode(AnyJSON.self, from: data) {
            for (k, v) in fields { settings[k] = v.modelValue }
        }
        self.init(kind: spec.key, settings: settings)
    }
}

extension SearchModel {
    /// The scenario's search settings (the sampler's own, as given, under `settings`).
    public init(_ s: SearchSettings) {
        var settings: [String: ModelValue] = [:]
        for (k, v) in s.options {
            switch v {
            case .int(let i): settings[k] = .int(i)
            case .double(let d): settings[k] = .double(d)
            case .name(let n): settings[k] = .string(n)
            }
        }
        self.init(algorithm: s.algorithm.rawValue, trials: s.trials, seed: s.seed, workers: s.workers, settings: settings)
    }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// Any JSON value, to read back what a plug-in's settings encode to.
private indirect enum AnyJSON: Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([AnyJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: AnyJSON].self)) }
    }

    var modelValue: ModelValue {
        switch self {
        case .null: return .list([])
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let a): return .list(a.map(\.modelValue))
        case .object(let o): return .list(o.keys.sorted().map { .string($0) })
        }
    }
}
