import Foundation
import Testing

/// A deterministic two-objective formula; `extra` adds a parameter the formula ignores.
private func warmScenario(_ dir: URL, name: String, b: String = "[0, 100]", extra: String = "") throws -> String {
    let scenario = dir.appendingPathComponent(name).path
    try """
    name: warm
    evaluator:
      command: [sh, -c, 'echo "{\\"f1\\": $1, \\"f2\\": $(( (100 - $1) * (100 - $1) / ($2 + 1) + $2 ))}"', sh, "{a}", "{b}"]
      metrics: [f1, f2]
    space:
      a: {int: [0, 100]}
      b: {int: \(b)}
    \(extra)
    objectives: [{metric: f1}, {metric: f2}]
    search: {algorithm: nsga2, population: 8, trials: 16, seed: 3, workers: 1}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    return scenario
}

/// The trials as CSV rows without the header.
private func rows(_ study: String) throws -> [[String]] {
    try CLI.run(["report", study, "--format", "csv", "--all"]).stdout.split(separator: "\n").dropFirst()
        .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

@Test func warmStartTellsTheOldTrialsAndRecordsWhatItReused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-warm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let first = try warmScenario(dir, name: "first.yaml", extra: "  c: {choice: [x, y]}")
    let old = dir.appendingPathComponent("old.sqlite").path
    #expect(try CLI.run(["run", first, "--study", old, "--quiet", "--trials", "24"]).status == 0)
    let oldRows = try rows(old)
    let outside = oldRows.filter { Int($0[2])! > 50 }.count
    #expect(outside > 0 && outside < 24)

    // The refined scenario narrows b and drops c: both listed, trials with b > 50 left out.
    let refined = try warmScenario(dir, name: "refined.yaml", b: "[0, 50]")
    let warm = dir.appendingPathComponent("warm.sqlite").path
    let run = try CLI.run(["run", refined, "--study", warm, "--quiet", "--warm-start", old])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("parameter 'b': was a whole number from 0 to 100, now a whole number from 0 to 50"), "\(run.stderr)")
    #expect(run.stderr.contains("parameter 'c' is not in the new space"), "\(run.stderr)")
    let summary = "warm start: \(24 - outside) trial(s) of \(old) told to the sampler; \(outside) left out (\(outside) outside the new domain of 'b')"
    #expect(run.stderr.contains(summary), "\(run.stderr)")
    let status = try CLI.run(["status", warm])
    #expect(status.stdout.contains(summary), "\(status.stdout)")

    // The first batch is bred from the old trials, not drawn at random as a cold run's is.
    let cold = dir.appendingPathComponent("cold.sqlite").path
    #expect(try CLI.run(["run", refined, "--study", cold, "--quiet"]).status == 0)
    let warmRows = try rows(warm), coldRows = try rows(cold)
    #expect(warmRows.count == 16)
    #expect(warmRows.map { $0[1...2] } != coldRows.map { $0[1...2] })
    // No old configuration is proposed again.
    let oldPairs = Set(oldRows.map { "\($0[1]),\($0[2])" })
    #expect(warmRows.allSatisfy { !oldPairs.contains("\($0[1]),\($0[2])") })
    // The warm start is recorded: more workers, a resume, and ask/tell give the same trials.
    let w3 = dir.appendingPathComponent("w3.sqlite").path
    #expect(try CLI.run(["run", refined, "--study", w3, "--quiet", "--warm-start", old, "--workers", "3", "--trials", "8"]).status == 0)
    #expect(try CLI.run(["run", refined, "--study", w3, "--quiet", "--resume", "--trials", "16"]).status == 0)
    #expect(try rows(w3) == warmRows)
    let asked = dir.appendingPathComponent("asked.sqlite").path
    let made = try CLI.run(["create", refined, "--study", asked, "--warm-start", old])
    #expect(made.status == 0 && made.stderr.contains(summary), "\(made.stderr)")
    let out = try CLI.run(["ask", asked, "-n", "8"]).stdout
    let firstAsked = out.split(separator: "\n").map { line -> String in
        let o = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let p = o["parameters"] as! [String: Int]
        return "\(p["a"]!),\(p["b"]!)"
    }
    #expect(firstAsked == warmRows.prefix(8).map { "\($0[1]),\($0[2])" })

    // A study with trials cannot be warm-started.
    let again = try CLI.run(["run", refined, "--study", cold, "--quiet", "--resume", "--warm-start", old])
    #expect(again.status == 2 && again.stderr.contains("already has trials"), "\(again.stderr)")
    let missing = try CLI.run(["run", refined, "--study", dir.appendingPathComponent("m.sqlite").path, "--warm-start", "/nonexistent.sqlite"])
    #expect(missing.status == 2)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.sqlite").path))
}
