import Foundation
import Evaluators
import Hyperfront
import Store

/// Runs a study: asks the sampler for proposals, repairs them, evaluates them on `workers`
/// threads, stores every trial and tells the sampler — the loop a library user would otherwise
/// write (`Study` wraps it with the study file's lifecycle).
///
/// The loop is cut by concern, each part testable on its own:
/// - `BatchSchedule` — the deterministic rule of when to tell, withdraw and ask (pipelining);
/// - `TrialNumbering` — trial numbers, repeats, and the replay of stored trials on resume;
/// - `WorkerPool` + `TrialWorker` — the threads and what each does with a trial;
/// - `BackgroundWriter` — batched commits while the search goes on;
/// - `RunProgress` — counts and the feasible front for progress reports.
///
/// **Determinism.** One `RandomSource` seeded with the study seed drives the sampler and the
/// repair; each trial's evaluator seed is derived from the study seed and the trial number.
/// Every call to the sampler (`ask`, `tell`, `withdraw`) happens at a point fixed by the
/// proposals alone (`BatchSchedule`): the coordinator waits for exactly the results a step
/// needs, never for "whatever has finished". So the trials of a seed do not depend on which
/// worker finishes first, nor on the number of workers: 1 worker and 8 workers run the same
/// trials. With `pipelineDepth = L > 0` the last L proposals of each batch reach the search
/// one batch later (see `BatchSchedule`); `L = 0` is textbook generational NSGA-II.
///
/// **Early stopping.** Each trial reports through its `TrialChannel` to `scheduler`; a trial
/// the scheduler stops is stored as `pruned` with the values it reported last, and the sampler
/// learns it as dominated by every trial that ran to its end (see `TrialScheduler`).
///
/// **Recording.** With `recordEachTrial` (out-of-process evaluators) every trial is committed
/// when it starts (state `running`) and again when it finishes, by the worker that runs it.
/// Otherwise (in-process evaluators that finish in microseconds) finished trials are committed
/// in batches, at most every `commitInterval` seconds.
///
/// **Resume.** The run is replayed from the seed; a proposal whose trial is already finished in
/// the study file is not evaluated again (its stored result is used), so a resumed study
/// continues exactly where it stopped. Trials left `running` (the process was killed) run again
/// under the same number: none is lost, none is duplicated.
public final class StudyRunner {
    public let scenario: Scenario
    public let store: any StudyStorage
    public let evaluator: any Evaluator
    public var sampler: any Sampler
    public let repair: (any ProposalRepair)?
    public let trials: Int
    public let seed: UInt64
    public let workers: Int

    /// How often finished trials are committed when trials finish quickly (seconds)…
    public var commitInterval = 0.25
    /// …or after how many trials, whichever comes first (the background writer then works
    /// while the search goes on).
    public var commitBatch = 4096
    /// Trials per batch whose results may arrive after the next batch is proposed (see
    /// `BatchSchedule`); used only with a `PipelinedSampler`.
    public var pipelineDepth = 0
    /// Commit each trial when it starts and when it finishes.
    public var recordEachTrial: Bool
    /// Answers the trials' intermediate reports; nil: every trial runs to its end.
    public var scheduler: (any TrialScheduler)? = nil
    /// Stop after this many consecutive trials failed with the same reason (0: never; see
    /// `FailureStreak`); trials running then are stopped and stay `running`.
    public var maxFailures = 0
    /// Hand trials to workers through the study's shared queue instead of this process's
    /// threads (a study in PostgreSQL; see `SharedQueue`).
    public var sharedQueue: SharedQueue? = nil
    /// Known configurations evaluated before the sampler's own proposals (see `EnqueuedBatch`).
    public var enqueued: [EnqueuedBatch] = []
    /// Trials of an earlier study, told to the sampler before its first proposal (see `WarmStart`).
    public var warmStart: [Observation] = []

    /// The last run's bookkeeping — every trial's result and the number of each configuration —
    /// kept until the runner is released (or runs again) instead of being freed, trial by trial,
    /// when `run` returns: a caller that ends the process next leaves that to the OS.
    private var lastRun: TrialNumbering? = nil

    public init(scenario: Scenario, store: any StudyStorage, evaluator: any Evaluator, sampler: any Sampler,
                repair: (any ProposalRepair)?, trials: Int, seed: UInt64, workers: Int) {
        self.scenario = scenario
        self.store = store
        self.evaluator = evaluator
        self.sampler = sampler
        self.repair = repair
        self.trials = trials
        self.seed = seed
        self.workers = max(1, workers)
        self.recordEachTrial = evaluator is any InterruptibleEvaluator
    }

    /// Progress of a run, reported after every finished trial.
    public struct Progress: Sendable {
        public var finished: Int
        public var total: Int
        public var failed: Int
        /// Trials the scheduler stopped early.
        public var pruned: Int
        public var running: Int
        public var reused: Int
        public var lastTrial: Trial?
        /// Non-dominated feasible trials so far (this run's and reused ones).
        public var frontSize: Int
        /// Hypervolume of that front (see `FrontTracker` for the reference point).
        public var hypervolume: Double?
    }

