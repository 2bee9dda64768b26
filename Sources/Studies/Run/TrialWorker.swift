import Foundation
import Hyperfront
import Store

/// What a worker does with one job: record the trial as started (when each trial is recorded),
/// evaluate it, record it as finished, and hand the result back. Safe to use from several
/// threads.
struct TrialWorker: Sendable {
    let execution: TrialExecution
    let store: any StudyStorage
    /// Commit each trial when it starts and when it finishes (out-of-process evaluators).
    let recordEachTrial: Bool
    let busy: BusyClock
    let shouldStop: @Sendable () -> Bool

    /// Runs `job`, begun at `startedAt`; the trial's end is the one clock reading it takes.
    func perform(_ job: Job, startedAt: Double) -> JobResult {
        var storeError: String? = nil
        if recordEachTrial {
            let start = Trial(number: job.number, generation: job.proposal.generation, configuration: job.proposal.configuration,
                              state: .running, metrics: [], violation: .nan, startedAt: startedAt, finishedAt: nil, failure: nil)
            do { try store.save([start]) } catch { storeError = "\(error)" }
        }
        let (trial, lines) = execution.run(job.proposal, number: job.number, startedAt: startedAt)
        busy.add((trial.finishedAt ?? startedAt) - startedAt)
        // A trial stopped by Ctrl-C is not stored: it runs again on resume.
        let interrupted = trial.state == .failed && shouldStop()
        if recordEachTrial && !interrupted && storeError == nil {
            do { try store.save([trial], intermediate: lines.isEmpty ? [:] : [trial.number: lines]) } catch { storeError = "\(error)" }
        }
        execution.scheduler?.trialEnded(trial.number)
        return JobResult(trial: trial, intermediate: lines, interrupted: interrupted, storeError: storeError)
    }
}

/// Seconds spent evaluating, summed over workers.
final class BusyClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 0.0
    var total: Double { lock.lock(); defer { lock.unlock() }; return seconds }
    func add(_ s: Double) { lock.lock(); seconds += s; lock.unlock() }
}

/// A flag set once, read from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
