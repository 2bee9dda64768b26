import Foundation
import Testing

/// A training script with a typo (`"acc"` for `"accuracy"`): every trial fails with the same
/// reason, a KeyError.
private func typoStudy(_ search: String, trials: Int = 30) throws -> (dir: URL, scenario: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-failfast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try """
    import json, sys
    p = json.load(sys.stdin)
    metrics = {"accuracy": 1 - p["x"] ** 2, "size": p["n"]}
    print(json.dumps({"accuracy": metrics["acc"], "size": metrics["size"]}))
    """.write(to: dir.appendingPathComponent("train.py"), atomically: true, encoding: .utf8)
    let scenario = dir.appendingPathComponent("typo.yaml").path
    try """
    name: typo
    evaluator:
      command: [python3, train.py]
      workdir: .
      metrics: [accuracy, size]
    space:
      x: {float: [0, 1]}
      n: {int: [1, 50]}
    objectives: [{metric: accuracy, goal: maximize}, {metric: size}]
    search: {algorithm: nsga2, population: 8, trials: \(trials), seed: 2, workers: 1\(search)}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    return (dir, scenario)
}


@Test func theTypoCaseStopsAfterTheConfiguredNumberOfFailuresWithTheTraceback() throws {
    let (dir, scenario) = try typoStudy(", max_failures: 3")
    let study = dir.appendingPathComponent("typo.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", study, "--quiet"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("3 trials in a row failed with the same reason (exited with status 1)"), "\(run.stderr)")
    #expect(run.stderr.contains("KeyError: 'acc'"), "\(run.stderr)")
    #expect(run.stderr.contains("--max-failures 0"), "\(run.stderr)")

    let status = try CLI.run(["status", study])
    #expect(status.stdout.contains("3 failed"), "\(status.stdout)")
    #expect(status.stdout.contains("3 × exited with status 1 (trials 0–2)"), "\(status.stdout)")
    #expect(status.stdout.contains("| KeyError: 'acc'"), "\(status.stdout)")

    let report = try CLI.run(["report", study, "--all"])
    #expect(report.stdout.contains("failed trials, by reason:"), "\(report.stdout)")
    #expect(report.stdout.contains("| KeyError: 'acc'"), "\(report.stdout)")
    #expect(report.stdout.contains("metrics[\"acc\"]"), "\(report.stdout)")
}

@Test func failFastDefaultsToFiveAndZeroNeverStops() throws {
    let (dir, scenario) = try typoStudy("", trials: 12)
    let study = dir.appendingPathComponent("default.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", study, "--quiet"])
    #expect(run.status == 1 && run.stderr.contains("5 trials in a row failed"), "\(run.stderr)")
    #expect(try CLI.run(["status", study]).stdout.contains("5 × exited with status 1 (trials 0–4)"))

    let never = dir.appendingPathComponent("never.sqlite").path
    let all = try CLI.run(["run", scenario, "--study", never, "--quiet", "--max-failures", "0"])
    #expect(all.status == 1 && all.stderr.contains("every trial failed"), "\(all.stderr)")
    #expect(try CLI.run(["status", never]).stdout.contains("12 × exited with status 1 (trials 0–11)"))

    let bad = try CLI.run(["run", scenario, "--study", dir.appendingPathComponent("bad.sqlite").path, "--max-failures=-1"])
    #expect(bad.status == 2 && bad.stderr.contains("--max-failures must be 0"), "\(bad.stderr)")
}
