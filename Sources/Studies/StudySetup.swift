import Foundation
import Evaluators
import Samplers
import Hyperfront
import IntegerPrograms
import Store

/// Turns a scenario into the parts of a run: the evaluator, the sampler and the budget repair.
public struct StudySetup {
    /// The scenario with everything the evaluator adds (e.g. the built-in MLP's exact resource
    /// formulas for params, memory_bytes and flops).
    public var scenario: Scenario
    public var evaluator: any Evaluator
    public var sampler: any Sampler
    public var repair: (any ProposalRepair)?

    /// A problem found before any trial runs.
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
        /// The set-up was stopped by its cancellation (Ctrl-C), not by a problem of the scenario.
        public var interrupted = false
        public init(_ description: String, interrupted: Bool = false) {
            self.description = description
            self.interrupted = interrupted
        }
    }

    /// Builds the parts of a run of `scenario` with the plug-ins of `registry`. The setup's
    /// scenario holds the evaluator's resource formulas, and a trial budget no larger than
    /// the sampler can fill (a grid: its size).
    ///
    /// `cancellation` stops the budgets' integer programs — the satisfiability check here, and
    /// the repair's seeding and repairs during the run — once it is cancelled (an interrupt):
    /// a cancelled set-up throws a `SetupError` marked `interrupted`.
    public static func make(_ scenario: Scenario, registry: PluginRegistry = .standard,
                            cancellation: SolveCancellation? = nil) throws(SetupError) -> StudySetup {
        var scenario = scenario
        guard let evaluatorPlugin = registry.evaluator(scenario.evaluator.key) else {
            throw SetupError("evaluator: unknown evaluator '\(scenario.evaluator.key)'; known: \(registry.evaluatorKeys.joined(separator: ", "))")
        }
        let made: MadeEvaluator
        do { made = try evaluatorPlugin.makeEvaluator(scenario) } catch { throw SetupError(error.description) }
        for r in made.resources where !scenario.resources.contains(where: { $0.metric == r.metric }) {
            scenario.resources.append(r)
        }
        let samplerPlugin = try plugin(for: scenario, registry: registry)
        // Budgets known before a trial runs: checked now, kept by repair on every proposal
        // (and searched within by samplers that can).
        var budget: BudgetModel
        do {
            budget = try BudgetModel(space: scenario.space, resources: scenario.resources, constraints: scenario.constraints)
            budget.cancellation = cancellation
            try budget.checkSatisfiable()
        } catch {
            if case .cancelled = error { throw SetupError(error.description, interrupted: true) }
            throw SetupError(scenarioLocation(scenario) + error.description)
        }
        let repair = budget.isActive ? BudgetRepair(model: budget) : nil
        let sampler: any Sampler
        do { sampler = try samplerPlugin.makeSampler(space: scenario.space, search: scenario.search, budget: repair) } catch { throw SetupError(error.description) }
        if let limit = samplerPlugin.trialLimit(of: sampler) { scenario.search.trials = min(scenario.search.trials, limit) }
        return StudySetup(scenario: scenario, evaluator: made.evaluator, sampler: sampler, repair: repair)
    }

    /// The pipeline depth used when a run gives none: the sampler's rule (NSGA-II: a quarter of
    /// its population, 0 when the evaluator's trials are cheap). It depends on the scenario
    /// only — never on the number of workers.
    public static func defaultPipelineDepth(_ scenario: Scenario, algorithm: SearchSettings.Algorithm? = nil,
                                            registry: PluginRegistry = .standard) -> Int {
        guard let plugin = registry.sampler(algorithm ?? scenario.search.algorithm) else { return 0 }
        return plugin.defaultPipelineDepth(search: scenario.search, cheapTrials: scenario.evaluator.settings.trialsAreCheap)
    }

    /// The registered sampler `scenario` names.
    static func plugin(for scenario: Scenario, registry: PluginRegistry) throws(SetupError) -> any SamplerPlugin {
        guard let plugin = registry.sampler(scenario.search.algorithm) else {
            let (message, hint) = registry.unknownAlgorithm(scenario.search.algorithm.rawValue)
            throw SetupError("\(scenarioLocation(scenario))search.algorithm: \(message); \(hint)")
        }
        return plugin
    }

    static func scenarioLocation(_ scenario: Scenario) -> String {
        scenario.path.isEmpty ? "" : "\(scenario.path): "
    }

    /// What the study file records about a scenario.
    public static func info(_ scenario: Scenario) -> StudyInfo {
        StudyInfo(name: scenario.name, scenario: scenario.source, scenarioPath: scenario.path, seed: scenario.search.seed,
                  trials: scenario.search.trials, parameterNames: scenario.space.names, metricNames: scenario.metricNames,
                  createdAt: Date().timeIntervalSince1970, model: StudyModel(scenario: scenario))
    }

    /// Why a study made from `stored` cannot be continued with `scenario`; nil when it can.
    public static func difference(stored: StudyInfo, scenario: Scenario) -> String? {
        if stored.seed != scenario.search.seed {
            return "the study was made with seed \(stored.seed), not \(scenario.search.seed) (drop --seed, or give --seed \(stored.seed))"
        }
        if stored.parameterNames != scenario.space.names {
            return "the search space differs (study: \(stored.parameterNames.joined(separator: ", ")); scenario: \(scenario.space.names.joined(separator: ", ")))"
        }
        if stored.metricNames != scenario.metricNames {
            return "the metrics differ (study: \(stored.metricNames.joined(separator: ", ")); scenario: \(scenario.metricNames.joined(separator: ", ")))"
        }
        if stored.scenario != scenario.source {
            let a = stored.scenario.split(separator: "\n", omittingEmptySubsequences: false)
            let b = scenario.source.split(separator: "\n", omittingEmptySubsequences: false)
            let n = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            let was = n < a.count ? String(a[n]) : "(end of file)", now = n < b.count ? String(b[n]) : "(end of file)"
            return "the scenario file changed since the study was made; first difference at line \(n + 1): study has '\(was)', the file now has '\(now)'"
        }
        return nil
    }
}
