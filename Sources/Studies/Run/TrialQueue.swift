import Hyperfront

/// Where a run's jobs go and their results come from: threads of this process
/// (`WorkerPool`), or a study's shared queue that workers on any host serve
/// (`RemoteTrialQueue`). The run loop (`StudyRunner`) sees only this, so its deterministic
/// schedule is the same whichever runs the trials.
protocol TrialQueue: AnyObject {
    /// Queues `jobs` (first in, first out).
    func push(_ jobs: [Job]) throws(StudyRunner.RunError)
    /// A finished job's result, waiting up to `timeout` seconds for one.
    func next(timeout: Double) throws(StudyRunner.RunError) -> JobResult?
    /// Stops handing out jobs (running ones finish; queued ones are dropped).
    func close()
    /// Nothing queued, running or unread.
    var isIdle: Bool { get }
    /// Jobs running now.
    var inFlight: Int { get }
}

extension WorkerPool: TrialQueue {}
