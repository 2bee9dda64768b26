import Foundation

/// The model's JSON layout (format 1), readable on its own:
/// ```json
/// {"format": 1, "name": "digits", "metrics": ["accuracy", "params"],
///  "parameters": [{"name": "optimizer", "kind": "categorical", "values": ["adam", "sgd"]},
///                 {"name": "momentum", "kind": "float", "lower": 0.8, "upper": 0.95, "log": false,
///                  "when": [{"parameter": "optimizer", "values": ["sgd"]}]}],
///  "objectives": [{"metric": "accuracy", "goal": "maximize"}],
///  "constraints": [{"metric": "memory_bytes", "max": 512000}],
///  "resources": [{"metric": "params", "formula": "...", "expression": {...}}],
///  "evaluator": {"kind": "builtin", "settings": {...}}, "search": {"algorithm": "nsga2", ...},
///  "report": {"where": ["accuracy>=0.9"], "tolerance": ["train_seconds=5%"]}}
/// ```
/// `report` (the scenario's report-only settings, as text) is written only when it holds some.
/// Integral doubles are written `{"double": "3.0"}` (see `ModelValue`); a resource keeps its
/// expression tree (exact) beside its formula text (for people).
extension StudyModel: Codable {
    private enum Keys: String, CodingKey {
        case format, name, metrics, parameters, objectives, constraints, resources, evaluator, search, report
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(Self.format, forKey: .format)
        try c.encode(name, forKey: .name)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(space.parameters.map { ParameterJSON($0, in: space) }, forKey: .parameters)
        try c.encode(objectives.map { ObjectiveJSON(metric: $0.metric, goal: $0.goal.rawValue) }, forKey: .objectives)
        try c.encode(constraints.map(ConstraintJSON.init), forKey: .constraints)
        try c.encode(resources.map { ResourceJSON(metric: $0.metric, formula: $0.expression.description, expression: $0.expression) },
                     forKey: .resources)
        try c.encode(evaluator, forKey: .evaluator)
        try c.encode(search, forKey: .search)
        if !report.isEmpty {
            try c.encode(ReportJSON(where: report.filters.map(\.description), tolerance: report.tolerances.map(\.description)), forKey: .report)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let format = try c.decode(Int.self, forKey: .format)
        guard format <= Self.format else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: "model format \(format) is newer than \(Self.format)")
        }
        var parameters: [Parameter] = []
        for p in try c.decode([ParameterJSON].self, forKey: .parameters) {
            parameters.append(try p.parameter(after: parameters))
        }
        let space = SearchSpace(parameters: parameters)
        let objectives = try c.decode([ObjectiveJSON].self, forKey: .objectives).map { o in
            guard let goal = Goal(rawValue: o.goal) else {
                throw DecodingError.dataCorruptedError(forKey: .objectives, in: c, debugDescription: "unknown goal \(o.goal)")
            }
            return Objective(metric: o.metric, goal: goal)
        }
        let constraints = try c.decode([ConstraintJSON].self, forKey: .constraints).map { k in
            guard let bound = k.max ?? k.min else {
                throw DecodingError.dataCorruptedError(forKey: .constraints, in: c, debugDescription: "constraint on \(k.metric) has no bound")
            }
            return OutcomeConstraint(metric: k.metric, kind: k.max != nil ? .atMost : .atLeast, bound: bound)
        }
        let resources = try c.decode([ResourceJSON].self, forKey: .resources).map {
            ResourceFormula(metric: $0.metric, expression: $0.expression, space: space)
        }
        self.init(name: try c.decode(String.self, forKey: .name), space: space, objectives: objectives,
                  constraints: constraints, resources: resources, metrics: try c.decode([String].self, forKey: .metrics),
                  evaluator: try c.decode(EvaluatorModel.self, forKey: .evaluator), search: try c.decode(SearchModel.self, forKey: .search))
        if let r = try c.decodeIfPresent(ReportJSON.self, forKey: .report) {
            do {
                let metrics = self.metrics, names = self.objectives.map(\.metric)
                report = ReportSettings(filters: try (r.where ?? []).map { (f) throws(MetricFilter.ParseError) in try MetricFilter.parse(f, metrics: metrics) },
                                        tolerances: try (r.tolerance ?? []).map { (t) throws(ObjectiveTolerance.ParseError) in try ObjectiveTolerance.parse(t, objectives: names, metrics: metrics) })
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .report, in: c, debugDescription: "report settings: \(error)")
            }
        }
    }

    /// The model as JSON text (keys sorted: the same model always gives the same bytes).
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain values cannot fail: every double in a model is finite or tagged.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads a model from its JSON text.
    public static func read(json: String) throws -> StudyModel {
        try JSONDecoder().decode(StudyModel.self, from: Data(json.utf8))
    }
}

