import Foundation
import Testing

/// `hyperfront worker` processes on a study in PostgreSQL, against the test server: the
/// coordinator (`run --workers 0`) queues, workers claim, and the study holds exactly the
/// trials a single-process run of the same seed makes; a killed worker's trial is taken over;
/// a worker that cannot run the study says why (exit code 2) and claims nothing.
@Suite("PostgreSQL workers", .enabled(if: PostgresServer.enabled))
struct PostgresWorkerTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgworker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A command study whose trials take 0 to 30 ms (`sleeps` × 10 ms per step of the trial number).
    func commandScenario(in dir: URL, trials: Int, sleep: String = "0.0$(( $HYPERFRONT_TRIAL % 4 ))") throws -> String {
        let path = dir.appendingPathComponent("s.yaml").path
        try """
        name: queued
        evaluator:
          command: [sh, -c, 'sleep \(sleep); echo "{\\"f1\\": $1, \\"f2\\": $2}"', sh, "{a}", "{b}"]
          metrics: [f1, f2]
        space:
          a: {float: [0, 1]}
          b: {int: [0, 40]}
        objectives: [{metric: f1}, {metric: f2}]
        search: {algorithm: nsga2, population: 8, trials: \(trials), seed: 4, workers: 2}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("coordinator + 2 worker processes (one started before it, one after): the trials of a single-process study file with the same seed; workers stop by themselves")
    func sameTrialsAsOneProcess() throws {
        guard let url = PostgresServer.fresh(study: "queue-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let dir = try folder()
        let scenario = try commandScenario(in: dir, trials: 40)
        let early = try Background(["worker", url, "--quiet"])
        let coordinator = try Background(["run", scenario, "--study", url, "--workers", "0", "--quiet"])
        Thread.sleep(forTimeInterval: 0.5)
        let late = try Background(["worker", url, "--workers", "2", "--quiet"])
        let run = coordinator.wait(timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        for w in [early, late] {
            let r = w.wait(timeout: 30)
            #expect(r.status == 0, "a worker did not stop by itself with the study: \(r.stderr)")
            #expect(!r.stderr.contains(PostgresServer.password))
        }
        let file = dir.appendingPathComponent("one.sqlite").path
        let local = try CLI.run(["run", scenario, "--study", file, "--workers", "1", "--quiet"])
        #expect(local.status == 0, "\(local.stderr)")
        let remote = try CLI.run(["report", url, "--all", "--format", "csv"]), mine = try CLI.run(["report", file, "--all", "--format", "csv"])
        #expect(remote.status == 0 && remote.stdout.split(separator: "\n").count == 41, "\(remote.stderr)")
        #expect(remote.stdout == mine.stdout)
        // Each worker ran some of the trials; together exactly the 40.
        let counts = [early, late].map { Self.trialsRun($0.result?.stderr ?? "") }
        #expect(counts.reduce(0, +) == 40, "\(counts)")
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("kill -9 a worker in the middle of a trial: another worker takes the trial over after --reclaim-after, none lost, none twice")
    func killedWorkersTrialIsTakenOver() throws {
        guard let url = PostgresServer.fresh(study: "reclaim-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let dir = try folder()
        let scenario = try commandScenario(in: dir, trials: 8, sleep: "2")
        let doomed = try Background(["worker", url, "--reclaim-after", "3"])
        let coordinator = try Background(["run", scenario, "--study", url, "--workers", "0", "--quiet"])
        // The doomed worker claims trial 0 as soon as it is queued and runs it for 2 s: killed
        // once the trial is stored as running.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !(try CLI.run(["report", url, "--all", "--format", "csv"]).stdout.contains(",running,")) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        doomed.kill9()
        let rescuer = try Background(["worker", url, "--reclaim-after", "3", "--workers", "4"])
        let run = coordinator.wait(timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let r = rescuer.wait(timeout: 30)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("worker: 8 trials") && r.stderr.contains("1 taken over from a stopped worker"), "\(r.stderr)")
        let csv = try CLI.run(["report", url, "--all", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 8 && !csv.stdout.contains("running"), "\(csv.stdout)")
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("status shows the queue (waiting, running with worker and heartbeat age, done) and the live workers, then the empty queue")
    func statusShowsTheQueue() throws {
        guard let url = PostgresServer.fresh(study: "status-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let dir = try folder()
        let scenario = try commandScenario(in: dir, trials: 8, sleep: "1.5")
        let worker = try Background(["worker", url, "--workers", "2", "--quiet"])
        let coordinator = try Background(["run", scenario, "--study", url, "--workers", "0", "--quiet"])
        var seen = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            seen = try CLI.run(["status", url]).stdout
            if seen.contains("queue: 6 waiting, 2 running, 0 done") && seen.contains("workers: 1 live") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let pid = worker.process.processIdentifier
        #expect(seen.contains("queue: 6 waiting, 2 running, 0 done"), "\(seen)")
        #expect(seen.contains("  trial 0: ") && seen.contains("  trial 1: ") && seen.contains(" pid \(pid), heartbeat "), "\(seen)")
        #expect(seen.contains("workers: 1 live — ") && seen.contains("pid \(pid) (2 running)"), "\(seen)")
        #expect(!seen.contains(PostgresServer.password))
        let run = coordinator.wait(timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(worker.wait(timeout: 30).status == 0)
        let after = try CLI.run(["status", url]).stdout
        #expect(after.contains("queue: 0 waiting, 0 running, 8 done") && after.contains("workers: none live"), "\(after)")
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("a worker that cannot run the study, or is given something else, says why with exit code 2 and claims nothing")
    func refusals() throws {
        guard let url = PostgresServer.fresh(study: "refuse-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let secret = PostgresServer.password
        let dir = try folder()
        // A study of the built-in trainer whose data file this host does not have.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Scenarios/data/digits.csv"),
                                         to: dir.appendingPathComponent("data/digits.csv"))
        let quickstart = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Scenarios/quickstart.yaml"), encoding: .utf8)
        let scenario = dir.appendingPathComponent("quickstart.yaml").path
        try quickstart.write(toFile: scenario, atomically: true, encoding: .utf8)
        let created = try CLI.run(["create", scenario, "--study", url])
        #expect(created.status == 0, "\(created.stderr)")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("data/digits.csv"))
        // A study of a command this host does not have.
        let program = dir.appendingPathComponent("train.sh")
        try "#!/bin/sh\necho '{\"f1\": 1, \"f2\": 2}'\n".write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        let commandScenario = dir.appendingPathComponent("c.yaml").path
        try """
        name: missing-command
        evaluator: {command: [\(program.path)], metrics: [f1, f2]}
        space: {a: {float: [0, 1]}}
        objectives: [{metric: f1}, {metric: f2}]
        search: {algorithm: random, trials: 4, seed: 1}
        """.write(toFile: commandScenario, atomically: true, encoding: .utf8)
        let commandURL = url + "-command"
        let created2 = try CLI.run(["create", commandScenario, "--study", commandURL])
        #expect(created2.status == 0, "\(created2.stderr)")
        try FileManager.default.removeItem(at: program)

        let cases: [(arguments: [String], says: String)] = [
            (["worker", url, "--wait", "0"], "cannot run the study's trials"),
            (["worker", url, "--wait", "0"], "digits.csv"),
            (["worker", commandURL, "--wait", "0"], "train.sh"),
            (["worker", PostgresServer.url(study: "never-made-\(UUID().uuidString.prefix(6))"), "--wait", "0"], "has no study named"),
            (["worker", PostgresServer.url(database: "not_hyperfront", study: "x"), "--wait", "0"], "holds other tables (inventory)"),
            (["worker", PostgresServer.url(port: PostgresServer.freePort(), study: "x")], "cannot connect to the server at 127.0.0.1:"),
            (["worker", PostgresServer.url(password: "wrong", study: "x")], "refused the password"),
            (["worker", dir.appendingPathComponent("file.sqlite").path], "workers take a study in PostgreSQL"),
            (["run", "Scenarios/benchmarks/zdt1.yaml", "--study", dir.appendingPathComponent("file.sqlite").path, "--workers", "0"], "--workers 0 leaves every trial"),
        ]
        for (arguments, says) in cases {
            let r = try CLI.run(arguments)
            #expect(r.status == 2, "\(StudyURL.mask(arguments.joined(separator: " "))): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(says), "\(StudyURL.mask(arguments.joined(separator: " "))): \(r.stderr)")
            #expect(!r.stderr.contains(secret))
        }
        // Nothing was claimed nor written: the studies hold no trial.
        for u in [url, commandURL] {
            let csv = try CLI.run(["report", u, "--all", "--format", "csv"])
            #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count <= 1, "\(csv.stdout) \(csv.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("file.sqlite").path))
        try? FileManager.default.removeItem(at: dir)
    }

    /// "worker: 17 trials in …" → 17.
    static func trialsRun(_ stderr: String) -> Int {
        guard let r = stderr.range(of: "worker: ") else { return -1 }
        return Int(stderr[r.upperBound...].prefix(while: \.isNumber)) ?? -1
    }
}

/// The binary run in the background, its output in files.
final class Background {
    let process = Process()
    private let out: URL, err: URL
    private(set) var result: CLIResult?

    init(_ arguments: [String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bg-\(UUID().uuidString)")
        out = base.appendingPathExtension("out")
        err = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits up to `timeout` seconds (then kills it: status 137).
    @discardableResult
    func wait(timeout: Double) -> CLIResult {
        if let result { return result }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill9() }
        process.waitUntilExit()
        let r = CLIResult(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        result = r
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
        return r
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
    }

    deinit { if process.isRunning { kill9() } }
}
