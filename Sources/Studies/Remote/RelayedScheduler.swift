import Foundation
import Hyperfront

/// The scheduler a worker's trials report to under early stopping: each report is stored in
/// the study (`ReportRelayStorage.relay`) and the trial waits for the coordinator's scheduler
/// to answer it (`ReportRelay`), as a trial of the coordinator's own threads waits inside its
/// scheduler. So the stopping decisions, the reports a pruned trial keeps and the values it
/// ends with are those of a run in one process.
///
/// A report is keyed by the trial's claim (`QueuedTrial.attempts`) and its place among that
/// claim's reports: a trial taken over from a worker that died reports again from the start,
/// and the coordinator answers what it answered before.
final class RelayedScheduler: TrialScheduler, @unchecked Sendable {
    private let open: @Sendable () throws(StudyStorageError) -> any TrialQueueStorage
    private let signals: (any QueueSignals)?
    private let shouldStop: @Sendable () -> Bool
    private let lock = NSLock()
    /// Handles not in use (one per trial reporting at once).
    private var idle: [any ReportRelayStorage] = []
    /// Per trial being run here: its claim and the place of its next report.
    private var trials: [Int: (attempt: Int, next: Int)] = [:]

    init(open: @escaping @Sendable () throws(StudyStorageError) -> any TrialQueueStorage, signals: (any QueueSignals)?,
         shouldStop: @escaping @Sendable () -> Bool) {
        self.open = open
        self.signals = signals
        self.shouldStop = shouldStop
    }

    /// Trial `trial` starts here under claim `attempt`.
    func begin(trial: Int, attempt: Int) {
        lock.lock(); trials[trial] = (attempt, 0); lock.unlock()
    }

    /// Trial `trial` ended here.
    func end(trial: Int) {
        lock.lock(); trials[trial] = nil; lock.unlock()
    }

    func report(trial: Int, step: Int, metrics: [String: Double]) -> TrialDecision {
        lock.lock()
        guard let (attempt, seq) = trials[trial] else { lock.unlock(); return .continue }
        trials[trial] = (attempt, seq + 1)
        let reused = idle.popLast()
        lock.unlock()
        guard let store = reused ?? handle() else { return .continue }
        defer { lock.lock(); idle.append(store); lock.unlock() }
        let key = RelayedReport.Key(trial: trial, attempt: attempt, seq: seq)
        // Sent again while the database is out of reach (a report stored twice is kept once).
        while (try? store.relay(RelayedReport(key: key, step: step, metrics: metrics))) == nil {
            if shouldStop() { return .continue }
            Thread.sleep(forTimeInterval: 1)
        }
        var pause = 0.0005
        while true {
            let seen = signals?.count(.decisions) ?? 0
            if let d = try? store.decision(key) { return d }
            // Stopped (Ctrl-C): the evaluator is interrupted and the trial handed back.
            if shouldStop() { return .continue }
            if let signals {
                signals.wait(.decisions, after: seen, timeout: 0.25)
            } else {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.01)
            }
        }
    }

    /// A new handle on the study, tried again every second while it cannot be opened; nil
    /// when the worker stops meanwhile.
    private func handle() -> (any ReportRelayStorage)? {
        while true {
            if let s = try? open() as? any ReportRelayStorage { return s }
            if shouldStop() { return nil }
            Thread.sleep(forTimeInterval: 1)
        }
    }

    /// Closes the handles.
    func close() {
        lock.lock()
        let all = idle
        idle = []
        lock.unlock()
        for s in all { try? s.close() }
    }
}
