import Foundation
import Testing
import Hyperfront

/// A storage backend under test: how to make a fresh study and more handles on it. The
/// conformance suite below is written against `StudyStorage` alone, so every backend runs the
/// same checks (see `StudyStorageConformanceTests.swift` for the SQLite study file).
struct StorageFactory: Sendable {
    let name: String
    /// A fresh, empty study holding `info`.
    let create: @Sendable (StudyInfo) throws -> any StudyStorage
    /// Another handle on the study `storage` holds (another connection, as another process
    /// would have), for writing or for reading only.
    let open: @Sendable (_ storage: any StudyStorage, _ readOnly: Bool) throws -> any StudyStorage
}

/// One check of the suite, named for the test listing.
struct ConformanceCheck: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable (StorageFactory) throws -> Void
    var testDescription: String { name }
}

enum StudyStorageConformance {
    static let model = StudyModel(
        name: "conformance",
        space: SearchSpace(parameters: [
            Parameter(name: "opt", domain: .categorical([.string("adam"), .string("sgd")])),
            Parameter(name: "momentum", domain: .float(lower: 0.5, upper: 0.99, log: false, step: nil),
                      condition: Condition(clauses: [.init(parameter: 0, allowed: [1])])),
        ]),
        objectives: [Objective(metric: "loss", goal: .minimize), Objective(metric: "acc", goal: .maximize)],
        constraints: [OutcomeConstraint(metric: "acc", kind: .atLeast, bound: 0.5)],
        resources: [], metrics: ["loss", "acc"],
        evaluator: EvaluatorModel(kind: "command", settings: ["command": .list([.string("true")])]),
        search: SearchModel(algorithm: "random", trials: 10, seed: 9, workers: 1))

    static let info = StudyInfo(name: "conformance", scenario: "name: conformance\n", scenarioPath: "c.yaml", seed: 9, trials: 10,
                                parameterNames: ["opt", "momentum"], metricNames: ["loss", "acc"], createdAt: 1000, model: model)

    static func trial(_ n: Int, _ state: TrialState, x: Double = 0.25, started: Double = 1) -> Trial {
        Trial(number: n, generation: n / 4, configuration: Configuration([Double(n % 2), n % 2 == 1 ? x : .nan]), state: state,
              metrics: state == .running ? [] : [x * Double(n), 1 - x], violation: state == .running ? .nan : (state == .failed ? .infinity : 0),
              startedAt: started, finishedAt: state == .running ? nil : started + 1, failure: state == .failed ? "exit 3: boom\nline 2" : nil)
    }

    static func same(_ a: Trial, _ b: Trial) -> Bool {
        func bits(_ v: [Double]) -> [UInt64] { v.map(\.bitPattern) }
        return a.number == b.number && a.generation == b.generation && a.state == b.state
            && bits(a.configuration.values) == bits(b.configuration.values) && bits(a.metrics) == bits(b.metrics)
            && a.violation.bitPattern == b.violation.bitPattern && a.startedAt == b.startedAt && a.finishedAt == b.finishedAt
            && a.failure == b.failure
    }

    /// Every check, in order.
    static let checks: [ConformanceCheck] = [
        ConformanceCheck(name: "description and model read back; budget and model can change", run: describes),
        ConformanceCheck(name: "trials read back exactly, by number, with counts", run: roundTrips),
        ConformanceCheck(name: "intermediate reports in order, replaced when a trial reruns", run: intermediateReports),
        ConformanceCheck(name: "a crash between a trial's start and finish: the running row is handed back and rerun once", run: crashMidTrial),
        ConformanceCheck(name: "finished trials never change; a refused save writes nothing", run: finishedAreImmutable),
        ConformanceCheck(name: "settings", run: settings),
        ConformanceCheck(name: "run lock: acquire, holder, heartbeat, release", run: runLock),
        ConformanceCheck(name: "concurrent writers: threads and two handles lose no row", run: concurrentWriters),
        ConformanceCheck(name: "a read-only handle reads everything and writes nothing", run: readOnly),
        ConformanceCheck(name: "checkpoint and close keep everything", run: checkpointAndClose),
    ]

