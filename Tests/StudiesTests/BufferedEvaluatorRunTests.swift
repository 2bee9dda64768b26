import Foundation
import Testing
import Evaluators
import Samplers
import Hyperfront
import Store
@testable import Studies

/// The toy problem through the buffer path, with its metrics in the opposite order of the
/// study's and one metric the study does not use.
struct BufferedToyEvaluator: BufferedEvaluator {
    var metricNames: [String] { ["f2", "unused", "f1"] }
    func evaluate(_ request: TrialRequest) -> TrialOutcome { ToyEvaluator().evaluate(request) }
    func evaluate(_ request: TrialRequest, into metrics: UnsafeMutableBufferPointer<Double>) -> String? {
        let outcome = ToyEvaluator().evaluate(request)
        if outcome.state == .failed { return outcome.failure }
        metrics[0] = outcome.metrics["f2"]!
        metrics[1] = 42
        metrics[2] = outcome.metrics["f1"]!
        return nil
    }
}

private func run(_ scenario: Scenario, _ evaluator: any Evaluator, workers: Int) throws -> [Trial] {
    let store = try StudyStore.create(path: temporaryStudyPath(), info: StudySetup.info(scenario))
    let runner = StudyRunner(scenario: scenario, store: store, evaluator: evaluator,
                             sampler: try SamplerFactory.make(scenario.search, space: scenario.space),
                             repair: nil, trials: scenario.search.trials, seed: scenario.search.seed, workers: workers)
    _ = try runner.run()
    return try store.trials()
}

@Test(arguments: [1, 3])
func bufferedEvaluatorsGiveTheSameTrialsAsTheDictionaryPath(workers: Int) throws {
    var scenario = toyScenario(trials: 300, algorithm: .nsga2, constraint: 1.2)
    scenario.search.population = 20
    let plain = try run(scenario, ToyEvaluator(), workers: 1)
    let buffered = try run(scenario, BufferedToyEvaluator(), workers: workers)
    #expect(plain.count == 300 && buffered.count == 300)
    #expect(plain.contains { $0.state == .failed } && plain.contains { $0.violation > 0 && $0.violation.isFinite })
    for (a, b) in zip(plain, buffered) {
        #expect(a.number == b.number && a.generation == b.generation && a.configuration == b.configuration)
        #expect(a.state == b.state && a.failure == b.failure)
        #expect(a.metrics.map(\.bitPattern) == b.metrics.map(\.bitPattern))
        #expect(a.violation.bitPattern == b.violation.bitPattern)
        #expect(b.startedAt <= b.finishedAt!)
    }
}

@Test func benchmarkBufferPathMatchesItsOutcomes() throws {
    let scenario = try toyBenchmarkScenario()
    let spec = try #require(try EvaluatorFactory.make(scenario).evaluator as? BenchmarkEvaluator)
    var rng = RandomSource(seed: 3)
    for n in 0..<50 {
        let c = spec.spec.space.sample(using: &rng)
        let request = TrialRequest(number: n, seed: 0, configuration: c, space: spec.spec.space)
        var f = [Double](repeating: .nan, count: spec.metricNames.count)
        #expect(f.withUnsafeMutableBufferPointer { spec.evaluate(request, into: $0) } == nil)
        let outcome = spec.evaluate(request)
        #expect(spec.metricNames.map { outcome.metrics[$0]! } == f)
    }
    let bad = TrialRequest(number: 0, seed: 0, configuration: Configuration([0.5]), space: spec.spec.space)
    var f = [Double](repeating: .nan, count: spec.metricNames.count)
    let failure = f.withUnsafeMutableBufferPointer { spec.evaluate(bad, into: $0) }
    #expect(failure?.contains("expects 30 variables") == true)
    #expect(spec.evaluate(bad).failure == failure)
}

private func toyBenchmarkScenario() throws -> Scenario {
    try ScenarioLoader.parse("name: b\nevaluator: {benchmark: zdt1}\nobjectives: [{metric: f1}, {metric: f2}]\n", path: "b.yaml")
}
