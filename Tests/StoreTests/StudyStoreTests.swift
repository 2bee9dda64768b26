import Foundation
import Testing
import Hyperfront
@testable import Store
import GRDB

func tempPath() -> String { FileManager.default.temporaryDirectory.appendingPathComponent("st-\(UUID().uuidString).sqlite").path }

let sampleInfo = StudyInfo(name: "s", scenario: "name: s\n", scenarioPath: "s.yaml", seed: 9, trials: 10,
                           parameterNames: ["a", "b"], metricNames: ["m1", "m2"], createdAt: 1000)

@Test func roundTripsTrialsExactly() throws {
    let path = tempPath()
    let store = try StudyStore.create(path: path, info: sampleInfo)
    let t = Trial(number: 0, generation: 2, configuration: Configuration([0.1 + 0.2, .nan]), state: .complete,
                  metrics: [1e-300, -.infinity], violation: 0.25, startedAt: 1.5, finishedAt: 2.5, failure: nil)
    let f = Trial(number: 1, generation: 2, configuration: Configuration([1, 2]), state: .failed,
                  metrics: [.nan, .nan], violation: .infinity, startedAt: 3, finishedAt: 4, failure: "boom")
    try store.save([t, f], intermediate: [0: ["{\"step\": 1}"]])
    let reopened = try StudyStore.open(path: path)
    #expect(try reopened.info() == sampleInfo)
    let back = try reopened.trials()
    #expect(back.count == 2)
    #expect(back[0].configuration == t.configuration)
    #expect(back[0].metrics[0] == 1e-300 && back[0].metrics[1] == -.infinity)
    #expect(back[0].violation == 0.25 && back[0].generation == 2 && back[0].finishedAt == 2.5)
    #expect(back[1].state == .failed && back[1].failure == "boom")
    #expect(try reopened.intermediate(trial: 0) == ["{\"step\": 1}"])
    #expect(try reopened.counts() == [.complete: 1, .failed: 1])
}

@Test func refusesToOverwriteAndExplainsMissingFiles() throws {
    let path = tempPath()
    _ = try StudyStore.create(path: path, info: sampleInfo)
    #expect(throws: StudyStore.StoreError.self) { _ = try StudyStore.create(path: path, info: sampleInfo) }
    do { _ = try StudyStore.open(path: path + ".none"); Issue.record("expected an error") }
    catch { #expect(error.description.contains("no such study file")) }
    let garbage = tempPath()
    try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: garbage))
    do { _ = try StudyStore.open(path: garbage); Issue.record("expected an error") }
    catch { #expect(error.description.contains("not a Hyperfront study file")) }
}

@Test func twoWritersDoNotLoseRows() throws {
    let path = tempPath()
    _ = try StudyStore.create(path: path, info: sampleInfo)
    let a = try StudyStore.open(path: path), b = try StudyStore.open(path: path)
    DispatchQueue.concurrentPerform(iterations: 2) { k in
        let s = k == 0 ? a : b
        for i in 0..<200 {
            let n = i * 2 + k
            try! s.save([Trial(number: n, generation: 0, configuration: Configuration([Double(n), 0]), state: .complete,
                               metrics: [0, 0], violation: 0, startedAt: 0, finishedAt: 0, failure: nil)])
        }
    }
    #expect(try a.trials().map(\.number) == Array(0..<400))
}

