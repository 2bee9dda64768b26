import Foundation
import Hyperfront
import Testing
@testable import Reports
import Store

/// Hyperparameter importance (PED-ANOVA) on studies whose answer is known.
@Suite struct ImportanceTests {
    /// f1 depends only on a, f2 only on b, f3 only on the choice c and the conditional d;
    /// e is noise-free and matters for nothing.
    static let yaml = """
    name: importance
    evaluator: {command: [python3, train.py], metrics: [f1, f2, f3]}
    space:
      a: {float: [0.0, 1.0]}
      b: {float: [1.0e-4, 1.0], log: true}
      c: {choice: [x, y, z]}
      d: {int: [1, 8], when: {c: x}}
      e: {float: [0.0, 1.0]}
    objectives:
      - {metric: f1, goal: minimize}
      - {metric: f2, goal: maximize}
      - {metric: f3, goal: minimize}
    search: {algorithm: random, trials: 300, seed: 2}

    """

    static func report(count: Int, seed: UInt64 = 7) throws -> StudyReport {
        let sc = try ScenarioLoader.parse(yaml, path: "importance.yaml", checkFiles: false)
        var rng = RandomSource(seed: seed)
        let trials = (0..<count).map { n -> Trial in
            let c = sc.space.sample(using: &rng)
            let a = c[0], b = c[1], choice = Int(c[2]), d = c[3]
            let f1 = (a - 0.3) * (a - 0.3) + 0.001 * rng.uniform()
            let f2 = -abs(log10(b) + 1) + 0.001 * rng.uniform()
            let f3 = (choice == 0 ? 0.0 : 1.0) + (d.isNaN ? 0 : abs(d - 6) / 10) + 0.001 * rng.uniform()
            return Trial(number: n, generation: 0, configuration: c, state: .complete, metrics: [f1, f2, f3], violation: 0,
                         startedAt: 1_700_000_000 + Double(n), finishedAt: 1_700_000_000.5 + Double(n), failure: nil)
        }
        let info = StudyInfo(name: sc.name, scenario: yaml, scenarioPath: "importance.yaml", seed: 2, trials: count,
                             parameterNames: sc.space.names, metricNames: sc.metricNames, createdAt: 1_700_000_000)
        return StudyReport(info: info, scenario: sc, trials: trials)
    }

    @Test func eachObjectiveRanksTheParameterItDependsOnFirst() throws {
        let r = try Self.report(count: 300)
        let imp = r.importance
        #expect(imp.map(\.objective) == ["f1", "f2", "f3"])
        #expect(imp[0].shares.first?.parameter == "a", "\(imp[0].shares)")
        #expect(imp[1].shares.first?.parameter == "b", "\(imp[1].shares)")
        #expect(["c", "d"].contains(imp[2].shares.first?.parameter ?? ""), "\(imp[2].shares)")
        #expect(imp[0].shares[0].share > 0.5 && imp[1].shares[0].share > 0.5)
        for i in imp {
            #expect(abs(i.shares.map(\.share).reduce(0, +) - 1) < 1e-12)
            #expect(i.shares.map(\.share) == i.shares.map(\.share).sorted(by: >))
            #expect(Set(i.shares.map(\.parameter)) == ["a", "b", "c", "d", "e"])
            #expect(i.trials == 300 && i.top == 30)
        }
        // e matters for nothing: last or nearly so, and small.
        #expect(imp[0].shares.first { $0.parameter == "e" }!.share < 0.15)
    }

    @Test func importanceIsDeterministicAndNeedsTenTrials() throws {
        #expect(try Self.report(count: 120).importance == (try Self.report(count: 120).importance))
        #expect(try Self.report(count: 9).importance.isEmpty)
        #expect(try Self.report(count: 10).importance.count == 3)
    }

    @Test func everyFormatShowsIt() throws {
        let r = try Self.report(count: 200)
        let table = TableFormat.render(r, all: false)
        #expect(table.contains("What matters for each objective (PED-ANOVA, Watanabe et al. 2023)"))
        #expect(table.contains("parameter  f1") || table.contains("parameter"))
        let md = MarkdownFormat.render(r, all: false)
        #expect(md.contains("### What matters") && md.contains("| parameter | f1 | f2 | f3 |"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONFormat.render(r, all: false).utf8)) as? [String: Any])
        let entries = try #require(json["importance"] as? [[String: Any]])
        #expect(entries.count == 3 && entries[0]["objective"] as? String == "f1" && entries[0]["method"] as? String == "PED-ANOVA")
        let shares = try #require(entries[0]["shares"] as? [[String: Any]])
        #expect(shares.first?["parameter"] as? String == "a")
        // The agreed Codable form reads back.
        let data = try JSONEncoder().encode(r.importance)
        #expect(try JSONDecoder().decode([ParameterImportance].self, from: data) == r.importance)
    }
}
