import Foundation
import Testing
import Randomness

/// A 60-trial command study killed with SIGKILL at 10 random moments and resumed each time
/// ends with exactly the 60 trials of an uninterrupted run: none lost, none duplicated.
@Test func killedTenTimesAndResumedLosesAndDuplicatesNothing() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let scenario = dir.appendingPathComponent("s.yaml").path
    try """
    name: killed
    evaluator:
      command: [sh, -c, 'sleep 0.$(( $HYPERFRONT_TRIAL % 4 + 1 )); echo "{\\"f1\\": $1, \\"f2\\": $2}"', sh, "{a}", "{b}"]
      metrics: [f1, f2]
    space:
      a: {float: [0, 1]}
      b: {int: [0, 40]}
    objectives: [{metric: f1}, {metric: f2}]
    search: {algorithm: nsga2, population: 8, trials: 60, seed: 4, workers: 2}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)

    let reference = dir.appendingPathComponent("reference.sqlite").path
    // The reference runs with 4 workers: the same seed gives the same trials with any number.
    let full = try CLI.run(["run", scenario, "--study", reference, "--quiet", "--workers", "4"])
    #expect(full.status == 0, "\(full.stderr)")

    let study = dir.appendingPathComponent("killed.sqlite").path
    // A fixed seed: the same kill moments on every run of the test.
    var rng = RandomSource(seed: 12)
    let kills = try CLI.killRounds(scenario: scenario, study: study, rounds: 10, pauses: 80_000...400_000, using: &rng)
    let last = try CLI.run(["run", scenario, "--study", study, "--resume"])
    #expect(last.status == 0, "\(last.stderr)")
    // Trials take 0.1–0.4 s (15 trial-seconds in all) and each round lasts at most 0.4 s on 2
    // workers, so the study cannot finish before all 10 kills land.
    #expect(kills == 10)

    let a = try CLI.run(["report", reference, "--format", "csv", "--all"]).stdout
    let b = try CLI.run(["report", study, "--format", "csv", "--all"]).stdout
    let rows = b.split(separator: "\n").dropFirst()
    #expect(rows.count == 60)
    #expect(Set(a.split(separator: "\n")) == Set(b.split(separator: "\n").map { $0 }))
    let status = try CLI.run(["status", study])
    #expect(status.stdout.contains("trials: 60 of 60 done — 60 complete (60 feasible, 0 infeasible), 0 failed, 0 running"), "\(status.stdout)")
}

@Test func statusAndSecondRunnerAreExplained() throws {
    let missing = try CLI.run(["status", "/nonexistent/x.sqlite"])
    #expect(missing.status == 2 && missing.stderr.contains("no such study file"))
}
