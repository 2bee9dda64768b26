import Foundation
import Hyperfront

/// The coordinator's side of a study's shared queue: jobs become queued rows, results are the
/// rows workers finished, taken back when a worker announces one (`QueueSignals`; without a
/// listener, by polling with a pause of 1 ms growing to 5 ms). Which worker finishes first
/// never matters: the run loop asks for results by trial number through its schedule (see
/// `BatchSchedule`). Under early stopping a `ReportRelay` answers the workers' reports with
/// the run's scheduler, and every worker — the coordinator's own threads too — reports
/// through the study (`RelayedScheduler`).
final class RemoteTrialQueue: TrialQueue {
    private let store: any TrialQueueStorage
    /// Trials queued and not yet read back finished.
    private var waiting = Set<Int>()
    private var ready: [JobResult] = []
    private var closed = false
    private let local: LocalWorkers?
    private let signals: (any QueueSignals)?
    /// Answers the workers' reports (a run with a scheduler).
    private let relay: ReportRelay?
    private let scheduler: (any TrialScheduler)?

    init(store: any TrialQueueStorage, settings: SharedQueue, execution: TrialExecution, busy: BusyClock,
         shouldStop: @escaping @Sendable () -> Bool) {
        self.store = store
        signals = store.signals()
        scheduler = execution.scheduler
        var workers = execution
        // A storage without reports (none so far) keeps the scheduler with the coordinator's
        // own threads: `Study` gives such a run no shared queue.
        if let scheduler = execution.scheduler, let reports = store as? any ReportRelayStorage {
            relay = ReportRelay(store: reports, scheduler: scheduler)
            workers.scheduler = nil
        } else {
            relay = nil
        }
        local = settings.localWorkers > 0
            ? LocalWorkers(count: settings.localWorkers, settings: settings, execution: workers, relayed: relay != nil, busy: busy,
                           shouldStop: shouldStop)
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
                for t in done {
                    if let scheduler {
                        // As a trial read back on resume: what the scheduler knew of it, rebuilt.
                        scheduler.restore(trial: t.number, state: t.state, reports: StudyRunner.storedReports(of: t.number, in: store))
                        scheduler.trialEnded(t.number)
                    }
                    ready.append(JobResult(trial: t, intermediate: [], interrupted: false, storeError: nil))
                }
            }
        } catch { throw .store(error) }
        for j in jobs where !already.contains(j.number) { waiting.insert(j.number) }
        relay?.admit(jobs.map(\.number).filter { !already.contains($0) })
        local?.start()
    }

    func next(timeout: Double) throws(StudyRunner.RunError) -> JobResult? {
        if !ready.isEmpty { return ready.removeFirst() }
        if closed || waiting.isEmpty { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        var pause = 0.001
        while true {
            let seen = signals?.count(.finished) ?? 0
            let done: [Trial]
            do { done = try patiently { () throws(StudyStorageError) in try store.takeFinished() } } catch { throw .store(error) }
            for t in done where waiting.remove(t.number) != nil {
                relay?.ended(t.number)
                ready.append(JobResult(trial: t, intermediate: [], interrupted: false, storeError: nil))
            }
            if !ready.isEmpty { return ready.removeFirst() }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return nil }
            if let signals {
                signals.wait(.finished, after: seen, timeout: min(left, 0.05))
            } else {
                Thread.sleep(forTimeInterval: min(pause, left))
                pause = min(pause * 2, 0.005)
            }
        }
    }

    /// Stops the local worker threads (after their trials); queued trials stay queued for the
    /// workers, and for a resumed run.
    func close() {
        if closed { return }
        closed = true
        local?.stop()
        relay?.stop()
        signals?.close()
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
    private var execution: TrialExecution
    private let busy: BusyClock
    private let shouldStop: @Sendable () -> Bool
    /// Whether the trials report through the study (`RelayedScheduler`).
    private let relayed: Bool
    private var scheduler: RelayedScheduler?
    private var signals: (any QueueSignals)?
    private let stopped = StopFlag()
    private let group = DispatchGroup()
    private var started = false
    private var heartbeat: Heartbeat?
    private let running = RunningTrials()
    let name = SharedQueue.workerName()

    init(count: Int, settings: SharedQueue, execution: TrialExecution, relayed: Bool, busy: BusyClock,
         shouldStop: @escaping @Sendable () -> Bool) {
        self.count = count
        self.settings = settings
        self.execution = execution
        self.relayed = relayed
        self.busy = busy
        self.shouldStop = shouldStop
    }

    func start() {
        if started { return }
        started = true
        heartbeat = (try? settings.open()).map { Heartbeat(worker: name, store: $0, running: running) }
        let stopped = self.stopped, shouldStop = self.shouldStop
        let stopping: @Sendable () -> Bool = { stopped.isSet || shouldStop() }
        if let s = try? settings.open() { signals = s.signals(); try? s.close() }
        if relayed {
            let s = RelayedScheduler(open: settings.open, signals: signals, shouldStop: stopping)
            scheduler = s
            execution.scheduler = s
        }
        for _ in 0..<count {
            guard let store = try? settings.open() else { continue }
            let worker = QueueWorker(store: store, execution: execution, name: name, reclaimAfter: settings.reclaimAfter,
                                     busy: busy, running: running, relay: scheduler, signals: signals,
                                     shouldStop: stopping, isDone: { stopped.isSet })
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
        scheduler?.close()
        signals?.close()
    }
}
