import Foundation
import Hyperfront

/// The coordinator's side of early stopping on a shared queue: a thread (sharing the run's
/// handle on the study, whose calls are serialised) that reads the reports
/// workers stored (`ReportRelayStorage`), hands each to the run's scheduler exactly once, in
/// order per trial, and stores the answers for the waiting workers (see `RelayedScheduler`).
///
/// **Determinism.** The scheduler gets the reports it would get from the coordinator's own
/// threads: per trial in the order the trial sent them, each on a thread of its own, so a
/// decision that waits for lower-numbered trials (`TrialScheduler`) blocks only that trial.
/// Only trials the run queued (`admit`) are fed, after the trials before them were restored,
/// so nothing depends on which worker is faster.
///
/// **Take-overs and restarts.** Decisions are remembered per trial by the report's place: a
/// trial that runs again (its worker died) gets the same answers for the reports it sends
/// again. A coordinator that starts while a worker waits (it was resumed) first feeds that
/// claim's earlier reports, which a scheduler of the killed coordinator had answered.
final class ReportRelay: @unchecked Sendable {
    private let store: any ReportRelayStorage
    private let scheduler: any TrialScheduler
    private let signals: (any QueueSignals)?
    private let lock = NSLock()
    private var admitted = Set<Int>()
    /// Per trial: reports handed to the scheduler so far, and its answers (in report order).
    private var fed: [Int: (submitted: Int, decisions: [TrialDecision])] = [:]
    /// Answers made and not yet stored.
    private var outbox: [(RelayedReport.Key, TrialDecision)] = []
    private var feeding = 0
    private let stopped = StopFlag()
    private let finished = DispatchGroup()

    init(store: any ReportRelayStorage, scheduler: any TrialScheduler) {
        self.store = store
        self.scheduler = scheduler
        self.signals = store.signals()
        finished.enter()
        let thread = Thread { [self] in
            loop()
            finished.leave()
        }
        thread.start()
    }

    /// Trials `numbers` were queued by this run: their reports are answered from now on.
    func admit(_ numbers: [Int]) {
        lock.lock(); admitted.formUnion(numbers); lock.unlock()
    }

    /// Trial `number` ended (its result was taken back): the scheduler is told.
    func ended(_ number: Int) {
        lock.lock()
        admitted.remove(number)
        fed[number] = nil
        lock.unlock()
        scheduler.trialEnded(number)
    }

    /// Stops the thread (reports still unanswered stay for a resumed run). The store is the
    /// run's, which closes it.
    func stop() {
        if stopped.isSet { return }
        stopped.set()
        finished.wait()
        signals?.close()
    }

    private func loop() {
        var seen = -1
        var lastLook = Date.distantPast
        while !stopped.isSet {
            let heard = signals?.count(.reports) ?? 0
            // Look at the stored reports when one was announced, after answers were stored
            // (a claim waiting on an answer given to another claim), or every 50 ms.
            if heard != seen || Date().timeIntervalSince(lastLook) > 0.05 {
                seen = heard
                lastLook = Date()
                if let rows = try? store.undecidedReports() { answer(rows) }
            }
            lock.lock()
            let out = outbox
            outbox = []
            let busy = feeding > 0
            lock.unlock()
            if !out.isEmpty {
                if (try? store.decide(out)) == nil {
                    lock.lock(); outbox = out + outbox; lock.unlock()
                    Thread.sleep(forTimeInterval: 0.5)
                }
                lastLook = .distantPast
                continue
            }
            // Answers come from feeding threads (no notification): look at them often then.
            let pause = busy ? 0.002 : 0.05
            if let signals { signals.wait(.reports, after: seen, timeout: pause) } else { Thread.sleep(forTimeInterval: min(pause, 0.005)) }
        }
    }

    /// Answers what is known, and starts feeding the scheduler what is new.
    private func answer(_ rows: [RelayedReport]) {
        var known: [(RelayedReport.Key, TrialDecision)] = []
        var start: [(first: RelayedReport, from: Int)] = []
        lock.lock()
        for r in rows where admitted.contains(r.key.trial) {
            let f = fed[r.key.trial] ?? (0, [])
            if r.key.seq < f.decisions.count { known.append((r.key, f.decisions[r.key.seq])) }
            else if r.key.seq >= f.submitted && !start.contains(where: { $0.first.key.trial == r.key.trial }) {
                start.append((r, f.submitted))
            }
        }
        lock.unlock()
        if !known.isEmpty { lock.lock(); outbox += known; lock.unlock() }
        for (row, from) in start {
            var batch = [row]
            // Reports before this one that the scheduler has not seen (answered by a coordinator
            // before a restart): fed first, in order.
            if row.key.seq > from {
                guard let earlier = try? store.relayedReports(trial: row.key.trial, attempt: row.key.attempt, from: from),
                      earlier.count == row.key.seq - from + 1 else { continue }
                batch = earlier
            }
            feed(batch)
        }
    }

    /// Hands `batch` (consecutive reports of one claim) to the scheduler on a thread of its own.
    private func feed(_ batch: [RelayedReport]) {
        let trial = batch[0].key.trial
        lock.lock()
        var f = fed[trial] ?? (0, [])
        f.submitted += batch.count
        fed[trial] = f
        feeding += 1
        lock.unlock()
        let thread = Thread { [self] in
            for r in batch {
                lock.lock()
                let stoppedBefore = fed[trial]?.decisions.contains(.stop) ?? false
                lock.unlock()
                // After a stop the trial's channel passes nothing more to its scheduler.
                let d = stoppedBefore ? .stop : scheduler.report(trial: trial, step: r.step, metrics: r.metrics)
                lock.lock()
                if fed[trial] != nil { fed[trial]!.decisions.append(d) }
                outbox.append((r.key, d))
                lock.unlock()
            }
            lock.lock(); feeding -= 1; lock.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
