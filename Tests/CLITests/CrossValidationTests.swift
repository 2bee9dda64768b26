import Foundation
import Randomness
import Testing

/// Three separable classes of 20, 20 and 12 rows in 3 features.
private func blobs(_ dir: URL) throws -> String {
    var rng = RandomSource(seed: 4)
    var text = "f0,f1,f2,label\n"
    for (c, n) in [20, 20, 12].enumerated() {
        for _ in 0..<n {
            let row = (0..<3).map { j in String((j == c ? 2.5 : 0) + rng.uniform() - 0.5) }
            text += row.joined(separator: ",") + ",\(["a", "b", "c"][c])\n"
        }
    }
    let path = dir.appendingPathComponent("blobs.csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private func cvScenario(_ dir: URL, cv: String, extra: String = "") throws -> String {
    let data = try blobs(dir)
    let path = dir.appendingPathComponent("cv.yaml").path
    try """
    name: cv
    evaluator:
      builtin: mlp
      dataset: \(data)
      cv: \(cv)\(extra)
    space:
      units: {choice: [4, 8]}
      epochs: 4
      batch_size: 8
      learning_rate: 0.01
    objectives:
      - {metric: accuracy, goal: maximize}
      - {metric: accuracy_std, goal: minimize}
    constraints: [{metric: f1_std, max: 0.5}]
    search: {algorithm: random, trials: 2, seed: 2}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

private func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Test func crossValidationReportsMeansAndDeviationsUsableAsObjectivesAndConstraints() throws {
    let dir = try temporaryFolder()
    let scenario = try cvScenario(dir, cv: "4")
    let study = dir.appendingPathComponent("cv.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", study, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try CLI.run(["report", study, "--format", "csv", "--all"]).stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    let header = lines[0]
    for m in ["accuracy", "accuracy_std", "val_loss_std", "f1_std", "train_seconds", "epochs_run"] { #expect(header.contains(m), "\(header)") }
    #expect(lines.count == 3)
    for row in lines.dropFirst() {
        func v(_ m: String) -> Double { Double(row[header.firstIndex(of: m)!])! }
        #expect(row[header.firstIndex(of: "state")!] == "complete")
        #expect(v("accuracy") > 0 && v("accuracy") <= 1)
        // A population deviation of 4 accuracies in [0, 1] lies in [0, 0.5].
        #expect(v("accuracy_std") >= 0 && v("accuracy_std") <= 0.5)
        #expect(v("epochs_run") == 4 && v("train_seconds") > 0)
    }
}

@Test func aBadFoldCountIsLocated() throws {
    let dir = try temporaryFolder()
    for (cv, says) in [("1", "cross-validation needs at least 2 folds, found 1"),
                       ("13", "cv: 13 is more than the 12 row(s) of class 'c'")] {
        let scenario = try cvScenario(dir, cv: cv)
        let r = try CLI.run(["run", scenario, "--study", dir.appendingPathComponent("x.sqlite").path, "--quiet"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cv.yaml:5:7") && r.stderr.contains(says), "\(r.stderr)")
    }
    let both = try cvScenario(dir, cv: "3", extra: "\n  validation_fraction: 0.2")
    let r = try CLI.run(["run", both, "--study", dir.appendingPathComponent("y.sqlite").path, "--quiet"])
    #expect(r.status == 2 && r.stderr.contains("cv cannot be combined with validation_fraction"), "\(r.stderr)")
}
