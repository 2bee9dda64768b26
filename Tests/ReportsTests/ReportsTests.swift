import Foundation
import Hyperfront
import Pareto
import Testing
@testable import Reports
import Studies
import Store

func fixtureReport(objectives: Int = 2, count: Int = 60, seed: UInt64 = 11, transform: (inout [Trial]) -> Void = { _ in }) throws -> StudyReport {
    try StudyReport(storage: try StudyStore.open(path: try FixtureStudy.write(objectives: objectives, count: count, seed: seed, transform: transform)), registry: .standard)
}

@Test(arguments: ["table", "markdown", "csv", "json"]) // html: HTMLPageTests
func reportFormatsMatchGoldenFiles(format: String) throws {
    let r = try fixtureReport()
    let text: String
    switch format {
    case "table": text = TableFormat.render(r, all: false)
    case "markdown": text = MarkdownFormat.render(r, all: false)
    case "csv": text = CSVFormat.render(r, all: false)
    case "json": text = JSONFormat.render(r, all: false)
    default: text = HTMLFormat.render(r, all: false)
    }
    try Golden.check(text, "report-2d.\(format == "table" ? "txt" : format == "markdown" ? "md" : format)")
}

@Test func threeObjectiveTableAndAllTrialsMatchGoldenFiles() throws {
    let r = try fixtureReport(objectives: 3, count: 80)
    try Golden.check(TableFormat.render(r, all: false), "report-3d.txt")
    try Golden.check(TableFormat.render(r, all: true), "report-3d-all.txt")
}

@Test func sameStudyGivesSameBytesInEveryFormat() throws {
    let a = try fixtureReport(), b = try fixtureReport()
    for all in [false, true] {
        #expect(TableFormat.render(a, all: all) == TableFormat.render(b, all: all))
        #expect(MarkdownFormat.render(a, all: all) == MarkdownFormat.render(b, all: all))
        #expect(CSVFormat.render(a, all: all) == CSVFormat.render(b, all: all))
        #expect(JSONFormat.render(a, all: all) == JSONFormat.render(b, all: all))
        #expect(HTMLFormat.render(a, all: all) == HTMLFormat.render(b, all: all))
    }
}

@Test func frontEqualsTheReferenceSortOfFeasibleTrials() throws {
    let r = try fixtureReport(objectives: 3, count: 150)
    let points = PointSet(rows: r.feasible.map(r.objectiveVector))
    let oracle = Set(NondominatedSorting.naiveRanks(points).enumerated().filter { $0.element == 0 }.map { r.feasible[$0.offset] })
    #expect(Set(r.front) == oracle)
    // Sorted by the first objective's metric.
    let first = r.front.map { r.metric("accuracy", of: $0)! }
    #expect(first == first.sorted())
    // No infeasible or failed trial on the front.
    #expect(r.front.allSatisfy { r.trials[$0].state == .complete && r.trials[$0].violation <= 0 })
}

