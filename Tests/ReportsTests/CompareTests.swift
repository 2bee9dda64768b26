import Foundation
import Hyperfront
import Testing
@testable import Reports
import Studies

private func front(_ name: String, _ rows: [[Double]], goals: [Goal] = [.minimize, .minimize]) -> ComparedFront {
    ComparedFront(name: name, objectives: goals.enumerated().map { Objective(metric: "f\($0.offset + 1)", goal: $0.element) }, points: rows)
}

@Test func comparisonUsesSharedNormalisationAndTheUnionFront() throws {
    let a = front("a.csv", [[1, 10], [2, 6], [4, 4]])
    let b = front("b.csv", [[1.5, 9], [3, 3], [6, 2]])
    let c = try FrontComparison(sides: [.init(name: "a.csv", runs: [a]), .init(name: "b.csv", runs: [b])])
    #expect(c.lower == [1, 2] && c.upper == [6, 10])
    #expect(c.reference == [1.1, 1.1])
    // Union front: (1,10), (2,6), (1.5,9), (3,3), (6,2); (4,4) is dominated by (3,3).
    #expect(c.unionFront.count == 5)
    #expect(c.territory[0].points == 2 && c.territory[1].points == 3)
    #expect(c.territory[0].ranges[0] == (1, 2) || (c.territory[0].ranges[0].lower == 1 && c.territory[0].ranges[0].upper == 2))
    // B's (3,3) dominates A's (4,4); A covers none of B; B covers one of A's three.
    #expect(c.coverage[0][1] == 0)
    #expect(c.coverage[1][0] == 1.0 / 3.0)
    // Hypervolume of A by hand in normalised space: points (0,1), (0.2,0.5), (0.6,0.25); ref 1.1.
    let hv = 1.1 * 0.1 + 0.9 * 0.5 + 0.5 * 0.25
    let got = c.indicators[0][0].hypervolume
    #expect(abs(got - hv) < 1e-12)
}

@Test func maximisedObjectivesAreNegatedBeforeComparing() throws {
    let a = front("a", [[0.9, 100], [0.8, 50]], goals: [.maximize, .minimize])
    let b = front("b", [[0.95, 100]], goals: [.maximize, .minimize])
    let c = try FrontComparison(sides: [.init(name: "a", runs: [a]), .init(name: "b", runs: [b])])
    #expect(c.coverage[1][0] == 0.5) // (0.95, 100) dominates (0.9, 100) only.
    #expect(c.territory[1].ranges[0].lower == 0.95)
}

@Test func mismatchedObjectivesAreRefused() {
    let a = front("a", [[1, 2]]), b = front("b", [[1, 2]], goals: [.minimize, .maximize])
    #expect(throws: FrontComparison.CompareError.self) { try FrontComparison(sides: [.init(name: "a", runs: [a]), .init(name: "b", runs: [b])]) }
}

@Test func attainmentSurfacesBracketTheRuns() {
    let runs: [[(Double, Double)]] = [[(1, 5), (3, 2)], [(2, 4), (4, 1)], [(1.5, 6), (5, 3)]]
    let best = AttainmentSurface.surface(runs, level: 1)
    // Level 1 = non-dominated points of the union.
    #expect(best.map { [$0.0, $0.1] } == [[1, 5], [2, 4], [3, 2], [4, 1]])
    // Worked by hand: the sweep's per-run best y after each x, then the level-th smallest.
    let worst = AttainmentSurface.surface(runs, level: 3)
    #expect(worst.map { [$0.0, $0.1] } == [[2, 6], [5, 3]])
    let median = AttainmentSurface.surface(runs, level: 2)
    #expect(median.map { [$0.0, $0.1] } == [[1.5, 6], [2, 5], [3, 4], [4, 2]])
    #expect(AttainmentSurface.levels(runs: 3).map(\.level) == [1, 2, 3])
    #expect(AttainmentSurface.levels(runs: 1).map(\.level) == [1])
}

@Test func comparisonOutputsMatchGoldenFiles() throws {
    let a = try ComparedFront.study(path: try FixtureStudy.write(objectives: 2, count: 60, seed: 11), registry: .standard)
    let b = try ComparedFront.study(path: try FixtureStudy.write(objectives: 2, count: 60, seed: 12), registry: .standard)
    var a2 = a; a2.name = "fixture-seed11"
    var b2 = b; b2.name = "fixture-seed12"
    let c = try FrontComparison(sides: [.init(name: a2.name, runs: [a2]), .init(name: b2.name, runs: [b2])])
    try Golden.check(ComparisonTextFormat.table(c), "compare.txt")
    try Golden.check(ComparisonTextFormat.markdown(c), "compare.md")
    try Golden.check(ComparisonJSONFormat.render(c), "compare.json")
    try Golden.check(ComparisonHTMLFormat.render(c), "compare.html")
    // Several runs per side.
    var runsA: [ComparedFront] = [], runsB: [ComparedFront] = []
    for s in UInt64(20)..<23 {
        var f = try ComparedFront.study(path: try FixtureStudy.write(objectives: 2, count: 40, seed: s), registry: .standard); f.name = "a\(s)"; runsA.append(f)
        var g = try ComparedFront.study(path: try FixtureStudy.write(objectives: 2, count: 20, seed: s + 10), registry: .standard); g.name = "b\(s + 10)"; runsB.append(g)
    }
    let m = try FrontComparison(sides: [.init(name: "a", runs: runsA), .init(name: "b", runs: runsB)])
    #expect(m.surfaces[0].map(\.name) == ["best", "median", "worst"])
    try Golden.check(ComparisonTextFormat.table(m), "compare-runs.txt")
    try Golden.check(ComparisonJSONFormat.render(m), "compare-runs.json")
    try Golden.check(ComparisonHTMLFormat.render(m), "compare-runs.html")
}

