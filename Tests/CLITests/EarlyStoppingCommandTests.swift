import Foundation
import Testing
import Randomness

/// A command that streams `{"epoch": k, ...}` lines, stopped by the scheduler through its
/// process group; then what status and `report --intermediate` say about it.
@Test func aStreamingCommandIsStoppedAndItsCurvesAreReported() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-es-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // Loss falls with the epoch from a level set by x; each epoch takes 20 ms.
    let yaml = streamingScenario(name: "streaming", loss: "x + 1 / e", pause: #"system("sleep 0.02")"#, search: "{algorithm: random, trials: 18, seed: 4, workers: 2}")
    let scenario = dir.appendingPathComponent("streaming.yaml").path
    try yaml.write(toFile: scenario, atomically: true, encoding: .utf8)
    let study = dir.appendingPathComponent("s.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", study, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")

    let status = try CLI.run(["status", study])
    #expect(status.status == 0)
    let line = status.stdout.split(separator: "\n").first { $0.contains("pruned") } ?? ""
    let pruned = Int(line.components(separatedBy: " pruned").first?.split(separator: " ").last ?? "") ?? 0
    #expect(pruned >= 6, "\(status.stdout)")

    let csv = try CLI.run(["report", study, "--intermediate", "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.first == ["trial", "state", "step", "epoch", "loss", "size"])
    var lastStep: [String: (state: String, step: Int)] = [:]
    for r in rows.dropFirst() { lastStep[r[0]] = (r[1], Int(r[2])!) }
    #expect(lastStep.count == 18)
    // A pruned trial's reports end at a rung (epoch 1 or 3); a complete one ran all 9 epochs.
    for (_, v) in lastStep {
        if v.state == "pruned" { #expect(v.step == 1 || v.step == 3) } else { #expect(v.state == "complete" && v.step == 9) }
    }
    #expect(lastStep.values.filter { $0.state == "pruned" }.count == pruned)

    let json = try CLI.run(["report", study, "--intermediate", "--format", "json"])
    #expect(json.status == 0 && json.stdout.contains("\"intermediate\": [{\"step\": 1, \"epoch\": 1, "))
    let bad = try CLI.run(["report", study, "--intermediate"])
    #expect(bad.status != 0 && bad.stderr.contains("--intermediate needs --format csv or --format json"))
}

/// An ASHA study of a command that streams epoch lines, on 2 workers, killed with SIGKILL at
/// 10 seeded moments and resumed each time, ends identical to an uninterrupted run with the
/// same seed: the same trials, states, stopping steps (the rung decisions) and curves.
@Test func anEarlyStoppingStudyKilledTenTimesAndResumedEqualsAnUninterruptedOne() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-es-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // Loss falls with the epoch from a level set by x (curves cross: a slow start for small y);
    // each epoch takes 0.1 s.
    let scenario = dir.appendingPathComponent("s.yaml").path
    try streamingScenario(name: "killed-asha", loss: "x + (1 - y) / e", pause: #"system("sleep 0.1")"#, search: "{algorithm: nsga2, population: 8, trials: 48, seed: 5, workers: 2}")
        .write(toFile: scenario, atomically: true, encoding: .utf8)

    let reference = dir.appendingPathComponent("reference.sqlite").path
    let full = try CLI.run(["run", scenario, "--study", reference, "--quiet"])
    #expect(full.status == 0, "\(full.stderr)")

    let study = dir.appendingPathComponent("killed.sqlite").path
    var rng = RandomSource(seed: 13)
    let kills = try CLI.killRounds(scenario: scenario, study: study, rounds: 10, pauses: 150_000...400_000, using: &rng)
    let last = try CLI.run(["run", scenario, "--study", study, "--resume", "--quiet"])
    #expect(last.status == 0, "\(last.stderr)")
    // At least 48 epochs of 0.1 s on 2 workers (about 10 trial-seconds in all with the
    // promotions), against at most 0.4 s per round: every kill lands mid-run.
    #expect(kills == 10)

    for arguments in [["--all", "--format", "csv"], ["--intermediate", "--format", "csv"]] {
        let a = try CLI.run(["report", reference] + arguments)
        let b = try CLI.run(["report", study] + arguments)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(a.stdout.split(separator: "\n").count > 48)
        #expect(a.stdout == b.stdout, "report \(arguments.joined(separator: " ")) differs after the kills")
    }
    let statusA = try CLI.run(["status", reference]).stdout, statusB = try CLI.run(["status", study]).stdout
    let counts = { (s: String) in s.split(separator: "\n").first { $0.contains("pruned") }.map(String.init) ?? "" }
    #expect(!counts(statusA).isEmpty && counts(statusA) == counts(statusB), "\(statusA)\n\(statusB)")
}
