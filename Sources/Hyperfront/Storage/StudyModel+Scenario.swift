extension StudyModel {
    /// The model of a scenario. Give the scenario as the run sees it — with the resources the
    /// evaluator supplies (the built-in MLP's params, memory_bytes and flops formulas) — so the
    /// study file describes everything its trials were run under.
    public init(scenario s: Scenario) {
        self.init(name: s.name, space: s.space, objectives: s.objectives, constraints: s.constraints,
                  resources: s.resources, metrics: s.metricNames, evaluator: EvaluatorModel(s.evaluator),
                  search: SearchModel(s.search))
    }
}

extension EvaluatorModel {
    /// The scenario's evaluator settings (paths as the scenario resolved them).
    public init(_ spec: EvaluatorSpec) {
        if let b = spec.settings as? BenchmarkSpec {
            self.init(kind: "benchmark", settings: ["problem": .string(b.problem.rawValue), "variables": .int(b.variables),
                                                    "objectives": .int(b.objectives)])
        } else if let m = spec.settings as? MLPSpec {
            var settings: [String: ModelValue] = ["builtin": .string("mlp"), "dataset": .string(m.dataset),
                                                  "validation_fraction": .double(m.validationFraction), "label": .string(m.label)]
            if let v = m.validationDataset { settings["validation_dataset"] = .string(v) }
            self.init(kind: "builtin", settings: settings)
        } else if let c = spec.settings as? CommandSpec {
            var settings: [String: ModelValue] = ["command": .list(c.command.map { .string($0) })]
            if let t = c.timeout { settings["timeout"] = .double(t) }
            if !c.environment.isEmpty { settings["env"] = .list(c.environment.keys.sorted().map { .string($0) }) }
            if let w = c.workdir { settings["workdir"] = .string(w) }
            if let m = c.metrics { settings["metrics"] = .list(m.map { .string($0) }) }
            self.init(kind: "command", settings: settings)
        } else {
            self.init(kind: spec.key, settings: [:])
        }
    }
}

extension SearchModel {
    /// The scenario's search settings (the algorithm's own under `settings`).
    public init(_ s: SearchSettings) {
        // The sampler's own settings as the scenario gave them (the others take its plug-in's defaults).
        var settings: [String: ModelValue] = [:]
        for (key, value) in s.options {
            switch value {
            case .int(let i): settings[key] = .int(i)
            case .double(let d): settings[key] = .double(d)
            case .name(let n): settings[key] = .string(n)
            }
        }
        self.init(algorithm: s.algorithm.rawValue, trials: s.trials, seed: s.seed, workers: s.workers, settings: settings)
    }
}
