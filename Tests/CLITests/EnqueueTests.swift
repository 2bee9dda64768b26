import Foundation
import Testing

/// Two integers and a name, a budget known before training on a + b, a deterministic formula.
private func enqueueScenario(_ dir: URL, enqueue: [String], policy: String? = nil, name: String = "s.yaml") throws -> String {
    let scenario = dir.appendingPathComponent(name).path
    let list = enqueue.isEmpty ? "" : "enqueue:\n" + enqueue.map { "  - \($0)\n" }.joined()
    try """
    name: enqueue
    evaluator:
      command: [sh, -c, 'echo "{\\"f1\\": $1, \\"f2\\": $(( (100 - $1) * (100 - $1) / ($2 + 1) + $2 ))}"', sh, "{a}", "{b}"]
      metrics: [f1, f2]
    space:
      a: {int: [0, 100]}
      b: {int: [0, 100]}
      c: {choice: [x, y]}
    resources:
      cost: "a + b"
    objectives: [{metric: f1}, {metric: f2}]
    constraints: [{metric: cost, max: 150}]
    \(list)\(policy.map { "enqueue_budget: \($0)\n" } ?? "")search: {algorithm: nsga2, population: 8, trials: 16, seed: 5, workers: 1}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    return scenario
}

private func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-enqueue-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// The trials as CSV rows `trial,a,b,c,f1,f2,cost,state,violation,generation` without the header.
private func rows(_ study: String) throws -> [[String]] {
    try CLI.run(["report", study, "--format", "csv", "--all"]).stdout.split(separator: "\n").dropFirst()
        .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

private let three = ["{a: 10, b: 20, c: x}", "{a: 30, b: 40, c: y}", "{a: 50, b: 60, c: x}"]

@Test func enqueuedConfigurationsAreTheFirstTrialsWithAnyWorkers() throws {
    let dir = try temporaryFolder()
    let scenario = try enqueueScenario(dir, enqueue: three)
    var tables: [[[String]]] = []
    for workers in [1, 3] {
        let study = dir.appendingPathComponent("w\(workers).sqlite").path
        let run = try CLI.run(["run", scenario, "--study", study, "--quiet", "--workers", String(workers)])
        #expect(run.status == 0, "\(run.stderr)")
        tables.append(try rows(study))
    }
    let t = tables[0]
    #expect(t.count == 16)
    #expect(t[0].prefix(4) == ["0", "10", "20", "x"])
    #expect(t[1].prefix(4) == ["1", "30", "40", "y"])
    #expect(t[2].prefix(4) == ["2", "50", "60", "x"])
    #expect(t[2][4] == "50" && t[2][5] == "100")   // evaluated: f1 = a, f2 = 50·50/61 + 60
    #expect(tables[1] == tables[0])

    // Without the list, the same seed proposes other first trials: the list replaced them.
    let plain = try enqueueScenario(dir, enqueue: [], name: "plain.yaml")
    let p = dir.appendingPathComponent("plain.sqlite").path
    #expect(try CLI.run(["run", plain, "--study", p, "--quiet"]).status == 0)
    #expect(try rows(p)[0].prefix(4) != ["0", "10", "20", "x"])
}

@Test func enqueuedConfigurationsComeFirstThroughAskAndTell() throws {
    let dir = try temporaryFolder()
    let scenario = try enqueueScenario(dir, enqueue: three)
    let reference = dir.appendingPathComponent("run.sqlite").path
    #expect(try CLI.run(["run", scenario, "--study", reference, "--quiet"]).status == 0)
    let study = dir.appendingPathComponent("asktell.sqlite").path
    #expect(try CLI.run(["create", scenario, "--study", study]).status == 0)
    let first = try CLI.run(["ask", study, "-n", "3"]).stdout
    #expect(first.contains("\"trial\": 0") && first.contains("\"a\": 10, \"b\": 20, \"c\": \"x\""), "\(first)")
    #expect(first.contains("\"a\": 50, \"b\": 60"), "\(first)")
    // Told through the study's own evaluator formula, the loop gives the trials of run.
    var told = 0
    while told < 40 {
        let out = try CLI.run(["ask", study, "-n", "4"]).stdout + (told == 0 ? first : "")
        let lines = out.split(separator: "\n")
        if lines.isEmpty { break }
        for line in lines {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let p = o["parameters"] as! [String: Any]
            let a = p["a"] as! Int, b = p["b"] as! Int
            let metrics = "{\"f1\": \(a), \"f2\": \((100 - a) * (100 - a) / (b + 1) + b)}"
            #expect(try CLI.run(["tell", study, String(o["trial"] as! Int), "--metrics", metrics]).status == 0)
            told += 1
        }
    }
    #expect(told == 16)
    #expect(try rows(study).map { $0.prefix(7) } == rows(reference).map { $0.prefix(7) })
}

@Test func aConfigurationThatBreaksABudgetIsRefusedOrRepaired() throws {
    let dir = try temporaryFolder()
    let four = three + ["{a: 90, b: 95, c: y}"]
    let refused = try enqueueScenario(dir, enqueue: four)
    let r = try CLI.run(["run", refused, "--study", dir.appendingPathComponent("r.sqlite").path, "--quiet"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("s.yaml:17:5") && r.stderr.contains("cost ≤ 150") && r.stderr.contains("cost = 185, 35 (23.3 %) over"), "\(r.stderr)")
    #expect(r.stderr.contains("enqueue_budget: repair"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.sqlite").path))

    let repaired = try enqueueScenario(dir, enqueue: four, policy: "repair", name: "repair.yaml")
    let study = dir.appendingPathComponent("repair.sqlite").path
    let run = try CLI.run(["run", repaired, "--study", study, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    let t = try rows(study)
    #expect(t[2].prefix(4) == ["2", "50", "60", "x"])
    // Trial 3 is the nearest configuration within the budget: a + b = 150, the name kept.
    let a = Int(t[3][1])!, b = Int(t[3][2])!
    #expect(a + b == 150 && t[3][3] == "y" && t[3][6] == "150", "\(t[3])")
}

@Test func aBadValueIsLocatedAndNothingIsWritten() throws {
    let dir = try temporaryFolder()
    let scenario = try enqueueScenario(dir, enqueue: ["{a: 10, b: 20, c: x}", "{a: 30, b: 400, c: y}"])
    let study = dir.appendingPathComponent("bad.sqlite").path
    let r = try CLI.run(["run", scenario, "--study", study, "--quiet"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("s.yaml:15:16") && r.stderr.contains("'b' cannot be 400; allowed: a whole number from 0 to 100"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: study))
}

@Test func hyperfrontEnqueueQueuesAFileNextInLine() throws {
    let dir = try temporaryFolder()
    let scenario = try enqueueScenario(dir, enqueue: [])
    let study = dir.appendingPathComponent("s.sqlite").path
    #expect(try CLI.run(["run", scenario, "--study", study, "--quiet", "--trials", "8"]).status == 0)
    let before = try rows(study)

    // Every bad value named with its file, line and what is allowed; nothing queued.
    let bad = dir.appendingPathComponent("bad.json").path
    try "[{\"a\": 5, \"b\": 6, \"c\": \"y\"},\n {\"a\": 500, \"b\": 6, \"c\": \"y\"},\n {\"a\": 1, \"bb\": 2, \"c\": \"x\"}]\n"
        .write(toFile: bad, atomically: true, encoding: .utf8)
    let e = try CLI.run(["enqueue", study, bad])
    #expect(e.status == 2)
    #expect(e.stderr.contains("bad.json:2:8") && e.stderr.contains("'a' cannot be 500; allowed: a whole number from 0 to 100"), "\(e.stderr)")
    #expect(e.stderr.contains("bad.json:3:") && e.stderr.contains("unknown parameter 'bb' (did you mean 'b'?)"), "\(e.stderr)")
    let badCSV = dir.appendingPathComponent("bad.csv").path
    try "a,b,c\n1,2,x\n3,4,z\n".write(toFile: badCSV, atomically: true, encoding: .utf8)
    let ec = try CLI.run(["enqueue", study, badCSV])
    #expect(ec.status == 2 && ec.stderr.contains("bad.csv:3:5") && ec.stderr.contains("allowed: one of x, y"), "\(ec.stderr)")
    let over = dir.appendingPathComponent("over.csv").path
    try "a,b,c\n11,22,x\n100,90,y\n".write(toFile: over, atomically: true, encoding: .utf8)
    let eo = try CLI.run(["enqueue", study, over])
    #expect(eo.status == 2 && eo.stderr.contains("over.csv:3:1") && eo.stderr.contains("cost ≤ 150") && eo.stderr.contains("--repair"), "\(eo.stderr)")

    let known = dir.appendingPathComponent("known.csv").path
    try "a,b,c\n11,22,x\n33,44,y\n".write(toFile: known, atomically: true, encoding: .utf8)
    let ok = try CLI.run(["enqueue", study, known])
    #expect(ok.status == 0 && ok.stdout.contains("from trial 8"), "\(ok.stderr)")
    #expect(try CLI.run(["run", scenario, "--study", study, "--quiet", "--trials", "16", "--resume"]).status == 0)
    let after = try rows(study)
    #expect(Array(after.prefix(8)) == before)
    #expect(after[8].prefix(4) == ["8", "11", "22", "x"] && after[9].prefix(4) == ["9", "33", "44", "y"])
}
