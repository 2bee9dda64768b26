import Foundation
import Hyperfront

/// Runs jobs on up to `workers` threads and hands their results back in the order they finish
/// — or, with `inline`, runs them one by one on the caller's thread when it asks for a result.
///
/// Threads start as jobs arrive, never more than `workers` nor more than the jobs handed over
/// so far (a 40-trial study with `--workers 200` starts 40 threads).
final class WorkerPool {
    let workers: Int
    /// Jobs run on the caller's thread, in `next(timeout:)`.
    let inline: Bool
    private let queue = WorkQueue()
    private let worker: TrialWorker
    private var threads = 0
    private var pushed = 0
    /// Inline: when the next job starts — the end of the previous one (one clock reading per
    /// trial); nil after new jobs arrive or a pause, so time spent between jobs is not counted.
    private var inlineClock: Double? = nil

    init(workers: Int, inline: Bool, worker: TrialWorker) {
        self.workers = max(1, workers)
        self.inline = inline
        self.worker = worker
    }

    /// Queues `jobs` (first in, first out).
    func push(_ jobs: [Job]) {
        guard !jobs.isEmpty else { return }
        queue.push(jobs)
        pushed += jobs.count
        inlineClock = nil
        guard !inline else { return }
        let worker = self.worker, queue = self.queue
        while threads < min(workers, pushed) {
            let thread = Thread {
                while let job = queue.take() { queue.put(worker.perform(job, startedAt: TrialExecution.now())) }
            }
            thread.stackSize = 8 << 20
            thread.start()
            threads += 1
        }
    }

    /// A finished job's result: inline, the next queued job run now; otherwise one a thread
    /// finished, waiting up to `timeout` seconds for it.
    func next(timeout: Double) -> JobResult? {
        if inline {
            guard let job = queue.tryTake() else { return nil }
            let r = worker.perform(job, startedAt: inlineClock ?? TrialExecution.now())
            queue.finishInline()
            inlineClock = r.trial.finishedAt
            return r
        }
        return queue.nextResult(timeout: timeout)
    }

    /// Stops handing out jobs (running ones finish; queued ones are dropped).
    func close() { queue.close() }

    /// Nothing queued, running or unread.
    var isIdle: Bool { queue.isIdle }
    /// Jobs running now.
    var inFlight: Int { queue.inFlight }
}