private struct ReportJSON: Codable {
    var `where`: [String]?
    var tolerance: [String]?
}

private struct ObjectiveJSON: Codable {
    var metric: String
    var goal: String
}

private struct ConstraintJSON: Codable {
    var metric: String
    var max: Double?
    var min: Double?

    init(_ c: OutcomeConstraint) {
        metric = c.metric
        max = c.kind == .atMost ? c.bound : nil
        min = c.kind == .atLeast ? c.bound : nil
    }
}

private struct ResourceJSON: Codable {
    var metric: String
    var formula: String
    var expression: Expression
}

private struct ClauseJSON: Codable {
    var parameter: String
    var values: [ModelValue]
}

private struct ParameterJSON: Codable {
    var name: String
    var kind: String
    var lower: Double?
    var upper: Double?
    var log: Bool?
    var step: Double?
    var values: [ModelValue]?
    var value: ModelValue?
    var when: [ClauseJSON]?

    init(_ p: Parameter, in space: SearchSpace) {
        name = p.name
        switch p.domain {
        case .float(let lo, let hi, let log, let step): kind = "float"; lower = lo; upper = hi; self.log = log; self.step = step
        case .int(let lo, let hi, let log, let step): kind = "int"; lower = Double(lo); upper = Double(hi); self.log = log; self.step = Double(step)
        case .ordinal(let v): kind = "ordinal"; values = v.map { .double($0) }
        case .categorical(let v): kind = "categorical"; values = v.map(ModelValue.init)
        case .fixed(let v): kind = "fixed"; value = ModelValue(v)
        }
        when = p.condition.map { cond in
            cond.clauses.map { clause in
                let parent = space[clause.parameter]
                return ClauseJSON(parameter: parent.name,
                                  values: clause.allowed.sorted().map { ModelValue(parent.domain.decode($0)) })
            }
        }
    }

    struct Invalid: Error, CustomStringConvertible { let description: String }

    func parameter(after earlier: [Parameter]) throws -> Parameter {
        func need<T>(_ v: T?, _ field: String) throws -> T {
            guard let v else { throw Invalid(description: "parameter \(name) (\(kind)) has no \(field)") }
            return v
        }
        let domain: Domain
        switch kind {
        case "float": domain = .float(lower: try need(lower, "lower"), upper: try need(upper, "upper"), log: log ?? false, step: step)
        case "int":
            domain = .int(lower: Int(try need(lower, "lower")), upper: Int(try need(upper, "upper")), log: log ?? false, step: Int(step ?? 1))
        case "ordinal": domain = .ordinal(try need(values, "values").map { try need($0.value?.number, "numeric value") })
        case "categorical": domain = .categorical(try need(values, "values").map { try need($0.value, "value") })
        case "fixed": domain = .fixed(try need(value?.value, "value"))
        default: throw Invalid(description: "parameter \(name) has an unknown kind '\(kind)'")
        }
        var condition: Condition? = nil
        if let when {
            condition = Condition(clauses: try when.map { clause in
                guard let i = earlier.firstIndex(where: { $0.name == clause.parameter }) else {
                    throw Invalid(description: "parameter \(name) depends on \(clause.parameter), which is not declared before it")
                }
                return Condition.Clause(parameter: i, allowed: Set(try clause.values.map { v in
                    try need(Self.encoded(v, in: earlier[i].domain), "value \(v) of \(clause.parameter)")
                }))
            })
        }
        return Parameter(name: name, domain: domain, condition: condition)
    }

    /// The encoded form of a decoded value (see `Domain`).
    static func encoded(_ v: ModelValue, in domain: Domain) -> Double? {
        guard let value = v.value else { return nil }
        switch domain {
        case .float, .int: return value.number
        case .ordinal(let values): return value.number.flatMap { n in values.firstIndex(of: n).map(Double.init) }
        case .categorical(let values): return values.firstIndex(of: value).map(Double.init)
        case .fixed: return 0
        }
    }
}
