import Foundation
import Hyperfront

/// A trial to run: its number and proposal.
struct Job: Sendable {
    var number: Int
    var proposal: Proposal
}

/// What a worker hands back for a job.
struct JobResult: Sendable {
    var trial: Trial
    var intermediate: [String]
    /// Stopped by an interrupt: not stored, runs again on resume.
    var interrupted: Bool
    var storeError: String?
}

/// First-in-first-out jobs for the workers, and their results for the coordinator.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var closed = false
    private var results: [JobResult] = []
    private var resultHead = 0
    private(set) var running = 0

    func push(_ new: [Job]) {
        condition.lock()
        if head > 4096 && head * 2 > jobs.count { jobs.removeFirst(head); head = 0 }
        jobs.append(contentsOf: new)
        condition.broadcast()
        condition.unlock()
    }

    /// Stops handing out jobs; waiting workers return nil.
    func close() {
        condition.lock(); closed = true; condition.broadcast(); condition.unlock()
    }

    /// The next job (blocking); nil once closed.
    func take() -> Job? {
        condition.lock(); defer { condition.unlock() }
        while head == jobs.count && !closed { condition.wait() }
        if closed { return nil }
        head += 1
        running += 1
        return jobs[head - 1]
    }

    /// The next job if one is queued (for a single worker running inline).
    func tryTake() -> Job? {
        condition.lock(); defer { condition.unlock() }
        guard head < jobs.count, !closed else { return nil }
        head += 1
        running += 1
        return jobs[head - 1]
    }

    var queued: Int { condition.lock(); defer { condition.unlock() }; return jobs.count - head }
    /// Nothing queued, running or unread.
    var isIdle: Bool {
        condition.lock(); defer { condition.unlock() }
        return head == jobs.count && running == 0 && resultHead == results.count
    }
    var inFlight: Int { condition.lock(); defer { condition.unlock() }; return running }

    /// Marks a job taken with `tryTake` as done without queueing its result (the caller
    /// handles it at once).
    func finishInline() {
        condition.lock(); running -= 1; condition.unlock()
    }

    func put(_ r: JobResult) {
        condition.lock()
        results.append(r)
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// A finished result, waiting up to `timeout` seconds for one.
    func nextResult(timeout: Double) -> JobResult? {
        condition.lock(); defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while resultHead == results.count {
            if !condition.wait(until: deadline) { break }
        }
        guard resultHead < results.count else { return nil }
        let r = results[resultHead]
        resultHead += 1
        if resultHead > 1024 { results.removeFirst(resultHead); resultHead = 0 }
        return r
    }
}
