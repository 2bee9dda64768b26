/// A trial waiting in a study's shared queue, or claimed from it: what a worker on any host
/// needs to run it (the trial's evaluator seed follows from the study seed and the number).
public struct QueuedTrial: Sendable, Equatable {
    public var number: Int
    public var generation: Int
    public var configuration: Configuration
    /// How many times the trial was claimed (1: the first time; more: taken over from a worker
    /// that stopped answering).
    public var attempts: Int

    public init(number: Int, generation: Int, configuration: Configuration, attempts: Int = 0) {
        self.number = number
        self.generation = generation
        self.configuration = configuration
        self.attempts = attempts
    }
}

/// A study storage that several processes, on several hosts, share as a work queue: the
/// coordinator (`hyperfront run`) queues the trials the sampler proposed, workers
/// (`hyperfront worker`) claim them one at a time, keep a heartbeat while they run them, and
/// store their results. A trial whose worker's heartbeat is older than `staleAfter` seconds is
/// claimed again by another worker. Times are the server's clock, never a host's.
///
/// Rules a conformer keeps:
/// - `claim` is atomic: two workers never hold one trial at once (except after a take-over);
///   the claimed trial is stored as `running` in the same transaction;
/// - `enqueue` is idempotent: a trial already queued, claimed or finished is left as it is;
/// - `finish` stores the result and marks the queue row finished in one transaction (the
///   coordinator takes it from there with `takeFinished`); a trial already finished (by a
///   worker that took it over) is left as it was.
public protocol TrialQueueStorage: StudyStorage {
    /// Queues trials for the workers; returns the numbers of those already finished (they are
    /// not queued).
    func enqueue(_ trials: [QueuedTrial]) throws(StudyStorageError) -> [Int]
    /// Claims up to `limit` trials for `worker` — waiting ones, or claimed ones whose heartbeat
    /// is older than `staleAfter` seconds — lowest numbers first; each is stored as `running`,
    /// begun at `startedAt`.
    func claim(worker: String, limit: Int, staleAfter: Double, startedAt: Double) throws(StudyStorageError) -> [QueuedTrial]
    /// Refreshes the heartbeat of the trials `numbers` that `worker` holds (those it is running:
    /// a claimed trial it lost track of goes stale and is claimed again).
    func heartbeat(worker: String, numbers: [Int]) throws(StudyStorageError)
    /// Stores a claimed trial's result and marks it finished in the queue, in one transaction;
    /// false when the trial was already finished (nothing is stored then).
    func finish(_ trial: Trial, intermediate: [String]) throws(StudyStorageError) -> Bool
    /// `finish`, then `claim(worker:limit:1…)` — in one round trip where the storage can.
    func finish(_ trial: Trial, intermediate: [String], thenClaimFor worker: String, staleAfter: Double,
                startedAt: Double) throws(StudyStorageError) -> (stored: Bool, next: QueuedTrial?)
    /// Hands trials `worker` holds back to the queue (a worker stopping before it ran them).
    func release(worker: String, numbers: [Int]) throws(StudyStorageError)
    /// The trials finished through the queue since the last call, removed from it (for the
    /// study's one coordinator).
    func takeFinished() throws(StudyStorageError) -> [Trial]
    /// The finished trials among `numbers`.
    func finished(among numbers: [Int]) throws(StudyStorageError) -> [Trial]
    /// Trials waiting, and trials claimed by a worker.
    func queueCounts() throws(StudyStorageError) -> (waiting: Int, claimed: Int)
    /// Empties the queue (the study is done).
    func clearQueue() throws(StudyStorageError)
    /// What the queue holds now and which workers answered lately (for `status`).
    func queueSnapshot() throws(StudyStorageError) -> QueueSnapshot
    /// Says `worker` has stopped (it no longer counts as live).
    func signOff(worker: String) throws(StudyStorageError)
    /// Another handle on the same study (one per worker thread).
    func reopen() throws(StudyStorageError) -> any TrialQueueStorage
    /// A listener that wakes this process when others change the queue, or nil (then waiting
    /// processes look again after a pause). Each call makes a new one (its own connection).
    func signals() -> (any QueueSignals)?
}

/// What changed in a study's shared queue.
public enum QueueEvent: Int, Sendable, CaseIterable {
    /// The coordinator queued trials, or a worker handed some back (workers wake).
    case queued
    /// A worker finished a trial (the coordinator wakes).
    case finished
    /// A worker stored an intermediate report (the coordinator's scheduler answers it).
    case reports
    /// The coordinator answered intermediate reports (the workers waiting on them wake).
    case decisions
}

/// Wakes a process waiting on a study's shared queue as soon as another process changes it
/// (PostgreSQL's LISTEN/NOTIFY), instead of making it look again and again. A caller reads
/// `count` before it looks at the queue and waits `after` that count: a change made in between
/// is not missed. Waits are bounded: a lost notification (a lost connection) costs at most the
/// timeout.
public protocol QueueSignals: AnyObject, Sendable {
    /// Notifications of `event` received so far.
    func count(_ event: QueueEvent) -> Int
    /// Returns once more than `seen` notifications of `event` arrived, or after `timeout`
    /// seconds; the count then.
    @discardableResult
    func wait(_ event: QueueEvent, after seen: Int, timeout: Double) -> Int
    /// Stops listening.
    func close()
}

extension TrialQueueStorage {
    public func signals() -> (any QueueSignals)? { nil }
    public func signOff(worker: String) throws(StudyStorageError) {}

    public func finish(_ trial: Trial, intermediate: [String], thenClaimFor worker: String, staleAfter: Double,
                       startedAt: Double) throws(StudyStorageError) -> (stored: Bool, next: QueuedTrial?) {
        let stored = try finish(trial, intermediate: intermediate)
        return (stored, try claim(worker: worker, limit: 1, staleAfter: staleAfter, startedAt: startedAt).first)
    }
}

/// A study's shared queue as it stands: trials waiting, trials claimed (by whom, and how fresh
/// their heartbeat is), results not yet taken back by the coordinator, and the workers whose
/// heartbeat the storage saw lately. Ages are seconds by the storage's clock.
public struct QueueSnapshot: Sendable, Equatable {
    public struct Claim: Sendable, Equatable {
        public var number: Int
        public var worker: String
        public var heartbeatAge: Double
        /// How many times the trial was claimed (more than 1: taken over).
        public var attempts: Int
        public init(number: Int, worker: String, heartbeatAge: Double, attempts: Int) {
            self.number = number
            self.worker = worker
            self.heartbeatAge = heartbeatAge
            self.attempts = attempts
        }
    }

    public struct Worker: Sendable, Equatable {
        /// `host:pid:tag` (see `SharedQueue.workerName`).
        public var name: String
        public var seenAge: Double
        public init(name: String, seenAge: Double) {
            self.name = name
            self.seenAge = seenAge
        }
    }

    public var waiting: Int
    public var claims: [Claim]
    /// Finished by a worker, not yet read back by the coordinator.
    public var untaken: Int
    /// Workers seen, most recent first (including those that stopped answering).
    public var workers: [Worker]

    public init(waiting: Int, claims: [Claim], untaken: Int, workers: [Worker]) {
        self.waiting = waiting
        self.claims = claims
        self.untaken = untaken
        self.workers = workers
    }
}
