import Hyperfront
import Pareto

/// A run's counts and its feasible front as trials come in, and the `Progress` values made
/// from them (the front's hypervolume at most four times a second, and at the end).
struct RunProgress {
    let total: Int
    private(set) var finished = 0
    private(set) var failed = 0
    private(set) var pruned = 0
    /// Trials taken from the study file.
    private(set) var reused = 0
    /// Of those, failed and pruned ones.
    private var reusedFailed = 0, reusedPruned = 0
    private var tracker: FrontTracker
    private var hypervolume: Double? = nil
    private var hypervolumeTime = 0.0
    private var objectives: [Double] = []

    init(total: Int, objectives: Int) {
        self.total = total
        tracker = FrontTracker(dimension: objectives)
    }

    /// A trial this run finished.
    mutating func finished(_ t: Trial, _ execution: TrialExecution) {
        finished += 1
        if t.state == .failed { failed += 1 }
        if t.state == .pruned { pruned += 1 }
        note(t, execution)
    }

    /// A trial taken from the study file.
    mutating func reused(_ t: Trial, _ execution: TrialExecution) {
        reused += 1
        if t.state == .failed { reusedFailed += 1 }
        if t.state == .pruned { reusedPruned += 1 }
        note(t, execution)
    }

    private mutating func note(_ t: Trial, _ execution: TrialExecution) {
        guard t.state == .complete && t.violation == 0 else { return }
        execution.objectives(t, into: &objectives)
        tracker.add(objectives)
    }

    /// The trials this run finished or took from the study file, by state.
    var counts: [TrialState: Int] {
        let failed = failed + reusedFailed, pruned = pruned + reusedPruned
        return [.complete: finished + reused - failed - pruned, .failed: failed, .pruned: pruned]
    }

    /// Progress as of `now`, after `last` (nil: after trials taken from the study file).
    mutating func progress(last: Trial?, running: Int, now: Double) -> StudyRunner.Progress {
        if now - hypervolumeTime > 0.25 || finished + reused >= total { hypervolume = tracker.hypervolume(); hypervolumeTime = now }
        return StudyRunner.Progress(finished: finished, total: total - reused, failed: failed, pruned: pruned, running: running,
                                    reused: reused, lastTrial: last, frontSize: tracker.frontCount, hypervolume: hypervolume)
    }
}