@Test func csvFrontsReadHeadersDirectionsAndReportFiles() throws {
    let dir = FileManager.default.temporaryDirectory
    let plain = dir.appendingPathComponent("plain-\(UUID().uuidString).csv").path
    try "1 2\n3 0.5\n".write(toFile: plain, atomically: true, encoding: .utf8)
    let p = try ComparedFront.csv(path: plain, objectives: nil, maximize: [])
    #expect(p.objectives.map(\.metric) == ["f1", "f2"] && p.points == [[1, 2], [3, 0.5]])
    let named = dir.appendingPathComponent("named-\(UUID().uuidString).csv").path
    try "trial,accuracy,params,state,violation\n1,0.9,100,complete,0\n2,0.95,300,complete,0.5\n3,,,failed,\n".write(toFile: named, atomically: true, encoding: .utf8)
    let n = try ComparedFront.csv(path: named, objectives: nil, maximize: ["accuracy"])
    #expect(n.objectives == [Objective(metric: "accuracy", goal: .maximize), Objective(metric: "params", goal: .minimize)])
    #expect(n.points == [[0.9, 100]])
    let bad = dir.appendingPathComponent("bad-\(UUID().uuidString).csv").path
    try "a,b\n1,2\n3,x\n".write(toFile: bad, atomically: true, encoding: .utf8)
    #expect(throws: ComparedFront.ReadError.self) { try ComparedFront.csv(path: bad, objectives: [Objective(metric: "a", goal: .minimize), Objective(metric: "b", goal: .minimize)], maximize: []) }
}

@Test func aDifferenceSmallerThanOneValidationSampleIsATie() throws {
    // Two fronts of (accuracy ↑, train_seconds ↓) whose accuracies differ by 0.00012 (less than
    // one sample of a 114-sample validation set) and whose times are alike: the union's accuracy
    // range is tiny, and scaling by it alone would make the difference the whole axis.
    let a = ComparedFront(name: "a", objectives: [Objective(metric: "accuracy", goal: .maximize), Objective(metric: "train_seconds", goal: .minimize)],
                          points: [[0.95320, 1.20], [0.95310, 0.80]])
    let b = ComparedFront(name: "b", objectives: a.objectives, points: [[0.95308, 1.20], [0.95298, 0.80]])
    let c = try FrontComparison(sides: [.init(name: "nsga2", runs: [a]), .init(name: "random", runs: [b])])
    #expect(c.scale[0] > 0.04) // 5 % of 0.9532, not the 0.00022 the points span
    for v in c.verdicts { #expect(v.negligible && v.better == nil, "\(v.sentence)") }
    #expect(c.verdicts[0].sentence.hasPrefix("hypervolume: nsga2 and random tie"))
    // The wall-time objective is named in a warning; the best values show the 0.00012 itself.
    #expect(c.warnings.contains { $0.hasPrefix("train_seconds is wall time") })
    #expect(abs(c.bestValues[0][0] - c.bestValues[1][0] - 0.00012) < 1e-12)
    #expect(ComparisonTextFormat.table(c).contains("accuracy (max)"))
}

@Test func repeatedRunsGetARankTestAndPerSeedWins() throws {
    // Five runs a side, every run of the first clearly better (further from the origin-bound front).
    func run(_ shift: Double, seed: UInt64, trials: Int) -> ComparedFront {
        ComparedFront(name: "r\(seed)-\(shift)", objectives: [Objective(metric: "f1", goal: .minimize), Objective(metric: "f2", goal: .minimize)],
                      points: stride(from: 0.0, through: 1.0, by: 0.25).map { [$0 + shift, 1 - $0 + shift] }, seed: seed, evaluations: trials)
    }
    let good = (1...5).map { run(0.01 * Double($0), seed: UInt64($0), trials: 100) }
    let bad = (1...5).map { run(0.3 + 0.01 * Double($0), seed: UInt64($0), trials: 120) }
    var c = try FrontComparison(sides: [.init(name: "nsga2", runs: good), .init(name: "random", runs: bad)])
    let hv = c.verdicts[0]
    #expect(hv.indicator == "hypervolume" && hv.better == 0 && hv.testName == "Mann–Whitney U")
    #expect(abs((hv.test?.p ?? 1) - 2.0 / 252.0) < 1e-12 && hv.probabilityFirstBetter == 1)
    #expect(hv.wins?.first == 5 && hv.wins?.second == 0)
    #expect(hv.sentence.hasPrefix("hypervolume: nsga2 is better than random"))
    #expect(c.verdicts.allSatisfy { $0.better == 0 })
    #expect(c.warnings.contains { $0.hasPrefix("Unequal budgets (trials per run: nsga2 100, random 120)") })
    // Paired by seed: Wilcoxon, whose smallest two-sided p with five pairs is 0.0625 — no verdict.
    c.paired = true
    #expect(c.verdicts[0].testName == "Wilcoxon signed-rank" && abs((c.verdicts[0].test?.p ?? 0) - 0.0625) < 1e-12 && c.verdicts[0].better == nil)
    #expect(c.verdicts[0].sentence.contains("no significant difference"))
}
