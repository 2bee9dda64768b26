import Foundation
import Testing

/// A deterministic two-objective formula in integers, the same for `run` and for the loop.
private let formula = #"echo "{\"f1\": $1, \"f2\": $(( (100 - $1) * (100 - $1) / ($2 + 1) + $2 ))}""#

private func askTellScenario(_ dir: URL, pipeline: String = "") throws -> String {
    let scenario = dir.appendingPathComponent("s.yaml").path
    try """
    name: asktell
    evaluator:
      command: [sh, -c, '\(formula)', sh, "{a}", "{b}"]
      metrics: [f1, f2]
    space:
      a: {int: [0, 100]}
      b: {int: [0, 100]}
    objectives: [{metric: f1}, {metric: f2}]
    search: {algorithm: nsga2, population: 8, trials: 40, seed: 5, workers: 1}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    return scenario
}

private func shell(_ a: Int, _ b: Int) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", formula, "sh", String(a), String(b)]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

private struct Asked: Decodable {
    var trial: Int
    var seed: UInt64
    var parameters: [String: Int]
}

/// The trials of a study as CSV rows (the columns carry no times).
private func rows(_ study: String) throws -> [String] {
    try CLI.run(["report", study, "--format", "csv", "--all"]).stdout.split(separator: "\n").map(String.init)
}

@Test(arguments: [0, 2])
func askAndTellFromAnotherProcessGiveTheTrialsOfRun(pipeline: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-asktell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let scenario = try askTellScenario(dir)
    let reference = dir.appendingPathComponent("run.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", reference, "--quiet", "--pipeline", String(pipeline)])
    #expect(run.status == 0, "\(run.stderr)")

    let study = dir.appendingPathComponent("asktell.sqlite").path
    let made = try CLI.run(["create", scenario, "--study", study, "--pipeline", String(pipeline)])
    #expect(made.status == 0 && made.stdout.contains(study), "\(made.stderr)")
    var told = 0, asks = 0, short = 0
    while asks < 200 {
        asks += 1
        let out = try CLI.run(["ask", study, "-n", "3"])
        #expect(out.status == 0, "\(out.stderr)")
        let asked = try out.stdout.split(separator: "\n").map { try JSONDecoder().decode(Asked.self, from: Data($0.utf8)) }
        if asked.isEmpty { break }
        if asked.count < 3 { short += 1 }
        // Told in reverse order: the order of tells within what is out does not matter.
        for a in asked.reversed() {
            let metrics = try shell(a.parameters["a"]!, a.parameters["b"]!)
            let t = try CLI.run(["tell", study, String(a.trial), "--metrics", metrics])
            #expect(t.status == 0, "\(t.stderr)")
            told += 1
        }
    }
    #expect(told == 40)
    // Strict generations of 8 asked 3 at a time: each generation ends with a short answer.
    if pipeline == 0 { #expect(short >= 5) }
    #expect(try rows(study) == rows(reference))

    let again = try CLI.run(["tell", study, "3", "--metrics", "{\"f1\": 1, \"f2\": 2}"])
    #expect(again.status == 2 && again.stderr.contains("trial 3 is already told"), "\(again.stderr)")
    let none = try CLI.run(["tell", study, "99", "--failed", "x"])
    #expect(none.status == 2 && none.stderr.contains("trial 99 was not handed out"), "\(none.stderr)")
}

@Test func aTrialAskedAndNotToldIsHandedOutAgainAfterTheTimeout() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-asktell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let study = dir.appendingPathComponent("t.sqlite").path
    #expect(try CLI.run(["create", try askTellScenario(dir), "--study", study]).status == 0)
    let first = try CLI.run(["ask", study, "-n", "2"]).stdout.split(separator: "\n")
    #expect(first.count == 2)
    let next = try CLI.run(["ask", study]).stdout.split(separator: "\n")
    #expect(next.count == 1 && !first.contains(next[0]))
    // Told as failed: the study goes on.
    let a = try JSONDecoder().decode(Asked.self, from: Data(first[0].utf8))
    #expect(try CLI.run(["tell", study, String(a.trial), "--failed", "out of memory"]).status == 0)
    usleep(1_100_000)
    let again = try CLI.run(["ask", study, "--timeout", "1", "-n", "8"]).stdout.split(separator: "\n")
    #expect(again.contains(first[1]) && again.contains(next[0]) && !again.contains(first[0]))
    let status = try CLI.run(["status", study]).stdout
    #expect(status.contains("1 × out of memory"), "\(status)")
}

/// The same 40 trials from Python, through the client in python/ (which calls this binary).
@Test func thePythonClientDrivesAStudyToTheTrialsOfRun() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-asktell-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let scenario = try askTellScenario(dir)
    let reference = dir.appendingPathComponent("run.sqlite").path
    #expect(try CLI.run(["run", scenario, "--study", reference, "--quiet"]).status == 0)
    let study = dir.appendingPathComponent("py.sqlite").path
    #expect(try CLI.run(["create", scenario, "--study", study]).status == 0)
    let script = dir.appendingPathComponent("loop.py").path
    try """
    import sys, hyperfront
    study = hyperfront.Study(sys.argv[1])
    told = 0
    while True:
        asked = study.ask(5)
        if not asked:
            break
        for t in asked:
            a, b = t.params["a"], t.params["b"]
            study.tell(t, f1=a, f2=(100 - a) * (100 - a) // (b + 1) + b)
            told += 1
    try:
        study.tell(0, f1=1, f2=1)
    except hyperfront.StudyError as e:
        print("refused", e.code)
    print("told", told)
    """.write(toFile: script, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script, study]
    var env = ProcessInfo.processInfo.environment
    env["PYTHONPATH"] = CLI.packageRoot.appendingPathComponent("python").path
    env["HYPERFRONT"] = CLI.binary.path
    p.environment = env
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    #expect(text.contains("told 40") && text.contains("refused 2"), "\(text)")
    #expect(try rows(study) == rows(reference))
}

@Test func statusTellsHowToReportTrialsHandedOutByAsk() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-askstatus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let scenario = try askTellScenario(dir)
    let study = dir.appendingPathComponent("s.sqlite").path
    #expect(try CLI.run(["create", scenario, "--study", study]).status == 0)
    #expect(try CLI.run(["ask", study, "-n", "2"]).status == 0)
    let status = try CLI.run(["status", study]).stdout
    #expect(status.contains("2 trial(s) handed out by 'hyperfront ask' and not told yet (0, 1)"), "\(status)")
    #expect(status.contains("hyperfront tell \(study) TRIAL --metrics JSON") && status.contains("handed out again"), "\(status)")
    #expect(!status.contains("--resume"), "\(status)")
}
