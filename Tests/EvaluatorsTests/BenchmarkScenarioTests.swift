import Foundation
import Testing
import Hyperfront
import Studies
@testable import Evaluators

private let scenarioFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios/benchmarks")

@Test func benchmarkScenariosCarryTheLiteratureSettings() throws {
    let expected = ["zdt1", "zdt2", "zdt3", "zdt4", "zdt6", "dtlz1", "dtlz2", "dtlz3", "dtlz4", "dtlz5", "dtlz6", "dtlz7"]
    let files = try FileManager.default.contentsOfDirectory(atPath: scenarioFolder.path).filter { $0.hasSuffix(".yaml") }
    #expect(Set(files) == Set(expected.map { "\($0).yaml" }))
    var rng = RandomSource(seed: 1)
    for name in expected {
        let scenario = try ScenarioLoader.load(path: scenarioFolder.appendingPathComponent("\(name).yaml").path)
        guard let spec = scenario.evaluator.settings as? BenchmarkSpec else {
            Issue.record("\(name): not a benchmark evaluator")
            continue
        }
        #expect(spec.problem.rawValue == name)
        let s = scenario.search
        #expect(s.algorithm == .nsga2 && s.population == 100 && s.trials == 25_000 && s.seed == 1, "\(name)")
        #expect(s.crossoverProbability == 0.9 && s.crossoverEta == 15, "\(name)")
        #expect(s.mutationProbability == nil && s.mutationEta == 20, "\(name): mutation probability must default to 1/n")
        #expect(scenario.objectives.map(\.metric) == spec.metrics, "\(name)")
        #expect(scenario.objectives.allSatisfy { $0.goal == .minimize }, "\(name)")
        // The evaluator answers every objective for a configuration of the scenario's space.
        let outcome = BenchmarkEvaluator(spec: spec).evaluate(
            TrialRequest(number: 0, seed: 1, configuration: scenario.space.sample(using: &rng), space: scenario.space))
        #expect(outcome.state == .complete && Set(outcome.metrics.keys) == Set(spec.metrics), "\(name)")
    }
}
