import Foundation
import Hyperfront

/// One worker thread on a study's shared queue: claim a trial, run it, store its result;
/// when nothing is waiting, wait for the coordinator to queue more (`QueueSignals`, looking
/// again at least every 0.25 s; without a listener, pause 1 ms doubling to 10 ms, 50 ms after
/// 2 s idle, 0.5 s after 10 s), until the study is done or the worker is told to stop. A trial
/// stopped by an interrupt is handed back to the queue, not stored: another worker (or a
/// resumed run) runs it. Under early stopping the trial reports through `relay`.
struct QueueWorker: Sendable {
    let store: any TrialQueueStorage
    let execution: TrialExecution
    /// The worker's name in the queue (its process's; see `SharedQueue.workerName`).
    let name: String
    let reclaimAfter: Double
    let busy: BusyClock
    /// The trials this process runs now (what its heartbeat keeps fresh).
    let running: RunningTrials
    /// The trials' scheduler under early stopping (their reports go to the coordinator).
    let relay: RelayedScheduler?
    let signals: (any QueueSignals)?
    let shouldStop: @Sendable () -> Bool
    /// Whether the study is done (nothing more will be queued).
    let isDone: @Sendable () -> Bool

    /// What a worker did.
    struct Tally: Sendable {
        var finished = 0
        var failed = 0
        /// Trials taken over from a worker that stopped answering.
        var reclaimed = 0
        /// Results dropped because another worker had finished the trial first.
        var superseded = 0
        /// When the first trial started and the last one ended (the worker's active span).
        var first: Double? = nil
        var last: Double? = nil
    }

    /// Runs trials until the study is done or `shouldStop`; throws when the study's database
    /// stays out of reach (see `PostgresSession` for the retries).
    func run() -> Result<Tally, StudyStorageError> {
        var tally = Tally()
        var pause = 0.001, idle = 0.0
        // The trial claimed with the last result (one round trip for both), run next.
        var next: QueuedTrial? = nil
        defer { if let n = next { try? store.release(worker: name, numbers: [n.number]) } }
        while !shouldStop() {
            let seen = signals?.count(.queued) ?? 0
            var claimed: [QueuedTrial] = []
            if let n = next {
                claimed = [n]
                next = nil
            } else {
                switch retrying({ () throws(StudyStorageError) in
                    try store.claim(worker: name, limit: 1, staleAfter: reclaimAfter, startedAt: TrialExecution.now())
                }) {
                case .success(let c): claimed = c
                case .failure(let e): return .failure(e)
                }
            }
            guard let q = claimed.first else {
                if isDone() { break }
                if let signals {
                    signals.wait(.queued, after: seen, timeout: 0.25)
                    continue
                }
                Thread.sleep(forTimeInterval: pause)
                idle += pause
                // Quick to notice the next batch (it often comes within milliseconds), then
                // lighter on the server the longer nothing comes.
                pause = min(pause * 2, idle < 2 ? 0.01 : idle < 10 ? 0.05 : 0.5)
                continue
            }
            pause = 0.001
            idle = 0
            if q.attempts > 1 { tally.reclaimed += 1 }
            running.insert(q.number)
            defer { running.remove(q.number) }
            let start = TrialExecution.now()
            relay?.begin(trial: q.number, attempt: q.attempts)
            defer { relay?.end(trial: q.number) }
            let (trial, lines) = execution.run(Proposal(configuration: q.configuration, generation: q.generation), number: q.number, startedAt: start)
            busy.add((trial.finishedAt ?? start) - start)
            tally.first = tally.first ?? start
            tally.last = trial.finishedAt ?? start
            if trial.state == .failed && shouldStop() {
                try? store.release(worker: name, numbers: [q.number])
                break
            }
            // Stored again after a lost connection: a result committed before the loss is
            // then found finished and left as it is.
            let stopping = shouldStop()
            switch retrying({ () throws(StudyStorageError) -> (stored: Bool, next: QueuedTrial?) in
                if stopping { return (try store.finish(trial, intermediate: lines), nil) }
                return try store.finish(trial, intermediate: lines, thenClaimFor: name, staleAfter: reclaimAfter, startedAt: TrialExecution.now())
            }) {
            case .success(let (stored, claimedNext)):
                if !stored { tally.superseded += 1 } else if trial.state == .failed { tally.failed += 1 } else { tally.finished += 1 }
                next = claimedNext
            case .failure(let e): return .failure(e)
            }
        }
        return .success(tally)
    }

    /// Seconds a worker keeps trying when the database fails (beyond the session's own
    /// reconnection), a second apart.
    static let patience = 120.0

    /// `body`, tried again a second later while it fails, for up to `patience` seconds.
    private func retrying<T>(_ body: () throws(StudyStorageError) -> T) -> Result<T, StudyStorageError> {
        let deadline = Date().addingTimeInterval(Self.patience)
        while true {
            do { return .success(try body()) } catch {
                if Date() >= deadline || shouldStop() { return .failure(error) }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}

/// The trials a worker process runs now, shared by its threads and its heartbeat.
final class RunningTrials: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers = Set<Int>()
    func insert(_ n: Int) { lock.lock(); numbers.insert(n); lock.unlock() }
    func remove(_ n: Int) { lock.lock(); numbers.remove(n); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return numbers.sorted() }
}

/// A worker process's heartbeat: every `SharedQueue.heartbeatInterval` seconds it refreshes the
/// trials the process runs, and reads whether the study is done.
final class Heartbeat: @unchecked Sendable {
    private let timer: DispatchSourceTimer
    private let store: any TrialQueueStorage
    private let done = StopFlag()

    private let name: String
    private let queue = DispatchQueue(label: "queue-heartbeat")

    init(worker: String, store: any TrialQueueStorage, running: RunningTrials) {
        self.store = store
        self.name = worker
        timer = DispatchSource.makeTimerSource(queue: queue)
        let done = self.done
        timer.schedule(deadline: .now() + SharedQueue.heartbeatInterval, repeating: SharedQueue.heartbeatInterval)
        timer.setEventHandler {
            try? store.heartbeat(worker: worker, numbers: running.all)
            if (try? store.setting(SharedQueue.stateKey)) == "done" { done.set() }
        }
        timer.resume()
    }

    /// Whether the study's coordinator said it is done (as of the last heartbeat).
    var studyDone: Bool { done.isSet }

    /// Stops the heartbeat and signs the worker off (it no longer shows as live in `status`).
    func stop() {
        timer.cancel()
        // After a heartbeat in flight, which would list the worker again.
        queue.sync {}
        try? store.signOff(worker: name)
        try? store.close()
    }
}