    public struct Summary: Sendable {
        public var finished: Int
        public var failed: Int
        public var pruned: Int
        /// Trials found in the study file and not run again.
        public var reused: Int
        public var stoppedEarly: String?
        /// When `maxFailures` consecutive trials failed with the same reason: the last one's
        /// failure text (the reason, then the tail of its stderr).
        public var failedFast: String? = nil
        /// Trials by state: those this run finished or took from the study file (for a
        /// `Study` that resumed, the whole study file's).
        public var counts: [TrialState: Int]
        /// Seconds the workers spent evaluating (summed over workers) and the run's wall time.
        public var busySeconds: Double
        public var wallSeconds: Double
    }

    public enum RunError: Error, CustomStringConvertible {
        case replayMismatch(Int)
        case store(StudyStorageError)
        case repair(String)
        /// The budgets' integer programs were cancelled (an interrupt) while proposals were
        /// repaired; `run` turns it into a stop, callers of the steps see it.
        case interrupted

        public var description: String {
            switch self {
            case .replayMismatch(let n):
                return "trial \(n) in the study file differs from what this scenario and seed propose; the study was made by a different version or scenario — start a new study with --study"
            case .store(let e): return e.description
            case .repair(let why): return why
            case .interrupted: return "interrupted while repairing proposals into the budgets"
            }
        }
    }

