import Foundation
import Testing
import Samplers
import Hyperfront
import IntegerPrograms
import Store
@testable import Studies

/// A surrogate "training": error falls with size, time grows with size.
struct SizeEvaluator: Evaluator {
    var metricNames: [String] { ["error", "seconds"] }
    func evaluate(_ r: TrialRequest) -> TrialOutcome {
        let layers = r.configuration[0], units = [16.0, 32, 64, 128, 256, 512][Int(r.configuration[1])]
        let lr = r.configuration[2]
        let error = 1 / (1 + layers * units / 64) + abs(log10(lr) + 2.5) / 10
        return TrialOutcome(metrics: ["error": error, "seconds": layers * units / 100])
    }
}

func budgetScenario(algorithm: SearchSettings.Algorithm, trials: Int) throws -> Scenario {
    let yaml = """
    name: budget
    evaluator: {command: [none], metrics: [error, seconds]}
    space:
      layers: {int: [1, 5]}
      units:  {choice: [16, 32, 64, 128, 256, 512]}
      lr:     {float: [1.0e-4, 1.0e-1], log: true}
    resources:
      params: "64*units + units + (layers-1)*(units*units + units) + 10*units + 10"
    objectives:
      - {metric: error}
      - {metric: params}
    constraints:
      - {metric: params, max: 60000}
    search: {algorithm: \(algorithm.rawValue), population: 12, trials: \(trials), seed: 3}
    """
    return try ScenarioLoader.parse(yaml, path: "budget.yaml")
}

@Test(arguments: [SearchSettings.Algorithm.nsga2, .random, .grid])
func noProposalBreaksAKnownBudget(_ algorithm: SearchSettings.Algorithm) throws {
    let scenario = try budgetScenario(algorithm: algorithm, trials: 96)
    let model = try BudgetModel(space: scenario.space, resources: scenario.resources, constraints: scenario.constraints)
    let store = try StudyStore.create(path: temporaryStudyPath(), info: StudySetup.info(scenario))
    let runner = StudyRunner(scenario: scenario, store: store, evaluator: SizeEvaluator(),
                             sampler: try SamplerFactory.make(scenario.search, space: scenario.space),
                             repair: BudgetRepair(model: model), trials: 96, seed: 3, workers: 1)
    _ = try runner.run()
    let trials = try store.trials()
    #expect(trials.count == 96)
    let paramsSlot = scenario.metricNames.firstIndex(of: "params")!
    for t in trials {
        #expect(t.metrics[paramsSlot] <= 60_000, "trial \(t.number) breaks the budget")
        #expect(t.violation == 0)
        #expect(model.fits(t.configuration))
    }
    #expect(Set(trials.map(\.configuration)).count == trials.count)
    if algorithm == .nsga2 {
        // The extremes are in the first generation: the cheapest configuration is trial 0..k.
        let smallest = trials.map { $0.metrics[paramsSlot] }.min()!
        #expect(trials.prefix(12).contains { $0.metrics[paramsSlot] == smallest })
        #expect(trials.last!.generation >= 7)
    }
}