    static func describes(_ f: StorageFactory) throws {
        let s = try f.create(info)
        #expect(try s.info() == info)
        #expect(!s.isReadOnly && !s.location.isEmpty)
        try s.setTrialBudget(25)
        var changed = model
        changed.metrics.append("extra")
        try s.setModel(changed)
        let back = try f.open(s, false).info()
        #expect(back.trials == 25 && back.model == changed && back.seed == info.seed && back.name == info.name)
        #expect(back.parameterNames == info.parameterNames && back.metricNames == info.metricNames)
        var plain = info
        plain.model = nil
        #expect(try f.create(plain).info().model == nil)
    }

    static func roundTrips(_ f: StorageFactory) throws {
        let s = try f.create(info)
        #expect(try s.trials().isEmpty && s.counts().isEmpty)
        var odd = trial(2, .complete)
        odd.metrics = [-0.0, 1e-300]
        odd.violation = 0.125
        odd.configuration = Configuration([1, .infinity])
        let written = [trial(5, .failed), odd, trial(0, .complete), trial(7, .running), trial(1, .complete, x: 0.1 + 0.2)]
        try s.save(written, intermediate: [:])
        try s.save([])
        let back = try f.open(s, false).trials()
        #expect(back.map(\.number) == [0, 1, 2, 5, 7])
        for t in back { #expect(same(t, written.first { $0.number == t.number }!)) }
        #expect(try s.counts() == [.complete: 3, .failed: 1, .running: 1])
        // Many at once (more than any batching a backend does).
        try s.save((100..<400).map { trial($0, $0 % 5 == 0 ? .failed : .complete) })
        #expect(try s.trials().count == 305)
    }

    static func intermediateReports(_ f: StorageFactory) throws {
        let s = try f.create(info)
        let lines = (0..<12).map { "{\"step\": \($0), \"loss\": \(1.0 / Double($0 + 1))}" }
        try s.save([trial(3, .complete)], intermediate: [3: lines])
        #expect(try s.intermediate(trial: 3) == lines)
        #expect(try s.intermediate(trial: 4).isEmpty)
        try s.save([trial(4, .running)])
        try s.save([trial(4, .complete)], intermediate: [4: ["{\"step\": 1}", "{\"step\": 2}"]])
        // A rerun trial's reports replace the earlier run's, however many there were.
        try s.save([trial(6, .running)], intermediate: [6: lines])
        try s.save([trial(6, .complete)], intermediate: [6: ["{\"step\": 9}"]])
        #expect(try f.open(s, true).intermediate(trial: 6) == ["{\"step\": 9}"])
        #expect(try s.intermediate(trial: 4) == ["{\"step\": 1}", "{\"step\": 2}"])
    }

    static func crashMidTrial(_ f: StorageFactory) throws {
        let first = try f.create(info)
        try first.acquireRunLock()
        try first.save([trial(0, .complete), trial(1, .complete)])
        try first.save([trial(2, .running, started: 5)], intermediate: [2: ["{\"step\": 1}"]])
        // The process dies here: no finish, no release, no close. A later run opens the study.
        let second = try f.open(first, false)
        let seen = try second.trials()
        #expect(seen.map(\.number) == [0, 1, 2] && seen[2].state == .running && seen[2].finishedAt == nil)
        #expect(try second.counts() == [.complete: 2, .running: 1])
        // It reruns trial 2 (start, then finish) and goes on.
        try second.save([trial(2, .running, started: 9)])
        try second.save([trial(2, .complete, started: 9), trial(3, .complete)], intermediate: [2: ["{\"step\": 2}"]])
        let after = try f.open(second, true).trials()
        #expect(after.map(\.number) == [0, 1, 2, 3])
        #expect(same(after[2], trial(2, .complete, started: 9)))
        #expect(try second.counts() == [.complete: 4])
        #expect(try second.intermediate(trial: 2) == ["{\"step\": 2}"])
    }

    static func finishedAreImmutable(_ f: StorageFactory) throws {
        let s = try f.create(info)
        try s.save([trial(0, .complete), trial(1, .failed)])
        for (n, state) in [(0, TrialState.complete), (0, .failed), (0, .running), (1, .complete), (1, .running)] {
            do {
                try s.save([trial(n, state, x: 0.9)])
                Issue.record("saving over finished trial \(n) as \(state) was accepted")
            } catch {
                guard case .finished(_, let number) = error else { Issue.record("wrong error \(error)"); continue }
                #expect(number == n)
                #expect(error.description.contains("trial \(n) is already finished"))
            }
        }
        // Atomic: a save holding one forbidden row writes none of its rows.
        #expect(throws: StudyStorageError.self) { try s.save([trial(5, .complete), trial(0, .complete, x: 0.7)], intermediate: [5: ["{}"]]) }
        let back = try s.trials()
        #expect(back.map(\.number) == [0, 1])
        #expect(same(back[0], trial(0, .complete)) && same(back[1], trial(1, .failed)))
        #expect(try s.intermediate(trial: 5).isEmpty)
    }

    static func settings(_ f: StorageFactory) throws {
        let s = try f.create(info)
        #expect(try s.setting("pipeline") == nil)
        try s.setSetting("pipeline", "4")
        try s.setSetting("other", "ä b\nc")
        try s.setSetting("pipeline", "2")
        let t = try f.open(s, true)
        #expect(try t.setting("pipeline") == "2" && t.setting("other") == "ä b\nc" && t.setting("none") == nil)
        #expect(try t.settings() == ["pipeline": "2", "other": "ä b\nc"])
    }

    static func runLock(_ f: StorageFactory) throws {
        let s = try f.create(info)
        #expect(s.runLockHolder() == nil)
        try s.acquireRunLock()
        let holder = try #require(try f.open(s, true).runLockHolder())
        #expect(holder.contains("\(getpid())"))
        s.heartbeat()
        // The holder may take it again (a resumed run in the same process).
        try s.acquireRunLock()
        s.releaseRunLock()
        #expect(try f.open(s, true).runLockHolder() == nil)
        s.releaseRunLock()
        s.heartbeat()
        #expect(s.runLockHolder() == nil)
    }

    static func concurrentWriters(_ f: StorageFactory) throws {
        let s = try f.create(info)
        let other = try f.open(s, false)
        let handles: [any StudyStorage] = [s, other]
        let perThread = 150, threads = 4
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { k in
            let h = handles[k % 2]
            for i in 0..<perThread {
                let n = i * threads + k
                do {
                    try h.save([trial(n, .running)])
                    try h.save([trial(n, .complete)], intermediate: i % 10 == 0 ? [n: ["{\"step\": \(n)}"]] : [:])
                    if i % 50 == 0 { _ = try h.counts(); try h.setSetting("k\(k)", "\(i)") }
                } catch { failures.add("\(error)") }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let back = try f.open(s, true).trials()
        #expect(back.map(\.number) == Array(0..<(perThread * threads)))
        #expect(back.allSatisfy { $0.state == .complete })
        #expect(try s.counts() == [.complete: perThread * threads])
        #expect(try other.intermediate(trial: 10 * threads + 1) == ["{\"step\": \(10 * threads + 1)}"])
    }

    static func readOnly(_ f: StorageFactory) throws {
        let s = try f.create(info)
        try s.save([trial(0, .complete), trial(1, .running)], intermediate: [0: ["{}"]])
        try s.setSetting("pipeline", "3")
        try s.checkpoint()
        let r = try f.open(s, true)
        #expect(r.isReadOnly)
        #expect(try r.info() == info && r.trials().count == 2 && r.intermediate(trial: 0) == ["{}"] && r.setting("pipeline") == "3")
        #expect(try r.counts() == [.complete: 1, .running: 1])
        func refused(_ what: String, _ body: () throws -> Void) {
            do {
                try body()
                Issue.record("\(what) was accepted on a read-only handle")
            } catch {
                if case .readOnly? = error as? StudyStorageError {} else { Issue.record("\(what): wrong error \(error)") }
            }
        }
        refused("save") { try r.save([trial(2, .complete)]) }
        refused("setSetting") { try r.setSetting("x", "y") }
        refused("setTrialBudget") { try r.setTrialBudget(99) }
        refused("setModel") { try r.setModel(model) }
        refused("acquireRunLock") { try r.acquireRunLock() }
        r.heartbeat()
        r.releaseRunLock()
        try r.checkpoint()
        try r.close()
        #expect(try s.trials().count == 2 && s.info().trials == 10 && s.setting("x") == nil)
    }

    static func checkpointAndClose(_ f: StorageFactory) throws {
        let s = try f.create(info)
        try s.save((0..<50).map { trial($0, .complete) })
        try s.checkpoint()
        try s.save([trial(50, .failed)])
        let reader = try f.open(s, true)
        try s.close()
        #expect(try reader.trials().count == 51)
        try reader.close()
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