    /// Runs until the trial budget is spent, the sampler is exhausted, or `shouldStop` says so.
    public func run(progress: (Progress) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }) throws(RunError) -> Summary {
        let wallStart = Date()
        var stored: [Int: Trial] = [:]
        do { for t in try store.trials() where t.state != .running { stored[t.number] = t } }
        catch { throw .store(error) }

        let pipelined = pipelineDepth > 0 && sampler is any PipelinedSampler
        var schedule = BatchSchedule(depth: pipelined ? pipelineDepth : 0)
        var numbering = TrialNumbering(budget: trials, stored: stored)
        stored = [:]
        // The batches the schedule has open, oldest first; `open[0]` is batch `firstOpen`.
        var open: [TrialNumbering.Batch] = []
        var firstOpen = 0
        var rng = RandomSource(seed: seed)
        var queue = EnqueueQueue(enqueued)
        if !warmStart.isEmpty { sampler.tell(warmStart) }
        var counts = RunProgress(total: trials, objectives: scenario.objectives.count)
        var stoppedEarly: String? = nil
        var exhausted = false
        var idleBatches = 0
        var pending: [Trial] = []
        var pendingIntermediate: [Int: [String]] = [:]
        var lastCommit = TrialExecution.now()
        var streak = FailureStreak(limit: maxFailures)

        let execution = TrialExecution(evaluator: evaluator, scenario: scenario, seed: seed, scheduler: scheduler)
        let queueStore = sharedQueue == nil ? nil : store as? any TrialQueueStorage
        // Workers of a shared queue store every trial themselves.
        let record = recordEachTrial || queueStore != nil
        let busy = BusyClock()
        // Set when the failure streak trips: the trials it interrupts are not stored as failed.
        let failedFast = StopFlag()
        let stopRequested: @Sendable () -> Bool = { failedFast.isSet || shouldStop() }
        // One worker runs jobs inline on this thread — unless the evaluator can be interrupted
        // (a command), so that Ctrl-C reaches a running trial at once instead of after it.
        let pool: any TrialQueue = if let queueStore, let sharedQueue {
            RemoteTrialQueue(store: queueStore, settings: sharedQueue, execution: execution, busy: busy, shouldStop: stopRequested)
        } else {
            WorkerPool(workers: workers, inline: workers == 1 && !(evaluator is any InterruptibleEvaluator),
                       worker: TrialWorker(execution: execution, store: store, recordEachTrial: record, busy: busy, shouldStop: stopRequested))
        }
        let writer = BackgroundWriter(store: store)

        // Batched commits (in-process evaluators) go to the background writer, so the search
        // goes on while SQLite works; `flush(wait: true)` returns once all is committed.
        func flush(wait: Bool = false) throws(RunError) {
            if !pending.isEmpty || !pendingIntermediate.isEmpty {
                writer.save(pending, intermediate: pendingIntermediate)
                pending = []
                pendingIntermediate = [:]
            }
            lastCommit = TrialExecution.now()
            if wait { writer.wait() }
            if let e = writer.failure { throw .store(e) }
        }

        func report(_ last: Trial?, now: Double = TrialExecution.now()) {
            progress(counts.progress(last: last, running: pool.inFlight, now: now))
        }

        func receive(_ r: JobResult) throws(RunError) {
            if let e = r.storeError { throw .store(.database(store.location, e)) }
            if r.interrupted { return }
            numbering.results[r.trial.number] = r.trial
            if !record {
                pending.append(r.trial)
                if !r.intermediate.isEmpty { pendingIntermediate[r.trial.number] = r.intermediate }
            }
            counts.finished(r.trial, execution)
            if streak.note(r.trial) { failedFast.set() }
            let now = r.trial.finishedAt ?? TrialExecution.now()
            report(r.trial, now: now)
            if !record && (now - lastCommit > commitInterval || pending.count >= commitBatch) { try flush() }
        }

        func observations(_ b: TrialNumbering.Batch, _ range: Range<Int>) -> [Observation] {
            range.map { i in
                var o = execution.observation(numbering.results[b.numbers[i]]!)
                o.generation = b.proposals[i].generation
                o.proposed = b.proposed[i] == o.configuration ? nil : b.proposed[i]
                return o
            }
        }

        /// Takes the schedule's steps until it says ask (true) or wait (false).
        func advance() -> Bool {
            while true {
                let step = schedule.next { batch, i in numbering.results[open[batch - firstOpen].numbers[i]] != nil }
                switch step {
                case .tell(let batch, let range, let closes):
                    sampler.tell(observations(open[batch - firstOpen], range))
                    if closes { open.removeFirst(); firstOpen += 1 }
                case .withdraw(let batch, let range):
                    if var p = sampler as? any PipelinedSampler {
                        // The placeholder keeps the sampler's storage uniquely referenced.
                        sampler = PlaceholderSampler()
                        p.withdraw(Array(open[batch - firstOpen].proposed[range]))
                        sampler = p
                    }
                case .ask: return true
                case .wait: return false
                }
            }
        }

        func askNext() throws(RunError) {
            var proposals = sampler.ask(limit: trials - numbering.next, isKnown: { numbering.isKnown($0) }, using: &rng)
            if proposals.isEmpty { stoppedEarly = "the sampler has nothing more to propose (the search space is exhausted)"; exhausted = true; return }
            // What the sampler proposed, before seeds and repair changed it.
            let asProposed = proposals.map(\.configuration)
            try numbering.prepare(&proposals, queue: &queue, repair: repair, using: &rng)
            let firstNumber = numbering.next
            var batch = try numbering.number(proposals, asProposed: asProposed)
            for t in batch.replayed {
                counts.reused(t, execution)
                if let scheduler {
                    scheduler.restore(trial: t.number, state: t.state, reports: Self.storedReports(of: t.number, in: store))
                    scheduler.trialEnded(t.number)
                }
            }
            idleBatches = numbering.next == firstNumber ? idleBatches + 1 : 0
            if idleBatches >= 3 { stoppedEarly = "every new proposal repeats an evaluated configuration (the search space is exhausted)"; exhausted = true }
            schedule.added(count: batch.proposals.count)
            let jobs = batch.jobs
            batch.jobs = []
            batch.replayed = []
            open.append(batch)
            try pool.push(jobs)
            if counts.reused > 0 && jobs.isEmpty { report(nil) }
        }

        defer { pool.close() }
        lastRun = nil
        defer { lastRun = numbering }
        var stopped = false
        do {
            while true {
                if shouldStop() || streak.tripped != nil { stopped = true; break }
                var interrupted = false
                while !exhausted && numbering.next < trials && advance() {
                    // Ctrl-C during the seeding solves or a repair: stop like any interrupt.
                    do throws(RunError) { try askNext() } catch .interrupted { interrupted = true; break }
                }
                if interrupted { stopped = true; break }
                // Nothing queued, running or unread: every proposal is answered.
                if pool.isIdle { break }
                if let r = try pool.next(timeout: 0.1) { try receive(r) }
            }
            pool.close()
            if stopped {
                stoppedEarly = streak.tripped == nil ? "stopped"
                    : "\(streak.count) trials in a row failed with the same reason (\(streak.reason ?? "")); the run stops after \(maxFailures)"
                (evaluator as? any InterruptibleEvaluator)?.interrupt()
                while true {
                    if let r = try pool.next(timeout: 0.05) { try receive(r) }
                    else if pool.inFlight == 0 {
                        while let r = try pool.next(timeout: 0) { try receive(r) }
                        break
                    }
                }
            }
        } catch {
            // A failure mid-run (the study file, a repair): stop the trials in flight and keep
            // every finished trial already handed over before reporting it.
            pool.close()
            (evaluator as? any InterruptibleEvaluator)?.interrupt()
            try? flush(wait: true)
            throw error
        }
        try flush(wait: true)
        return Summary(finished: counts.finished, failed: counts.failed, pruned: counts.pruned, reused: counts.reused,
                       stoppedEarly: stoppedEarly, failedFast: streak.tripped, counts: counts.counts, busySeconds: busy.total, wallSeconds: Date().timeIntervalSince(wallStart))
    }
}

/// Holds the sampler's place while the real one is being mutated through a cast (avoids a
/// copy-on-write of its storage).
struct PlaceholderSampler: Sampler {
    mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] { [] }
    mutating func tell(_ observations: [Observation]) {}
}
