import Foundation
import Testing

/// The failure matrix of persistent workers at the level of a study: a worker script (Python
/// client) that crashes mid-trial, hangs past the timeout, prints garbage, exits between trials
/// or never calls finish, each on its own trial, on 2 workers. The study completes, each failure
/// is recorded with its reason, every other trial is complete, and no worker process is left.
@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "needs /usr/bin/python3"))
func persistentWorkerFailuresLoseOnlyTheirTrials() throws {
    let marker = "hfstudyworker-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(marker)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
    import os, sys, time, hyperfront
    MODES = ["ok", "crash", "ok", "hang", "ok", "garbage", "ok", "leave", "ok", "nofinish", "ok", "ok"]
    for t in hyperfront.trials():
        mode = MODES[t.number % len(MODES)]
        t.report(1, loss=t.params["x"] + 1)
        if mode == "crash":
            os._exit(3)
        if mode == "hang":
            time.sleep(600)
        if mode == "garbage":
            os.write(hyperfront._client._state["transport"].out.fileno(), b"this is not json\\n")
            time.sleep(600)
        if mode == "nofinish":
            continue
        t.finish(loss=t.params["x"], size=1 - t.params["x"])
        if mode == "leave":
            break
    """.write(to: dir.appendingPathComponent("worker.py"), atomically: true, encoding: .utf8)
    let scenario = dir.appendingPathComponent("s.yaml").path
    try """
    name: persistent-failures
    evaluator:
      command: [python3, worker.py]
      persistent: true
      workdir: .
      env: {PYTHONPATH: \(CLI.packageRoot.path)/python}
      timeout: 3s
      metrics: [loss, size]
    space:
      x: {float: [0, 1]}
    objectives: [{metric: loss}, {metric: size}]
    search: {algorithm: random, trials: 12, seed: 2, workers: 2}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    let study = dir.appendingPathComponent("s.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", study, "--quiet", "--max-failures", "0"])
    #expect(run.status == 0, "\(run.stderr)")
    let status = try CLI.run(["status", study]).stdout
    #expect(status.contains("trials: 12 of 12 done — 8 complete"), "\(status)")
    #expect(status.contains("4 failed, 0 running"), "\(status)")
    let all = try CLI.run(["report", study, "--all", "--format", "json"]).stdout
    for reason in ["exited with status 3 during the trial", "timed out after 3s", "not a protocol message: 'this is not json'",
                   "ended without trial.finish"] {
        #expect(all.contains(reason), "no failure '\(reason)' in the report")
    }
    // Every worker is gone once the run has returned.
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    p.arguments = ["-f", marker]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let left = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(left.isEmpty, "left behind: \(left)")
}