@Test func kneeIsTheFrontsKneePointAndBestsAreExtremes() throws {
    let r = try fixtureReport(objectives: 3, count: 150)
    let vs = r.front.map(r.objectiveVector)
    let m = 3
    let lo = (0..<m).map { k in vs.map { $0[k] }.min()! }
    let knee = try #require(r.knee)
    // The knee is Pareto's knee point of the front's (minimised) objective vectors.
    let expected = try #require(KneePoint.index(PointSet(rows: vs)))
    #expect(knee == r.front[expected])
    for (k, i) in r.bestPerObjective.enumerated() { #expect(r.objectiveVector(i)[k] == lo[k]) }
}

@Test func hypervolumeHistoryRisesToTheFinalHypervolume() throws {
    let r = try fixtureReport()
    let h = r.hypervolumeHistory
    #expect(!h.isEmpty)
    for k in 1..<h.count { #expect(h[k].value >= h[k - 1].value); #expect(h[k].trial > h[k - 1].trial) }
    let final = try #require(r.hypervolume).value
    #expect(abs(h.last!.value - final) <= 1e-9 * final)
}

/// The history against an oracle: at every trial that changes the front, the exact
/// hypervolume of every trial so far, recomputed from scratch.
func historyOracle(_ r: StudyReport) throws -> [(trial: Int, value: Double)] {
    let ref = try #require(r.referencePoint)
    var seen: [[Double]] = [], out: [(trial: Int, value: Double)] = []
    for i in r.feasible.sorted(by: { r.trials[$0].number < r.trials[$1].number }) {
        let v = r.objectiveVector(i)
        guard v.allSatisfy(\.isFinite) else { continue }
        let changes = !seen.contains { Dominance.weaklyDominates($0, v) }
        seen.append(v)
        if changes { out.append((r.trials[i].number, Hypervolume.compute(PointSet(rows: seen), reference: ref))) }
    }
    return out
}

@Test(arguments: [2, 3])
func hypervolumeHistoryIsExactAtEveryFrontChange(objectives: Int) throws {
    let r = try fixtureReport(objectives: objectives, count: 150)
    let oracle = try historyOracle(r)
    let h = r.hypervolumeTimeline
    #expect(h.exact)
    #expect(h.frontChanges == oracle.count && oracle.count > 10)
    #expect(h.entries.map(\.trial) == oracle.map(\.trial))
    for (e, o) in zip(h.entries, oracle) { #expect(abs(e.value - o.value) <= 1e-12 * o.value, "trial \(o.trial)") }
}

/// Without the budget for summed contributions, the history measures the front at up to
/// 100 evenly spaced changes instead (exact here, where each front is small).
@Test func hypervolumeHistoryBeyondItsBudgetMeasuresFewerChanges() throws {
    let r = try fixtureReport(objectives: 3, count: 400)
    let oracle = try historyOracle(r)
    let h = r.hypervolumeTimeline(budget: 0)
    #expect(!h.exact)
    #expect(h.frontChanges == oracle.count)
    let chosen = StudyReport.evenly(oracle.count, StudyReport.maximumEstimatedHistoryPoints)
    #expect(h.entries.count == min(oracle.count, 100) && h.entries.count == chosen.count)
    #expect(h.entries.last?.trial == oracle.last?.trial)
    for (e, k) in zip(h.entries, chosen) {
        #expect(e.trial == oracle[k].trial)
        #expect(abs(e.value - oracle[k].value) <= 1e-12 * oracle[k].value)
    }
}

@Test func everyTrialFailedIsExplained() throws {
    let r = try fixtureReport { ts in for k in ts.indices { ts[k].state = .failed; ts[k].failure = k % 3 == 0 ? "timeout after 10m" : "exit status 1: out of memory"; ts[k].violation = .infinity } }
    let why = try #require(r.emptyFrontExplanation)
    #expect(why.contains("Every trial failed (60)"))
    #expect(why.contains("40×): exit status 1: out of memory"))
    let table = TableFormat.render(r, all: false)
    #expect(table.contains(why))
    #expect(!table.contains("-----"))
    #expect(JSONFormat.render(r, all: false).contains("\"empty_front_reason\": \"Every trial failed"))
    #expect(HTMLFormat.render(r, all: false).contains("class=\"empty\""))
}

@Test func everyTrialInfeasibleNamesTheClosest() throws {
    let r = try fixtureReport { ts in for k in ts.indices where ts[k].state == .complete {
        let i = 3 // train_seconds column
        ts[k].metrics[i] += 100
        ts[k].violation = (ts[k].metrics[i] - 40) / 40
    } }
    let why = try #require(r.emptyFrontExplanation)
    #expect(why.hasPrefix("No trial satisfies every constraint (55 infeasible, 5 failed)"))
    let best = r.infeasible.map { r.metric("train_seconds", of: $0)! }.min()!
    #expect(why.contains("train_seconds ≤ 40: best seen \(MetricUnit.seconds.format(best)) (still outside)"))
}

@Test func slackIsTheRoomLeftUnderEachConstraint() throws {
    let r = try fixtureReport()
    let c = r.model.constraints[0]
    for i in r.front { #expect(r.slack(c, of: i)! == 40 - r.metric("train_seconds", of: i)!) }
}

@Test func keyParametersAreTheOnesThatVaryMostWhenThereAreMany() throws {
    // Twelve parameters; only p3 and p7 vary on the front beyond the first eight by order.
    var yaml = "name: wide\nevaluator: {command: [x], metrics: [f1, f2]}\nspace:\n"
    for k in 0..<12 { yaml += "  p\(k): {float: [0, 1]}\n" }
    yaml += "objectives: [{metric: f1}, {metric: f2}]\n"
    let sc = try ScenarioLoader.parse(yaml, path: "w.yaml", checkFiles: false)
    let info = StudyInfo(name: "wide", scenario: yaml, scenarioPath: "w.yaml", seed: 1, trials: 10, parameterNames: sc.space.names, metricNames: sc.metricNames, createdAt: 0)
    let trials = (0..<10).map { n -> Trial in
        var v = [Double](repeating: 0.5, count: 12)
        v[3] = Double(n) / 9; v[7] = Double(9 - n) / 9; v[10] = n % 2 == 0 ? 0.4 : 0.6
        for k in [0, 1, 2, 4, 5, 6] { v[k] = 0.5 + 0.001 * Double(n % 3) }
        return Trial(number: n, generation: 0, configuration: Configuration(v), state: .complete, metrics: [Double(n), Double(9 - n)], violation: 0, startedAt: 0, finishedAt: 0, failure: nil)
    }
    let r = StudyReport(info: info, scenario: sc, trials: trials)
    let keys = r.keyParameters
    #expect(keys.count == 8)
    #expect(keys.contains(3) && keys.contains(7) && keys.contains(10))
    #expect(!keys.contains(8) && !keys.contains(9) && !keys.contains(11))
}

@Test func metricUnitsFollowTheMetricName() {
    #expect(MetricUnit(metric: "memory_bytes").format(2_000_000) == "2 MB")
    #expect(MetricUnit(metric: "memory_bytes").format(1536) == "1.54 KB")
    #expect(MetricUnit(metric: "train_seconds").format(12.345) == "12.3 s")
    #expect(MetricUnit(metric: "params").format(48_213) == "48.2k")
    #expect(MetricUnit(metric: "accuracy") == .plain)
    #expect(MetricUnit(metric: "memory_bytes").label("memory_bytes") == "memory_bytes (bytes)")
}

@Test func prunedTrialsAreCountedApartAndNeverOnTheFront() throws {
    let base = try fixtureReport(objectives: 2, count: 40, seed: 3)
    // Prune every front trial: the front is then made of the others, and the counts say so.
    var trials = base.trials
    for i in base.front { trials[i].state = .pruned }
    let r = StudyReport(info: base.info, model: base.model, trials: trials)
    #expect(r.pruned.sorted() == base.front.sorted())
    #expect(Set(r.front).isDisjoint(with: base.front) && !r.front.isEmpty)
    #expect(r.infeasible == base.infeasible && r.failed == base.failed)
    #expect(TableFormat.render(r, all: false).contains("\(base.front.count) pruned"))
    #expect(JSONFormat.render(r, all: false).contains("\"pruned\": \(base.front.count)"))
    #expect(!JSONFormat.render(base, all: false).contains("\"pruned\""))
    #expect(StatusFormat.render(r, location: "s.sqlite", holder: nil, points: 3).contains("failed, \(base.front.count) pruned, "))
}
