import Foundation
import Testing

/// A command that streams `{"epoch": k, ...}` lines, stopped by the scheduler through its
/// process group; then what status and `report --intermediate` say about it.
@Test func aStreamingCommandIsStoppedAndItsCurvesAreReported() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-es-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // Loss falls with the epoch from a level set by x; each epoch takes 20 ms.
    let awk = #"BEGIN { for (e = 1; e <= 9; e++) { printf "{\"epoch\": %d, \"loss\": %.6f, \"size\": %s}\n", e, x + 1 / e, y; fflush(); system("sleep 0.02") } printf "{\"loss\": %.6f, \"size\": %s}\n", x + 1 / 9, y }"#
    let yaml = """
        name: streaming
        evaluator:
          command: [awk, -v, "x={x}", -v, "y={y}", '\(awk.replacingOccurrences(of: "'", with: "''"))']
          timeout: 30s
          metrics: [loss, size]
        space:
          x: {float: [0, 1]}
          y: {float: [0, 1]}
        objectives:
          - {metric: loss, goal: minimize}
          - {metric: size, goal: minimize}
        early_stopping: {algorithm: asha, resource: epoch, min_resource: 1, max_resource: 9, reduction_factor: 3}
        search: {algorithm: random, trials: 18, seed: 4, workers: 2}
        """
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
