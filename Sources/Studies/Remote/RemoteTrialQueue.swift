import Foundation
import Hyperfront

/// The coordinator's side of a study's shared queue: jobs become queued rows, results are the
/// rows workers finished, taken back by polling (a pause of 1 ms growing to 5 ms while nothing
/// finishes). Which worker finishes first never matters: the run loop asks for results by
/// trial number through its schedule (see `BatchSchedule`).
final class RemoteTrialQueue: TrialQueue {
    private let store: any TrialQueueStorage
    /// Trials queued and not yet read back finished.
    private var waiting = Set<Int>()
    private var ready: [JobResult] = []
    private var closed = false
    private let local: LocalWorkers?

    init(store: any TrialQueueStorage, settings: SharedQueue, execution: TrialExecution, busy: BusyClock,
         shouldStop: @escaping @Sendable () -> Bool) {
        self.store = store
        local = settings.localWorkers > 0
            ? LocalWorkers(count: settings.localWorkers, settings: settings, execution: execution, busy: busy, shouldStop: shouldStop)
            : nil
    }

    func push(_ jobs: [Job]) throws(StudyRunner.RunError) {
        guard !jobs.isEmpty, !closed else { return }
        let already: Set<Int>
        do {
            // A trial finished since the run read the study (by a worker of an earlier run) is
            // not queued again: its stored result is the answer.
            let queued = jobs.map { QueuedTrial(number: $0.number, generation: $0.proposal.generation, configuration: $0.proposal.configuration) }
            already = Set(try patiently { () throws(StudyStorageError) in try store.enqueue(queued) })
            if !already.isEmpty {
                let done = try patiently { () throws(StudyStorageError) in try store.finished(among: already.sorted()) }
                for t in done { ready.append(JobResult(trial: t, intermediate: [], interrupted: false, storeError: nil)) }
            }
        } catch { throw .store(error) }
        for j in jobs where !already.contains(j.number) { waiting.insert(j.number) }
        local?.start()
    }

    func next(timeout: Double) throws(StudyRunner.RunError) -> JobResult? {
        if !ready.isEmpty { return ready.removeFirst() }
        if closed || waiting.isEmpty { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        var pause = 0.001
        while true {
            let done: [Trial]
            do { done = try patiently { () throws(StudyStorageError) in try store.takeFinished() } } catch { throw .store(error) }
            for t in done where waiting.remove(t.number) != nil {
                ready.append(JobResult(trial: t, intermediate: [], interrupted: false, storeError: nil))
            }
            if !ready.isEmpty { return ready.removeFirst() }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return nil }
            Thread.sleep(forTimeInterval: min(pause, left))
            pause = min(pause * 2, 0.005)
        }
    }

    /// Stops the local worker threads (after their trials); queued trials stay queued for the
    /// workers, and for a resumed run.
    func close() {
        if closed { return }
        closed = true
        local?.stop()
    }

    /// `body` (safe to repeat), tried again a second later while the database fails — beyond
    /// the session's own reconnection, e.g. when a commit's answer was lost — for up to 120 s.
    private func patiently<T>(_ body: () throws(StudyStorageError) -> T) throws(StudyStorageError) -> T {
        let deadline = Date().addingTimeInterval(120)
        while true {
            do { return try body() } catch {
                guard case .database = error, Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    var isIdle: Bool { ready.isEmpty && (closed || waiting.isEmpty) }
    var inFlight: Int { closed ? 0 : waiting.count }
}

/// Worker threads of the coordinator's own process, each with its own handle on the study.
final class LocalWorkers: @unchecked Sendable {
    private let count: Int
    private let settings: SharedQueue
    private let execution: TrialExecution
    private let busy: BusyClock
    private let shouldStop: @Sendable () -> Bool
    private let stopped = StopFlag()
    private let group = DispatchGroup()
    private var started = false
    private var heartbeat: Heartbeat?
    private let running = RunningTrials()
    let name = SharedQueue.workerName()

    init(count: Int, settings: SharedQueue, execution: TrialExecution, busy: BusyClock, shouldStop: @escaping @Sendable () -> Bool) {
        self.count = count
        self.settings = settings
        self.execution = execution
        self.busy = busy
        self.shouldStop = shouldStop
    }

    func start() {
        if started { return }
        started = true
        heartbeat = (try? settings.open()).map { Heartbeat(worker: name, store: $0, running: running) }
        let stopped = self.stopped, shouldStop = self.shouldStop
        for _ in 0..<count {
            guard let store = try? settings.open() else { continue }
            let worker = QueueWorker(store: store, execution: execution, name: name, reclaimAfter: settings.reclaimAfter,
                                     busy: busy, running: running, shouldStop: { stopped.isSet || shouldStop() }, isDone: { stopped.isSet })
            group.enter()
            let thread = Thread { [group] in
                _ = worker.run()
                try? store.close()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Stops the threads and waits for them (a trial running finishes first, unless the run was
    /// interrupted, which stops it).
    func stop() {
        stopped.set()
        if shouldStop() { (execution.evaluator as? any InterruptibleEvaluator)?.interrupt() }
        group.wait()
        heartbeat?.stop()
    }
}
