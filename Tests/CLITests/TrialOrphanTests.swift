import Foundation
import Testing

/// Processes whose command line contains `marker`.
private func running(_ marker: String) -> Int {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    p.arguments = ["-f", marker]
    let out = Pipe()
    p.standardOutput = out
    try? p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").count
}

/// Waits up to `seconds` for `condition`.
private func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

/// `hyperfront run` killed by SIGKILL (or SIGHUP, as when its terminal closes) while its trials
/// sleep: the trials — also a grandchild that left the group with setsid — die with it, so a
/// resumed run never finds them still running.
@Test(arguments: [SIGKILL, SIGHUP])
func trialsDoNotOutliveTheirRun(signal: Int32) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-orphans-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let marker = "1002.\(signal)7"
    let scenario = dir.appendingPathComponent("s.yaml").path
    try """
    name: orphans
    evaluator:
      command: [sh, -c, 'setsid sleep \(marker)1 & sleep \(marker)2; echo "{\\"f1\\": $1, \\"f2\\": 1}"', sh, "{a}"]
      metrics: [f1, f2]
    space:
      a: {float: [0, 1]}
    objectives: [{metric: f1}, {metric: f2}]
    search: {algorithm: random, trials: 4, seed: 1, workers: 2}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = ["run", scenario, "--study", dir.appendingPathComponent("s.sqlite").path, "--quiet"]
    p.currentDirectoryURL = CLI.packageRoot
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    // The test runner's threads block most signals, and a spawned process inherits the mask:
    // spawn with none blocked, as from a shell, so that SIGHUP acts as on a closed terminal.
    var none = sigset_t(), previous = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    try p.run()
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    #expect(eventually(20) { running("^sleep \(marker)1") == 2 && running("^sleep \(marker)2") == 2 })
    kill(p.processIdentifier, signal)
    p.waitUntilExit()
    #expect(eventually(5) { running("^sleep \(marker)") == 0 }, "trial processes outlived the run")
    killSurvivors("^sleep \(marker)")
}

/// `hyperfront run` killed by SIGKILL while its persistent workers wait for a trial's answer:
/// the workers — and a process one of them started with setsid — die with it.
@Test func persistentWorkersDoNotOutliveTheirRun() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-worker-orphans-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let marker = "1003.\(getpid() % 1000)7"
    let scenario = dir.appendingPathComponent("s.yaml").path
    // A worker that never answers: it reads its first trial and sleeps.
    try """
    name: worker-orphans
    evaluator:
      command: [sh, -c, 'setsid sleep \(marker)1 & exec sleep \(marker)2']
      persistent: true
      metrics: [f1, f2]
    space:
      a: {float: [0, 1]}
    objectives: [{metric: f1}, {metric: f2}]
    search: {algorithm: random, trials: 4, seed: 1, workers: 2}
    """.write(toFile: scenario, atomically: true, encoding: .utf8)
    let p = Process()
    p.executableURL = CLI.binary
    p.arguments = ["run", scenario, "--study", dir.appendingPathComponent("s.sqlite").path, "--quiet"]
    p.currentDirectoryURL = CLI.packageRoot
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    #expect(eventually(20) { running("^sleep \(marker)1") == 2 && running("^sleep \(marker)2") == 2 })
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(eventually(5) { running("^sleep \(marker)") == 0 }, "persistent workers outlived the run")
    killSurvivors("^sleep \(marker)")
}

/// SIGKILL to the processes whose command line matches `marker` (by their ids), so that a
/// failed check leaves nothing running.
private func killSurvivors(_ marker: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    p.arguments = ["-f", marker]
    let out = Pipe()
    p.standardOutput = out
    try? p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    for pid in String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
}
