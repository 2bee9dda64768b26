import Foundation
import Testing

/// Early stopping on `hyperfront worker` processes, against the test server: the workers'
/// intermediate reports reach the coordinator's scheduler through the study, its decisions
/// come back the same way, and the study ends as a single-process SQLite run of the same seed
/// does — the same trials, states, stopping steps and curves — also when a worker is killed
/// mid-trial and its trial is taken over.
@Suite("PostgreSQL workers under early stopping", .enabled(if: PostgresServer.enabled))
struct PostgresEarlyStoppingTests {
    /// An ASHA study of an awk command streaming 9 epochs, `pause` seconds each.
    func scenario(trials: Int, pause: String) throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pg-es-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("s.yaml").path
        try streamingScenario(name: "relayed-asha", loss: "x + (1 - y) / e", pause: "system(\"sleep \(pause)\")",
                              search: "{algorithm: nsga2, population: 8, trials: \(trials), seed: 5, workers: 2}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    /// `report --all` and `report --intermediate` (CSV) of a study.
    func reports(_ study: String) throws -> [String] {
        try [["--all", "--format", "csv"], ["--intermediate", "--format", "csv"]].map { arguments in
            let r = try CLI.run(["report", study] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
    }

    @Test("ASHA with a coordinator and 2 worker processes (one started before it, one after): the reports of a single-process study file")
    func sameStudyAsOneProcess() throws {
        guard let url = PostgresServer.fresh(study: "asha-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let (dir, scenario) = try scenario(trials: 32, pause: "0.02")
        defer { try? FileManager.default.removeItem(at: dir) }
        let early = try Background(["worker", url, "--quiet"])
        let coordinator = try Background(["run", scenario, "--study", url, "--workers", "0", "--quiet"])
        Thread.sleep(forTimeInterval: 0.5)
        let late = try Background(["worker", url, "--quiet"])
        let run = coordinator.wait(timeout: 120)
        #expect(run.status == 0, "\(StudyURL.mask(run.stderr))")
        #expect(run.stderr.contains("stopped early"), "\(StudyURL.mask(run.stderr))")
        for w in [early, late] {
            let r = w.wait(timeout: 30)
            #expect(r.status == 0, "\(StudyURL.mask(r.stderr))")
        }
        let counts = [early, late].map { PostgresWorkerTests.trialsRun($0.result?.stderr ?? "") }
        #expect(counts.reduce(0, +) == 32, "\(counts)")

        let file = dir.appendingPathComponent("one.sqlite").path
        let local = try CLI.run(["run", scenario, "--study", file, "--quiet"])
        #expect(local.status == 0, "\(local.stderr)")
        let mine = try reports(file), remote = try reports(url)
        #expect(mine[0].contains(",pruned,") && mine[0].split(separator: "\n").count == 33, "\(mine[0])")
        #expect(remote[0] == mine[0], "report --all differs")
        #expect(remote[1] == mine[1], "report --intermediate differs")
    }

    @Test("ASHA: kill -9 a worker in the middle of a trial; another takes it over, answered as before, and the study is that of one process")
    func killedWorkersTrialIsTakenOver() throws {
        guard let url = PostgresServer.fresh(study: "asha-kill-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let (dir, scenario) = try scenario(trials: 16, pause: "0.2")
        defer { try? FileManager.default.removeItem(at: dir) }
        let doomed = try Background(["worker", url, "--reclaim-after", "3"])
        let coordinator = try Background(["run", scenario, "--study", url, "--workers", "0", "--quiet"])
        // Killed once it has a trial running and that trial has reported (its first epoch ends
        // after 0.2 s, the trial after 1.8 s).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline,
              !(try CLI.run(["report", url, "--all", "--format", "csv"]).stdout.contains(",running,")) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 0.7)
        doomed.kill9()
        let rescuer = try Background(["worker", url, "--reclaim-after", "3", "--workers", "2"])
        let run = coordinator.wait(timeout: 120)
        #expect(run.status == 0, "\(StudyURL.mask(run.stderr))")
        let r = rescuer.wait(timeout: 30)
        #expect(r.status == 0, "\(StudyURL.mask(r.stderr))")
        #expect(r.stderr.contains("taken over from a stopped worker"), "\(StudyURL.mask(r.stderr))")

        let file = dir.appendingPathComponent("one.sqlite").path
        let local = try CLI.run(["run", scenario, "--study", file, "--quiet"])
        #expect(local.status == 0, "\(local.stderr)")
        let mine = try reports(file), remote = try reports(url)
        #expect(!remote[0].contains("running"))
        #expect(remote[0] == mine[0], "report --all differs")
        #expect(remote[1] == mine[1], "report --intermediate differs")
    }

    @Test("ASHA: the coordinator killed with SIGKILL 3 times while workers wait on its decisions, resumed each time: the study of one process")
    func killedCoordinatorIsResumed() throws {
        guard let url = PostgresServer.fresh(study: "asha-coord-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let (dir, scenario) = try scenario(trials: 32, pause: "0.1")
        defer { try? FileManager.default.removeItem(at: dir) }
        let workers = try [Background(["worker", url, "--workers", "2", "--quiet"]), Background(["worker", url, "--quiet"])]
        for round in 0..<3 {
            let coordinator = try Background(["run", scenario, "--study", url, "--workers", "0", "--quiet"] + (round == 0 ? [] : ["--resume"]))
            Thread.sleep(forTimeInterval: 1.3)
            coordinator.kill9()
            coordinator.wait(timeout: 10)
        }
        let last = try CLI.run(["run", scenario, "--study", url, "--workers", "0", "--resume", "--quiet"])
        #expect(last.status == 0, "\(StudyURL.mask(last.stderr))")
        for w in workers { #expect(w.wait(timeout: 30).status == 0) }

        let file = dir.appendingPathComponent("one.sqlite").path
        let local = try CLI.run(["run", scenario, "--study", file, "--quiet"])
        #expect(local.status == 0, "\(local.stderr)")
        let mine = try reports(file), remote = try reports(url)
        #expect(remote[0] == mine[0], "report --all differs")
        #expect(remote[1] == mine[1], "report --intermediate differs")
    }
}
