import Foundation
import Testing
import Samplers
import Hyperfront
import Store
@testable import Studies

/// A cheap two-objective problem with a failure region, for exercising the run loop.
struct ToyEvaluator: Evaluator {
    var metricNames: [String] { ["f1", "f2"] }
    func evaluate(_ request: TrialRequest) -> TrialOutcome {
        let x = request.configuration.values
        if x[0] > 0.95 { return .failed("x1 too large") }
        let g = 1 + x.dropFirst().reduce(0, +)
        return TrialOutcome(metrics: ["f1": x[0], "f2": g * (1 - (x[0] / g).squareRoot())])
    }
}

func toyScenario(trials: Int, algorithm: SearchSettings.Algorithm = .random, constraint: Double? = nil) -> Scenario {
    var s = SearchSettings()
    s.algorithm = algorithm
    s.trials = trials
    s.seed = 5
    let space = SearchSpace(parameters: (1...4).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) })
    return Scenario(name: "toy", source: "toy \(trials)", space: space,
                    objectives: [Objective(metric: "f1", goal: .minimize), Objective(metric: "f2", goal: .minimize)],
                    constraints: constraint.map { [OutcomeConstraint(metric: "f2", kind: .atMost, bound: $0)] } ?? [],
                    evaluator: .command(CommandSpec(command: ["toy"], metrics: ["f1", "f2"])), search: s)
}

func temporaryStudyPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("hf-\(UUID().uuidString).sqlite").path
}

func runToy(_ scenario: Scenario, path: String, workers: Int = 1, stopAfter: Int? = nil) throws -> (StudyStore, StudyRunner.Summary) {
    let store = FileManager.default.fileExists(atPath: path)
        ? try StudyStore.open(path: path)
        : try StudyStore.create(path: path, info: StudySetup.info(scenario))
    let runner = StudyRunner(scenario: scenario, store: store, evaluator: ToyEvaluator(),
                             sampler: try SamplerFactory.make(scenario.search, space: scenario.space),
                             repair: nil, trials: scenario.search.trials, seed: scenario.search.seed, workers: workers)
    let counter = Counter()
    let summary = try runner.run(progress: { _ in counter.increment() },
                                 shouldStop: { stopAfter.map { counter.value >= $0 } ?? false })
    return (store, summary)
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    func increment() { lock.lock(); n += 1; lock.unlock() }
}

@Test func everyTrialIsStoredWithItsMetricsAndViolation() throws {
    let path = temporaryStudyPath()
    let (store, summary) = try runToy(toyScenario(trials: 200, constraint: 1.5), path: path)
    let trials = try store.trials()
    #expect(trials.count == 200)
    #expect(trials.map(\.number) == Array(0..<200))
    #expect(summary.finished == 200)
    for t in trials {
        if t.configuration[0] > 0.95 {
            #expect(t.state == .failed && t.failure == "x1 too large" && t.violation == .infinity)
        } else {
            #expect(t.state == .complete)
            #expect(t.metrics[0] == t.configuration[0])
            #expect((t.metrics[1] > 1.5) == (t.violation > 0))
        }
    }
    #expect(Set(trials.map(\.configuration)).count == 200)
}

/// NSGA-II breeds from the results, so its proposals after the first generation depend on which
/// trials have finished: the same seed must still give the same trials with any number of workers.
@Test func sameSeedSameTrialsAlsoWithWorkers() throws {
    let (a, _) = try runToy(toyScenario(trials: 120, algorithm: .nsga2), path: temporaryStudyPath())
    let (b, _) = try runToy(toyScenario(trials: 120, algorithm: .nsga2), path: temporaryStudyPath(), workers: 3)
    let ta = try a.trials(), tb = try b.trials()
    #expect(ta.count == 120 && tb.count == 120)
    #expect(Set(ta.map(\.generation)) == Set(0..<5), "five generations of 24, each bred from the last")
    #expect(ta.map(\.generation) == tb.map(\.generation))
    #expect(ta.map(\.configuration) == tb.map(\.configuration))
    #expect(ta.map { $0.metrics.map(\.bitPattern) } == tb.map { $0.metrics.map(\.bitPattern) })
}

@Test func resumeContinuesExactlyWhereItStopped() throws {
    let full = try runToy(toyScenario(trials: 150), path: temporaryStudyPath()).0.trials()
    let path = temporaryStudyPath()
    let (_, first) = try runToy(toyScenario(trials: 150), path: path, stopAfter: 40)
    #expect(first.stoppedEarly == "stopped")
    let (store, second) = try runToy(toyScenario(trials: 150), path: path)
    #expect(second.reused == first.finished)
    let resumed = try store.trials()
    #expect(resumed.count == 150)
    #expect(resumed.map(\.configuration) == full.map(\.configuration))
}

@Test func gridIsExhaustedWithoutRepeats() throws {
    var s = toyScenario(trials: 1000, algorithm: .grid)
    s.space = SearchSpace(parameters: [
        Parameter(name: "x1", domain: .ordinal([0.1, 0.5, 0.9])),
        Parameter(name: "x2", domain: .categorical([.string("a"), .string("b")])),
        Parameter(name: "x3", domain: .int(lower: 0, upper: 1, log: false, step: 1)),
        Parameter(name: "x4", domain: .float(lower: 0, upper: 1, log: false, step: nil),
                  condition: Condition(clauses: [.init(parameter: 1, allowed: [0])])),
    ])
    s.search.gridPoints = 3
    struct Index: Evaluator {
        var metricNames: [String] { ["f1", "f2"] }
        func evaluate(_ r: TrialRequest) -> TrialOutcome { TrialOutcome(metrics: ["f1": r.configuration[0], "f2": r.configuration[2]]) }
    }
    let store = try StudyStore.create(path: temporaryStudyPath(), info: StudySetup.info(s))
    let runner = StudyRunner(scenario: s, store: store, evaluator: Index(), sampler: try SamplerFactory.make(s.search, space: s.space),
                             repair: nil, trials: 1000, seed: 1, workers: 1)
    let summary = try runner.run()
    // 3 × (a: 2 × 3 + b: 2 × 1) = 24 distinct configurations
    #expect(try store.trials().count == 24)
    #expect(summary.stoppedEarly != nil)
}
