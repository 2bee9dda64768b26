import Foundation
import Hyperfront
import Pareto
import Testing
@testable import Reports
import Store

/// ε-dominance on the front: `--tolerance` and the scenario's `report.tolerance`.
@Suite struct ToleranceTests {
    @Test func zeroToleranceIsParetoDominance() {
        var rng = RandomSource(seed: 3)
        let rows = (0..<60).map { _ in (0..<3).map { _ in rng.uniform() } }
        let nd = NondominatedSorting.nondominatedIndices(PointSet(rows: rows)).map { rows[$0] }
        let zero = EpsilonDominance(absolute: [0, 0, 0], relative: [0, 0, 0])
        #expect(zero.reduce(PointSet(rows: nd)) == Array(nd.indices))
        for a in rows { for b in rows { #expect(zero.dominates(a, b) == Dominance.dominates(a, b)) } }
    }

    @Test func everyPointLeftOutIsEpsilonDominatedByOneKept() {
        var rng = RandomSource(seed: 8)
        for _ in 0..<20 {
            let rows = (0..<80).map { _ in (0..<3).map { _ in rng.uniform() } }
            let nd = NondominatedSorting.nondominatedIndices(PointSet(rows: rows)).map { rows[$0] }
            let e = EpsilonDominance(absolute: [0.05, 0, 0.02], relative: [0, 0.1, 0])
            let kept = e.reduce(PointSet(rows: nd))
            #expect(!kept.isEmpty && kept == kept.sorted())
            for i in nd.indices where !kept.contains(i) {
                #expect(kept.contains { e.dominates(nd[$0], nd[i]) }, "point \(i) left out without a kept point ε-dominating it")
            }
            // A point no other ε-dominates is always kept.
            for i in nd.indices where !nd.indices.contains(where: { $0 != i && e.dominates(nd[$0], nd[i]) }) { #expect(kept.contains(i)) }
        }
    }

    @Test func relativeToleranceIsSymmetricSoTwoPointsNeverDominateEachOther() {
        let e = EpsilonDominance(absolute: [0, 0], relative: [0.05, 0])
        let a = [1.0, 2.0], b = [1.04, 1.0]
        // 1.04 − 1 is within 5 % of max(|1|, |1.04|): b is as good in f1 and better in f2.
        #expect(e.dominates(b, a) && !e.dominates(a, b))
        var rng = RandomSource(seed: 4)
        for _ in 0..<500 {
            let x = [rng.uniform() * 2 - 1, rng.uniform()], y = [rng.uniform() * 2 - 1, rng.uniform()]
            #expect(!(e.dominates(x, y) && e.dominates(y, x)))
        }
    }

    /// With three objectives ε-dominance can cycle (a → b → c → a); the front is not emptied.
    @Test func aCycleKeepsItsFirstPoint() {
        let e = EpsilonDominance(absolute: [1, 1, 1], relative: [0, 0, 0])
        let a = [0.0, 0.5, 1.0], b = [1.5, 0.0, 0.5], c = [0.75, 1.25, -0.25]
        #expect(e.dominates(a, b) && e.dominates(b, c) && e.dominates(c, a))
        #expect(NondominatedSorting.nondominatedIndices(PointSet(rows: [a, b, c])).count == 3)
        // a stays (first); b is ε-dominated by a; c is not ε-dominated by a, so it stays.
        #expect(e.reduce(PointSet(rows: [a, b, c])) == [0, 2])
    }

    /// The case behind the option: a 0.386-accuracy model on the front only because it is
    /// 0.17 ms faster than a 0.953 one of the same size.
    @Test func aFasterByNoiseJunkModelLeavesTheFront() throws {
        func plant(_ ts: inout [Trial]) {
            let names = FixtureStudy.scenario3.metricNames
            func set(_ n: Int, accuracy: Double, seconds: Double) {
                ts[n].metrics[names.firstIndex(of: "accuracy")!] = accuracy
                ts[n].metrics[names.firstIndex(of: "memory_bytes")!] = 1000
                ts[n].metrics[names.firstIndex(of: "params")!] = 250
                ts[n].metrics[names.firstIndex(of: "train_seconds")!] = seconds
                ts[n].violation = 0
            }
            set(3, accuracy: 0.953, seconds: 0.50017)
            set(4, accuracy: 0.386, seconds: 0.5)
        }
        let plain = try fixtureReport(objectives: 3, count: 80, transform: plant)
        let junk = plain.trials.firstIndex { $0.number == 4 }!, good = plain.trials.firstIndex { $0.number == 3 }!
        #expect(plain.front.contains(junk) && plain.front.contains(good))
        #expect(plain.notes[junk]?.contains("best train_seconds") == true)
        let r = try plain.selecting(where: [], tolerance: ["train_seconds=5%"])
        #expect(!r.front.contains(junk) && r.front.contains(good) && r.droppedByTolerance == [junk])
        #expect(r.notes[good]?.contains("best train_seconds") == true)
        if let k = r.knee { #expect(r.front.contains(k)) }
        #expect(r.summaryLines.contains { $0.hasPrefix("Tolerances: train_seconds=5% (") && $0.contains("1 Pareto-front trial left out") })
        #expect(JSONFormat.render(r, all: false).contains("\"tolerances\": {\"given\": [\"train_seconds=5%\"], \"left_out\": 1},"))
        #expect(TableFormat.render(r, all: true).contains("within tolerance of the front"))
        // An absolute tolerance below the 0.17 ms keeps it.
        #expect(try plain.selecting(where: [], tolerance: ["train_seconds=0.0001"]).front.contains(junk))
    }

    @Test func tolerancesReadAndExplainMistakes() throws {
        let objectives = ["accuracy", "memory_bytes", "train_seconds"], metrics = objectives + ["params"]
        let rel = try ObjectiveTolerance.parse("train_seconds=5%", objectives: objectives, metrics: metrics)
        #expect(rel.amount == .relative(0.05) && rel.description == "train_seconds=5%")
        #expect(try ObjectiveTolerance.parse(" memory_bytes = 10KB", objectives: objectives, metrics: metrics).amount == .absolute(10_000))
        #expect(try ObjectiveTolerance.parse("accuracy=0.002", objectives: objectives, metrics: metrics).description == "accuracy=0.002")
        func problem(_ text: String) -> String {
            do { _ = try ObjectiveTolerance.parse(text, objectives: objectives, metrics: metrics); return "" } catch { return error.description }
        }
        #expect(problem("accuracy").contains("no '='"))
        #expect(problem("=5%").contains("no metric before '='"))
        #expect(problem("accuracy=-0.1").contains("at character 10: -0.1 is negative"))
        #expect(problem("accuracy=150%").contains("outside 0 % to 100 %"))
        #expect(problem("accuracy=abc").contains("at character 10: 'abc' is not an amount"))
        #expect(problem("acc=0.1") == "--tolerance 'acc=0.1': the study has no metric 'acc' (its objectives: accuracy, memory_bytes, train_seconds)")
        #expect(problem("params=1%").contains("'params' is not an objective of the study"))
    }
}

extension FixtureStudy {
    static var scenario3: Scenario { try! scenario(objectives: 3) }
}
