import Foundation
import Testing
import Hyperfront
@testable import PostgresStore

/// The study's work queue (`TrialQueueStorage`) in PostgreSQL against the test server: claims
/// are atomic under concurrent workers, a stale claim is taken over, finishing is once only, and
/// queueing is idempotent.
@Suite("PostgreSQL work queue", .enabled(if: PostgresTestServer.enabled))
struct PostgresQueueTests {
    static let info = StudyInfo(name: "queue", scenario: "name: queue\n", scenarioPath: "q.yaml", seed: 3, trials: 200,
                                parameterNames: ["x"], metricNames: ["f"], createdAt: 0, model: nil)

    static func queued(_ numbers: Range<Int>) -> [QueuedTrial] {
        numbers.map { QueuedTrial(number: $0, generation: 0, configuration: Configuration([Double($0) / 10])) }
    }

    static func result(_ q: QueuedTrial, _ value: Double) -> Trial {
        Trial(number: q.number, generation: q.generation, configuration: q.configuration, state: .complete, metrics: [value],
              violation: 0, startedAt: 1, finishedAt: 2, failure: nil)
    }

    @Test("4 threads with a handle each claim 200 trials: each exactly once, stored as running, then finished and taken back once")
    func concurrentClaims() throws {
        guard let location = PostgresTestServer.fresh("queue") else { return }
        let store = try PostgresStudyStore.create(location, info: Self.info)
        #expect(try store.enqueue(Self.queued(0..<200)) == [])
        #expect(try store.queueCounts() == (waiting: 200, claimed: 0))
        let lock = NSLock()
        nonisolated(unsafe) var claimed: [Int] = []
        nonisolated(unsafe) var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            do {
                let mine = try PostgresStudyStore.open(location)
                while let q = try mine.claim(worker: "w\(w)", limit: 1, staleAfter: 3600, startedAt: 1).first {
                    lock.lock(); claimed.append(q.number); lock.unlock()
                    #expect(q.attempts == 1)
                    #expect(try mine.finish(Self.result(q, Double(q.number)), intermediate: []))
                }
                try mine.close()
            } catch { lock.lock(); failures.append("\(error)"); lock.unlock() }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(claimed.sorted() == Array(0..<200), "claimed \(claimed.count), distinct \(Set(claimed).count)")
        let taken = try store.takeFinished()
        #expect(taken.map(\.number) == Array(0..<200) && taken.allSatisfy { $0.state == .complete && $0.metrics == [Double($0.number)] })
        #expect(try store.takeFinished().isEmpty)
        // Queueing again what is finished queues nothing and says so.
        #expect(try store.enqueue(Self.queued(195..<205)) == Array(195..<200))
        #expect(try store.queueCounts() == (waiting: 5, claimed: 0))
        try store.clearQueue()
        #expect(try store.queueCounts() == (waiting: 0, claimed: 0))
        try store.close()
    }

    @Test("a claim whose heartbeat is stale is taken over; the first worker's late result is dropped; a released trial is claimable at once")
    func staleClaimsAreTakenOver() throws {
        guard let location = PostgresTestServer.fresh("stale") else { return }
        let store = try PostgresStudyStore.create(location, info: Self.info)
        _ = try store.enqueue(Self.queued(0..<2))
        let first = try #require(try store.claim(worker: "a", limit: 1, staleAfter: 30, startedAt: 1).first)
        #expect(first.number == 0)
        #expect(try store.trials().first { $0.number == 0 }?.state == .running)
        // Fresh: another worker gets trial 1, not trial 0.
        #expect(try store.claim(worker: "b", limit: 5, staleAfter: 30, startedAt: 1).map(\.number) == [1])
        #expect(try store.claim(worker: "b", limit: 5, staleAfter: 30, startedAt: 1).isEmpty)
        // Stale (older than 0.2 s without a heartbeat): taken over, a second attempt.
        Thread.sleep(forTimeInterval: 0.3)
        try store.heartbeat(worker: "b", numbers: [1])
        let again = try store.claim(worker: "c", limit: 5, staleAfter: 0.2, startedAt: 1)
        #expect(again.map(\.number) == [0] && again.first?.attempts == 2)
        #expect(try store.finish(Self.result(again[0], 7), intermediate: []))
        #expect(try store.finish(Self.result(first, 8), intermediate: []) == false)
        #expect(try store.trials().first { $0.number == 0 }?.metrics == [7])
        // Handed back: claimable at once by anyone.
        try store.release(worker: "b", numbers: [1])
        #expect(try store.claim(worker: "d", limit: 1, staleAfter: 30, startedAt: 1).map(\.number) == [1])
        try store.close()
    }
}
