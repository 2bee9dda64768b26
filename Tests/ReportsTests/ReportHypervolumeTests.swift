import Foundation
import Testing
import Hyperfront
import Pareto
@testable import Reports

/// A study of `m` minimised objectives whose `n` complete trials all lie on the unit simplex
/// (so every one is on the front).
private func simplexStudy(objectives m: Int, trials n: Int) throws -> StudyReport {
    let metrics = (1...m).map { "f\($0)" }
    let yaml = """
    name: many-objectives
    evaluator: {command: [python3, train.py], metrics: [\(metrics.joined(separator: ", "))]}
    space:
      x: {float: [0.0, 1.0]}
    objectives:
    \(metrics.map { "  - {metric: \($0), goal: minimize}" }.joined(separator: "\n"))
    search: {algorithm: random, trials: \(n), seed: 1}

    """
    let scenario = try ScenarioLoader.parse(yaml, path: "many.yaml", checkFiles: false)
    var rng = RandomSource(seed: 3)
    let trials = (0..<n).map { k -> Trial in
        var v = (0..<m).map { _ in -log(max(rng.uniform(), 1e-12)) }
        let s = v.reduce(0, +)
        v = v.map { $0 / s }
        return Trial(number: k, generation: 0, configuration: Configuration([rng.uniform()]), state: .complete, metrics: v,
                     violation: 0, startedAt: Double(k), finishedAt: Double(k) + 1, failure: nil)
    }
    let info = StudyInfo(name: scenario.name, scenario: yaml, scenarioPath: "many.yaml", seed: 1, trials: n,
                         parameterNames: scenario.space.names, metricNames: scenario.metricNames, createdAt: 0)
    return StudyReport(info: info, scenario: scenario, trials: trials)
}

/// A front too costly for exact hypervolume within the work bound (10 objectives × 500 points
/// ran for minutes) gets the seeded estimate instead of a wait without bound. The bound is
/// lowered here so the test runs quickly in debug builds; reports use the same function.
@Test func frontsBeyondTheWorkBoundGetTheSeededEstimate() throws {
    let report = try simplexStudy(objectives: 10, trials: 500)
    let reference = try #require(report.referencePoint)
    let points = PointSet(values: report.front.flatMap { i in report.trials[i].metrics }, dimension: 10)
    #expect(Hypervolume.compute(points, reference: reference, workLimit: 1_000_000) == nil)
    let value = ReportHypervolume.value(points, reference: reference, workLimit: 1_000_000, samples: 2_000)
    var rng = RandomSource(seed: 0x6876_7265_706f_7274)
    let estimate = Hypervolume.estimate(points, reference: reference, samples: 2_000, using: &rng)
    #expect(value == estimate.value)
    #expect(value > 0 && value < reference.reduce(1, *))
}

/// Within the work bound the report's hypervolume is the exact one.
@Test func smallFrontsGetTheExactHypervolume() throws {
    let report = try simplexStudy(objectives: 3, trials: 200)
    let (value, reference) = try #require(report.hypervolume)
    let points = PointSet(values: report.front.flatMap { i in report.trials[i].metrics }, dimension: 3)
    #expect(value == Hypervolume.compute(points, reference: reference))
}
