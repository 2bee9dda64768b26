import Foundation
import Testing
import Samplers
import Hyperfront
import Store
import Schedulers
@testable import Studies

/// Learning curves of a toy model: trial quality from the configuration, reported epoch by
/// epoch through the trial's channel, with a random pause per epoch (timing only, never values).
struct CurveEvaluator: Evaluator {
    var metricNames: [String] { ["loss", "size"] }
    static let epochs = 27

    static func loss(_ x: [Double], epoch: Int) -> Double {
        let quality = (x[0] - 0.3) * (x[0] - 0.3) + 0.5 * x[2]
        return quality + (0.3 + x[1]) / Double(epoch)
    }

    func evaluate(_ request: TrialRequest) -> TrialOutcome {
        let x = request.configuration.values
        let size = x[1]
        for e in 1...Self.epochs {
            usleep(UInt32.random(in: 0...400))
            if request.channel.report(step: e, ["epoch": Double(e), "loss": Self.loss(x, epoch: e), "size": size]) == .stop { break }
        }
        return TrialOutcome(metrics: ["loss": Self.loss(x, epoch: Self.epochs), "size": size])
    }
}

private func curveScenario(trials: Int, algorithm: EarlyStoppingSettings.Algorithm) -> Scenario {
    var s = SearchSettings()
    s.algorithm = .nsga2
    s.trials = trials
    s.seed = 9
    s.options["population"] = .int(8)
    let space = SearchSpace(parameters: (1...3).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    var scenario = Scenario(name: "curves", source: "curves \(trials)", space: space,
                            objectives: [Objective(metric: "loss", goal: .minimize), Objective(metric: "size", goal: .minimize)],
                            evaluator: .command(CommandSpec(command: ["curves"], metrics: ["loss", "size"])), search: s)
    scenario.earlyStopping = EarlyStoppingSettings(algorithm: algorithm, resource: "epoch", minResource: 1, maxResource: 27, reductionFactor: 3)
    return scenario
}

private func runCurves(_ scenario: Scenario, path: String, workers: Int, stopAfter: Int? = nil) throws -> [Trial] {
    let store = FileManager.default.fileExists(atPath: path)
        ? try StudyStore.open(path: path)
        : try StudyStore.create(path: path, info: StudySetup.info(scenario))
    let runner = StudyRunner(scenario: scenario, store: store, evaluator: CurveEvaluator(),
                             sampler: try SamplerFactory.make(scenario.search, space: scenario.space),
                             repair: nil, trials: scenario.search.trials, seed: scenario.search.seed, workers: workers)
    runner.scheduler = PluginRegistry.standard.scheduler(for: scenario)
    let counter = Counter()
    _ = try runner.run(progress: { _ in counter.increment() }, shouldStop: { stopAfter.map { counter.value >= $0 } ?? false })
    return try store.trials()
}

/// What must match between two runs: configuration, state, where it stopped, metrics.
private func signature(_ trials: [Trial]) -> [String] {
    trials.map { "\($0.number) \($0.configuration.values) \($0.state) \($0.failure ?? "") \($0.metrics)" }
}

@Test(arguments: [EarlyStoppingSettings.Algorithm.asha, .hyperband])
func earlyStoppingIsTheSameWithOneOrFourWorkers(_ algorithm: EarlyStoppingSettings.Algorithm) throws {
    let s = curveScenario(trials: 48, algorithm: algorithm)
    let one = try runCurves(s, path: temporaryStudyPath(), workers: 1)
    let four = try runCurves(s, path: temporaryStudyPath(), workers: 4)
    #expect(signature(one) == signature(four))
    let pruned = one.filter { $0.state == .pruned }
    #expect(pruned.count >= 15, "\(pruned.count) pruned")
    #expect(one.filter { $0.state == .complete }.count >= 5)
    // A pruned trial keeps the values it reported last, at a rung.
    for t in pruned {
        let step = Int(t.failure!.split(separator: " ").last!)!
        #expect([1, 3, 9].contains(step))
        #expect(abs(t.metrics[0] - CurveEvaluator.loss(t.configuration.values, epoch: step)) < 1e-12)
    }
}

@Test func anInterruptedAshaStudyResumesToTheSameTrials() throws {
    let s = curveScenario(trials: 40, algorithm: .asha)
    let whole = try runCurves(s, path: temporaryStudyPath(), workers: 2)
    let path = temporaryStudyPath()
    // Stopped three times (trials in flight are dropped and run again), then run to its end.
    for stop in [7, 9, 11] { _ = try runCurves(s, path: path, workers: 2, stopAfter: stop) }
    let resumed = try runCurves(s, path: path, workers: 2)
    #expect(signature(resumed) == signature(whole))
    #expect(resumed.contains { $0.state == .pruned })
}
