import Foundation
import Testing
import Hyperfront
@testable import Store

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
