/// A whole study description: what to search, what to optimise, under which budgets, with
/// which evaluator and algorithm. Built by `ScenarioLoader` from YAML, or directly in code.
public struct Scenario: Sendable {
    public var name: String
    /// The YAML text it was read from (stored in the study file), or "" when built in code.
    public var source: String
    /// Where it was read from (for messages and relative paths); "" when built in code.
    public var path: String
    public var space: SearchSpace
    public var objectives: [Objective]
    public var constraints: [OutcomeConstraint]
    /// Resources that follow from discrete choices (known before a trial runs).
    public var resources: [ResourceFormula]
    public var evaluator: EvaluatorSpec
    public var search: SearchSettings
    /// Which scheduler stops trials early (`early_stopping:`); `.none` lets every trial run to its end.
    public var earlyStopping = EarlyStoppingSettings()
    /// Configurations evaluated before the sampler's own proposals, in order (`enqueue:`).
    public var enqueue: [KnownConfiguration] = []
    /// What is done with one of them that breaks a budget known before training (`enqueue_budget:`).
    public var enqueueBudget = KnownConfiguration.BudgetPolicy.refuse
    /// Report-only filters and tolerances (`report:`); they change what reports show, never the run.
    public var report = ReportSettings()

    public init(name: String, source: String = "", path: String = "", space: SearchSpace,
                objectives: [Objective], constraints: [OutcomeConstraint] = [],
                resources: [ResourceFormula] = [], evaluator: EvaluatorSpec, search: SearchSettings = SearchSettings()) {
        self.name = name
        self.source = source
        self.path = path
        self.space = space
        self.objectives = objectives
        self.constraints = constraints
        self.resources = resources
        self.evaluator = evaluator
        self.search = search
    }

    /// Every metric stored for a trial: the evaluator's own, then resource formulas, then any
    /// metric named by an objective or constraint that is not yet listed. Order is fixed.
    public var metricNames: [String] {
        var names: [String] = evaluator.metrics ?? []
        for r in resources where !names.contains(r.metric) { names.append(r.metric) }
        for m in objectives.map(\.metric) + constraints.map(\.metric) where !names.contains(m) { names.append(m) }
        return names
    }

    /// Total constraint violation of a trial's metrics (indexed like `metricNames`).
    public func violation(metrics: [Double]) -> Double {
        let names = metricNames
        var total = 0.0
        for c in constraints {
            let i = names.firstIndex(of: c.metric)
            total += c.violation(i.map { metrics[$0] })
        }
        return total
    }
}
