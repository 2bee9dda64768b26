import Foundation
import Testing

/// The Bayesian sampler through `hyperfront run`: a resumed study continues as if it had never
/// stopped, and with early stopping (ASHA) the same seed gives the same trials with 1 and 4
/// workers and after a resume. (Without early stopping, 1 and 4 workers: StudiesTests.)
@Suite struct BayesResumeCommandTests {
    /// The trials of a study as CSV rows (trial, parameters, metrics, state, …), in order.
    static func rows(_ study: String) throws -> [[String]] {
        let csv = try CLI.run(["report", study, "--all", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        return try #require(parseCSV(csv.stdout))
    }

    static func write(_ yaml: String, _ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("s.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let zdt = """
        name: zdt1-bayes
        evaluator: {benchmark: zdt1, variables: 4}
        objectives:
          - {metric: f1, goal: minimize}
          - {metric: f2, goal: minimize}
        search: {algorithm: bayes, trials: 16, seed: 5, workers: 2}
        """

    @Test func aResumedStudyContinuesAsIfItHadNotStopped() throws {
        let dir = temporaryDirectory()
        let scenario = try Self.write(Self.zdt, dir)
        let whole = dir.appendingPathComponent("whole.sqlite").path
        #expect(try CLI.run(["run", scenario, "--study", whole, "--quiet"]).status == 0)
        let parts = dir.appendingPathComponent("parts.sqlite").path
        #expect(try CLI.run(["run", scenario, "--study", parts, "--trials", "9", "--quiet"]).status == 0)
        let resumed = try CLI.run(["run", scenario, "--study", parts, "--resume", "--trials", "16", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.rows(parts) == Self.rows(whole))
    }

    @Test func earlyStoppingKeepsTrialsDeterministic() throws {
        let dir = temporaryDirectory()
        // Loss falls with the epoch from a level set by x and y; nine epochs.
        let yaml = streamingScenario(name: "asha-bayes", loss: "x * x + (y - 0.3) * (y - 0.3) + 1 / e", search: "{algorithm: bayes, trials: 15, seed: 4, workers: 2}")
        let scenario = try Self.write(yaml, dir)
        var results: [[[String]]] = []
        for workers in ["1", "4"] {
            let study = dir.appendingPathComponent("w\(workers).sqlite").path
            let run = try CLI.run(["run", scenario, "--study", study, "--workers", workers, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
            results.append(try Self.rows(study))
        }
        let state = try #require(results[0].first?.firstIndex(of: "state"))
        #expect(results[0].count == 16)
        #expect(results[0].dropFirst().filter { $0[state] == "pruned" }.count >= 3, "\(results[0])")
        #expect(results[0] == results[1])
        // Resumed half-way, the same trials again.
        let parts = dir.appendingPathComponent("parts.sqlite").path
        #expect(try CLI.run(["run", scenario, "--study", parts, "--trials", "7", "--quiet"]).status == 0)
        #expect(try CLI.run(["run", scenario, "--study", parts, "--resume", "--trials", "15", "--quiet"]).status == 0)
        #expect(try Self.rows(parts) == results[0])
    }
}
