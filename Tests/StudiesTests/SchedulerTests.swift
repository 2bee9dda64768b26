import Foundation
import Testing
import Hyperfront
import Store
@testable import Studies

/// A "training" of five steps: it reports f1 and f2 after each one through the trial's
/// channel, and stops as soon as it is told to.
private struct SteppingEvaluator: Evaluator {
    var metricNames: [String] { ["f1", "f2"] }
    static func values(_ x: Double, step: Int) -> [String: Double] {
        ["f1": x, "f2": (1 - x) + 1 / Double(step)]
    }
    func evaluate(_ r: TrialRequest) -> TrialOutcome {
        let x = r.configuration[0]
        for step in 1...5 {
            if r.channel.report(step: step, Self.values(x, step: step)) == .stop { return .failed("stopped") }
        }
        return TrialOutcome(metrics: Self.values(x, step: 5))
    }
}

/// Stops every odd-numbered trial at step `step`; records which trials ended.
private final class StopOddTrials: TrialScheduler, @unchecked Sendable {
    let step: Int
    private let lock = NSLock()
    private var ended: Set<Int> = []
    init(step: Int) { self.step = step }
    func report(trial: Int, step: Int, metrics: [String: Double]) -> TrialDecision {
        trial % 2 == 1 && step >= self.step ? .stop : .continue
    }
    func trialEnded(_ trial: Int) { lock.lock(); ended.insert(trial); lock.unlock() }
    var endedTrials: Set<Int> { lock.lock(); defer { lock.unlock() }; return ended }
}

private func steppingRun(workers: Int, scheduler: (any TrialScheduler)?, path: String = temporaryStudyPath()) throws -> (StudyStore, StudyRunner.Summary) {
    let scenario = toyScenario(trials: 30)
    let store = try StudyStore.create(path: path, info: StudySetup.info(scenario))
    let runner = StudyRunner(scenario: scenario, store: store, evaluator: SteppingEvaluator(),
                             sampler: try SamplerFactory.make(scenario.search, space: scenario.space),
                             repair: nil, trials: 30, seed: 5, workers: workers)
    runner.scheduler = scheduler
    return (store, try runner.run())
}

@Test(arguments: [1, 3])
func aTrialTheSchedulerStopsIsStoredPrunedWithItsLastValues(workers: Int) throws {
    let scheduler = StopOddTrials(step: 2)
    let (store, summary) = try steppingRun(workers: workers, scheduler: scheduler)
    let trials = try store.trials()
    #expect(trials.count == 30 && summary.pruned == 15 && summary.failed == 0)
    #expect(summary.counts == [.complete: 15, .failed: 0, .pruned: 15])
    #expect(try store.counts()[.pruned] == 15)
    for t in trials {
        let x = t.configuration[0]
        let reports = try store.intermediate(trial: t.number)
        if t.number % 2 == 1 {
            #expect(t.state == .pruned)
            #expect(t.metrics == [x, (1 - x) + 1 / 2])
            #expect(t.failure == "stopped by the scheduler at step 2")
            #expect(reports.count == 2 && reports[1].contains("\"step\": 2"))
        } else {
            #expect(t.state == .complete && t.violation == 0)
            #expect(t.metrics == [x, (1 - x) + 1 / 5])
            #expect(reports.count == 5)
        }
    }
    #expect(scheduler.endedTrials == Set(0..<30))
}

@Test func withoutASchedulerEveryTrialRunsToItsEndAndItsReportsAreKept() throws {
    let (store, summary) = try steppingRun(workers: 2, scheduler: nil)
    #expect(summary.pruned == 0 && summary.counts[.complete] == 30)
    #expect(try store.intermediate(trial: 4).count == 5)
    let x = try #require(store.trials().first { $0.number == 4 }).configuration[0]
    #expect(try store.intermediate(trial: 4)[0] == "{\"f1\": \(formatNumber(x)), \"f2\": \(formatNumber((1 - x) + 1)), \"step\": 1}")
    let (again, _) = try steppingRun(workers: 1, scheduler: RunToCompletion())
    #expect(try again.trials().map(\.metrics) == store.trials().map(\.metrics))
}

@Test func theSamplerLearnsAPrunedTrialAsDominatedWithItsReportedValues() throws {
    let scenario = toyScenario(trials: 1)
    let execution = TrialExecution(evaluator: SteppingEvaluator(), scenario: scenario, seed: 1, scheduler: StopOddTrials(step: 3))
    let (trial, lines) = execution.run(Proposal(configuration: Configuration([0.25, 0, 0, 0]), generation: 2), number: 7, startedAt: 0)
    #expect(trial.state == .pruned && lines.count == 3)
    let o = execution.observation(trial)
    #expect(o.objectives == [0.25, 0.75 + 1.0 / 3])
    #expect(o.violation == .infinity && o.generation == 2)
}

@Test func aChannelAfterStopAnswersStopAndKeepsNoMoreReports() {
    let channel = TrialChannel(trial: 1, scheduler: StopOddTrials(step: 1))
    #expect(channel.report(step: 1, ["f1": 1]) == .stop)
    #expect(channel.shouldStop && channel.stoppedAt == 1)
    #expect(channel.report(step: 2, ["f1": 0]) == .stop)
    #expect(channel.reports == [IntermediateReport(step: 1, metrics: ["f1": 1])])
    let free = TrialChannel(trial: 1)
    #expect(free.report(step: 1, [:]) == .continue && !free.shouldStop)
}