@Test func runLockRefusesALiveHolderAndTakesOverADeadOne() throws {
    let store = try StudyStore.create(path: tempPath(), info: sampleInfo)
    try store.acquireRunLock()
    try store.acquireRunLock()   // the holder itself may take it again
    // A live process on this host (pid 1) holds it.
    let host = ProcessInfo.processInfo.hostName
    try store.db.write { db in
        try db.execute(sql: "UPDATE run_lock SET pid = 1, process_start = ? WHERE id = 1", arguments: [ProcessIdentity.startTime(of: 1) ?? ""])
    }
    do { try store.acquireRunLock(); Issue.record("expected busy") }
    catch { #expect(error.description.contains("this study is being run by process 1 on \(host)")) }
    #expect(store.runLockHolder() == "process 1 on \(host)")
    // Same pid, different start time: the pid was reused, the holder is gone.
    try store.db.write { db in try db.execute(sql: "UPDATE run_lock SET process_start = 'x' WHERE id = 1") }
    #expect(store.runLockHolder() == nil)
    try store.acquireRunLock()
    // Another host: only a recent heartbeat counts.
    try store.db.write { db in try db.execute(sql: "UPDATE run_lock SET pid = 77, host = 'elsewhere', heartbeat = ? WHERE id = 1", arguments: [Date().timeIntervalSince1970]) }
    #expect(throws: StudyStore.StoreError.self) { try store.acquireRunLock() }
    try store.db.write { db in try db.execute(sql: "UPDATE run_lock SET heartbeat = 0 WHERE id = 1") }
    try store.acquireRunLock()
    store.releaseRunLock()
    #expect(store.runLockHolder() == nil)
    try store.setSetting("pipeline", "4")
    #expect(try store.setting("pipeline") == "4" && store.setting("missing") == nil)
}

@Test func finishedTrialReplacesItsRunningRowInTheSameTransaction() throws {
    let store = try StudyStore.create(path: tempPath(), info: sampleInfo)
    let config = Configuration([0.5, 3])
    try store.save([Trial(number: 4, generation: 1, configuration: config, state: .running,
                          metrics: [], violation: .nan, startedAt: 10, finishedAt: nil, failure: nil)])
    #expect(try store.counts() == [.running: 1])
    let done = Trial(number: 4, generation: 1, configuration: config, state: .complete,
                     metrics: [0.125, -2], violation: 0, startedAt: 10, finishedAt: 11, failure: nil)
    let next = Trial(number: 5, generation: 1, configuration: Configuration([1, 1]), state: .complete,
                     metrics: [1, 1], violation: 0, startedAt: 11, finishedAt: 12, failure: nil)
    try store.save([done, next])
    let back = try store.trials()
    #expect(back.map(\.number) == [4, 5])
    #expect(back[0].state == .complete && back[0].metrics == [0.125, -2] && back[0].finishedAt == 11)
    #expect(try store.counts() == [.complete: 2])
    // A running row stores no metrics and no violation (NULL), as reports expect.
    try store.save([Trial(number: 6, generation: 1, configuration: config, state: .running,
                          metrics: [], violation: .nan, startedAt: 12, finishedAt: nil, failure: nil)])
    let nulls = try store.db.read { db in
        try Row.fetchOne(db, sql: "SELECT metrics IS NULL AND violation IS NULL AND finished_at IS NULL FROM trial WHERE number = 6")?[0] as Bool?
    }
    #expect(nulls == true)
}

@Test func rowsUseTheDocumentedEncoding() throws {
    let store = try StudyStore.create(path: tempPath(), info: sampleInfo)
    let t = Trial(number: 0, generation: 3, configuration: Configuration([0.1, .nan]), state: .failed,
                  metrics: [.nan, 7], violation: .infinity, startedAt: 1, finishedAt: 2, failure: "why")
    try store.save([t])
    let row = try store.db.read { db in try Row.fetchOne(db, sql: "SELECT * FROM trial")! }
    #expect((row["params"] as Data) == encodeDoubles(t.configuration.values))
    #expect((row["metrics"] as Data) == encodeDoubles(t.metrics))
    #expect((row["state"] as String) == "failed" && (row["failure"] as String) == "why" && (row["generation"] as Int) == 3)
    #expect((row["violation"] as Double) == .infinity)
}

@Test func multiRowChunksFallBackToSingleRowsOnATakenNumber() throws {
    let store = try StudyStore.create(path: tempPath(), info: sampleInfo)
    func trial(_ n: Int, _ state: TrialState, _ x: Double) -> Trial {
        Trial(number: n, generation: n / 10, configuration: Configuration([x, Double(n)]), state: state,
              metrics: state == .running ? [] : [x, -x], violation: state == .running ? .nan : 0,
              startedAt: Double(n), finishedAt: state == .running ? nil : Double(n) + 1, failure: state == .failed ? "f\(n)" : nil)
    }
    // Rows 40 and 77 are stored as running first; the second save holds them finished, inside
    // full chunks, next to rows that are new — plus a remainder shorter than a chunk.
    try store.save([trial(40, .running, 0), trial(77, .running, 0)])
    let count = 3 * TrialRowWriter.chunk + 5
    let batch = (0..<count).map { n in trial(n, n % 7 == 3 ? .failed : .complete, Double(n) / 8) }
    try store.save(batch)
    let back = try store.trials()
    #expect(back.map(\.number) == Array(0..<count))
    for (a, b) in zip(back, batch) {
        #expect(a.configuration == b.configuration && a.metrics == b.metrics && a.state == b.state)
        #expect(a.failure == b.failure && a.finishedAt == b.finishedAt && a.generation == b.generation)
    }
    // Finished rows never change: saving them again is refused, whole (nothing of it written).
    #expect(throws: StudyStore.StoreError.self) { try store.save(batch.map { var t = $0; t.violation = 1; return t }) }
    #expect(try store.trials().allSatisfy { $0.violation == 0 })
    #expect(try store.counts() == [.complete: batch.filter { $0.state == .complete }.count, .failed: batch.filter { $0.state == .failed }.count])
}

@Test func openingSomethingElseLeavesItUntouched() throws {
    let other = tempPath()
    try Data("".utf8).write(to: URL(fileURLWithPath: other))
    #expect(throws: StudyStore.StoreError.self) { _ = try StudyStore.open(path: other) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: other)).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("st-dir-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    do { _ = try StudyStore.open(path: dir); Issue.record("expected an error") }
    catch { #expect(error.description.contains("directory")) }
}
