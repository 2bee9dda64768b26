import Foundation
import Evaluators
import Hyperfront
import Store

/// Runs a study: asks the sampler for proposals, repairs them, evaluates them on `workers`
/// threads, stores every trial and tells the sampler — the loop a library user would otherwise
/// write.
///
/// **Determinism.** One `RandomSource` seeded with the study seed drives the sampler and the
/// repair; each trial's evaluator seed is derived from the study seed and the trial number.
/// Every call to the sampler (`ask`, `tell`, `withdraw`) happens at a point fixed by the
/// proposals alone: the coordinator waits for exactly the results a step needs, never for
/// "whatever has finished". So the trials of a seed do not depend on which worker finishes
/// first, nor on the number of workers: 1 worker and 8 workers run the same trials.
///
/// **Pipelining (keeping workers busy).** A batch sampler (NSGA-II) proposes a generation and
/// breeds the next one from its results. Waiting for a whole generation idles workers behind
/// its slowest trial. With `pipelineDepth = L > 0` (and a sampler that can `withdraw`), the
/// rule is: the last L proposals of each batch are its *tail*. The next batch is asked for as
/// soon as (1) the head of the current batch (all proposals but the last L) is finished and
/// (2) the tail of the previous batch is finished; then the runner tells the previous batch's
/// tail, tells the current head, withdraws the current tail, and asks. Tail results thus reach
/// the search one generation later (they join the next generation's survival pool instead of
/// this one's, and the parents of the next generation are chosen without them). Meanwhile the
/// L tail trials keep the workers busy. The rule depends only on proposal order, so the same
/// seed gives the same trials with any number of workers; `L = 0` is textbook generational
/// NSGA-II.
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
    public let store: StudyStore
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
    /// Trials per batch whose results may arrive after the next batch is proposed (see above).
    public var pipelineDepth = 0
    /// Commit each trial when it starts and when it finishes.
    public var recordEachTrial: Bool

    private let execution: TrialExecution
    /// The last run's bookkeeping — every trial's result and the number of each configuration —
    /// kept until the runner is released (or runs again) instead of being freed, trial by trial,
    /// when `run` returns: a caller that ends the process next leaves that to the OS.
    private var lastRun: (results: [Trial?], assigned: [Configuration: Int])? = nil

    public init(scenario: Scenario, store: StudyStore, evaluator: any Evaluator, sampler: any Sampler,
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
        self.execution = TrialExecution(evaluator: evaluator, scenario: scenario, seed: seed)
    }

    /// The pipeline depth used when none is given: a quarter of the NSGA-II population for
    /// evaluators whose trials take real time (a built-in trainer or a command), 0 otherwise.
    /// It depends on the scenario only — never on the number of workers.
    public static func defaultPipelineDepth(_ scenario: Scenario) -> Int { StudySetup.defaultPipelineDepth(scenario) }

    /// Progress of a run, reported after every finished trial.
    public struct Progress: Sendable {
        public var finished: Int
        public var total: Int
        public var failed: Int
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
        /// Trials found in the study file and not run again.
        public var reused: Int
        public var stoppedEarly: String?
        /// Seconds the workers spent evaluating (summed over workers) and the run's wall time.
        public var busySeconds: Double
        public var wallSeconds: Double
    }

    public enum RunError: Error, CustomStringConvertible {
        case replayMismatch(Int)
        case store(StudyStore.StoreError)
        case repair(String)

        public var description: String {
            switch self {
            case .replayMismatch(let n):
                return "trial \(n) in the study file differs from what this scenario and seed propose; the study was made by a different version or scenario — start a new study with --study"
            case .store(let e): return e.description
            case .repair(let why): return why
            }
        }
    }

    /// A batch: the proposals of one `ask`, and which trial answers each.
    private struct Batch {
        var proposals: [Proposal]
        /// Proposal i as the sampler made it (before seeds and repair).
        var proposed: [Configuration]
        /// Trial number answering proposal i.
        var numbers: [Int]
        /// Proposals [0, head) are the head; the rest the tail (told one batch later).
        var head: Int
        var headTold = false
        /// Proposals [0, answered) are known to have their results (results never go away, so
        /// checking a batch costs O(1) amortised).
        var answered = 0
    }

    /// Runs until the trial budget is spent, the sampler is exhausted, or `shouldStop` says so.
    public func run(progress: (Progress) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }) throws(RunError) -> Summary {
        let wallStart = Date()
        var existing: [Int: Trial] = [:]
        do { for t in try store.trials() where t.state != .running { existing[t.number] = t } }
        catch { throw .store(error) }

        let pipelined = pipelineDepth > 0 && sampler is any PipelinedSampler
        var rng = RandomSource(seed: seed)
        var assigned = [Configuration: Int](minimumCapacity: min(trials, 1 << 20))
        // Trial numbers are 0..<trials: the result of trial n is results[n].
        var results: [Trial?] = []
        results.reserveCapacity(min(trials, 1 << 20))
        var batches: [Batch] = []
        var number = 0
        var finished = 0, failed = 0, reused = 0
        var idleBatches = 0
        var stoppedEarly: String? = nil
        var exhausted = false
        var pending: [Trial] = []
        var pendingIntermediate: [Int: [String]] = [:]
        var lastCommit = TrialExecution.now()
        var lastHeartbeat = lastCommit
        var tracker = FrontTracker(dimension: scenario.objectives.count)
        var lastHV: Double? = nil
        var lastHVTime = 0.0
        let busy = BusyClock()

        let queue = WorkQueue()
        let execution = self.execution
        let record = recordEachTrial
        let store = self.store
        // Runs a job begun at `startedAt`; the trial's end is the one clock reading it takes.
        let perform: @Sendable (Job, Double) -> JobResult = { job, startedAt in
            var storeError: String? = nil
            if record {
                let start = Trial(number: job.number, generation: job.proposal.generation, configuration: job.proposal.configuration,
                                  state: .running, metrics: [], violation: .nan, startedAt: startedAt, finishedAt: nil, failure: nil)
                do { try store.save([start]) } catch { storeError = "\(error)" }
            }
            let (trial, lines) = execution.run(job.proposal, number: job.number, startedAt: startedAt)
            busy.add((trial.finishedAt ?? startedAt) - startedAt)
            let interrupted = trial.state == .failed && shouldStop()
            if record && !interrupted && storeError == nil {
                do { try store.save([trial], intermediate: lines.isEmpty ? [:] : [trial.number: lines]) } catch { storeError = "\(error)" }
            }
            return JobResult(trial: trial, intermediate: lines, interrupted: interrupted, storeError: storeError)
        }
        // One worker runs jobs inline on this thread — unless the evaluator can be interrupted
        // (a command), so that Ctrl-C reaches a running trial at once instead of after it.
        let inline = workers == 1 && !(evaluator is any InterruptibleEvaluator)
        var threads = 0
        func startWorkers() {
            guard !inline else { return }
            while threads < workers {
                let thread = Thread {
                    while let job = queue.take() { queue.put(perform(job, TrialExecution.now())) }
                }
                thread.stackSize = 8 << 20
                thread.start()
                threads += 1
            }
        }

        // Batched commits (in-process evaluators) are written by a background writer, so the
        // search goes on while SQLite works; `flush(wait: true)` returns once all is committed.
        let writer = BackgroundWriter(store: store)
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

        var objectives: [Double] = []
        func note(_ t: Trial) {
            guard t.state == .complete && t.violation == 0 else { return }
            execution.objectives(t, into: &objectives)
            tracker.add(objectives)
        }

        func report(_ last: Trial?, now: Double = TrialExecution.now()) {
            if now - lastHVTime > 0.25 || finished + reused >= trials { lastHV = tracker.hypervolume(); lastHVTime = now }
            progress(Progress(finished: finished, total: trials - reused, failed: failed, running: queue.inFlight, reused: reused,
                              lastTrial: last, frontSize: tracker.frontCount, hypervolume: lastHV))
        }

        func receive(_ r: JobResult) throws(RunError) {
            if let e = r.storeError { throw .store(.database(store.path, e)) }
            if r.interrupted { return }
            results[r.trial.number] = r.trial
            if !record {
                pending.append(r.trial)
                if !r.intermediate.isEmpty { pendingIntermediate[r.trial.number] = r.intermediate }
            }
            finished += 1
            if r.trial.state == .failed { failed += 1 }
            note(r.trial)
            let now = r.trial.finishedAt ?? TrialExecution.now()
            report(r.trial, now: now)
            if !record && (now - lastCommit > commitInterval || pending.count >= commitBatch) { try flush() }
            if now - lastHeartbeat > 5 { store.heartbeat(); lastHeartbeat = now; inlineClock = nil }
        }

        func observations(_ b: Batch, _ range: Range<Int>) -> [Observation] {
            range.map { i in
                var o = execution.observation(results[b.numbers[i]]!)
                o.generation = b.proposals[i].generation
                o.proposed = b.proposed[i] == o.configuration ? nil : b.proposed[i]
                return o
            }
        }
        /// Whether proposals [0, end) of the first batch have their results (earlier ones were
        /// checked before: each proposal is looked at once).
        func firstAnswered(upTo end: Int) -> Bool {
            var k = batches[0].answered
            while k < end, results[batches[0].numbers[k]] != nil { k += 1 }
            batches[0].answered = k
            return k >= end
        }

        /// Tells the sampler what the fixed rule allows; true when the next batch may be asked for.
        func advance() -> Bool {
            while !batches.isEmpty {
                let newest = batches.count == 1
                let count = batches[0].proposals.count, head = batches[0].head
                if !newest || !pipelined {
                    // A batch that is not the newest (or any batch without pipelining) is told whole.
                    guard firstAnswered(upTo: count) else { return false }
                    let first = batches.removeFirst()
                    sampler.tell(observations(first, (first.headTold ? head : 0)..<count))
                    continue
                }
                if !batches[0].headTold {
                    guard firstAnswered(upTo: head) else { return false }
                    let first = batches[0]
                    let tail = Array(first.proposed[first.head...])
                    sampler.tell(observations(first, 0..<first.head))
                    if var p = sampler as? any PipelinedSampler {
                        sampler = PlaceholderSampler()
                        p.withdraw(tail)
                        sampler = p
                    }
                    batches[0].headTold = true
                }
                return true
            }
            return true
        }

        func askNext() throws(RunError) {
            var proposals = sampler.ask(limit: trials - number, isKnown: { assigned[$0] != nil }, using: &rng)
            if proposals.isEmpty { stoppedEarly = "the sampler has nothing more to propose (the search space is exhausted)"; exhausted = true; return }
            // What the sampler proposed, before seeds and repair changed it.
            let asProposed = proposals.map(\.configuration)
            if let repair {
                do {
                    if number == 0 {
                        let seeds = try repair.initialConfigurations(using: &rng)
                        for (i, c) in seeds.prefix(proposals.count).enumerated() { proposals[i].configuration = c }
                    }
                    var repaired = Set<Configuration>()
                    for i in proposals.indices {
                        proposals[i].configuration = try repair.repair(proposals[i].configuration,
                                                                       isKnown: { assigned[$0] != nil || repaired.contains($0) }, using: &rng)
                        repaired.insert(proposals[i].configuration)
                    }
                } catch { throw .repair("\(error)") }
            }
            // Number the new configurations; a repeat is answered by the trial that has it.
            let firstNumber = number
            var numbers = [Int](repeating: -1, count: proposals.count)
            var jobs: [Job] = []
            var kept: [Proposal] = [], keptProposed: [Configuration] = []
            kept.reserveCapacity(proposals.count)
            for (i, p) in proposals.enumerated() {
                // One hash per proposal: a new configuration is numbered as it is looked up.
                let n = number < trials ? assigned.value(for: p.configuration, insertingIfAbsent: number) : assigned[p.configuration]
                if let n, n != number { numbers[kept.count] = n; kept.append(p); keptProposed.append(asProposed[i]); continue }
                guard number < trials else { continue }
                numbers[kept.count] = number
                kept.append(p)
                keptProposed.append(asProposed[i])
                results.append(nil)   // the slot of trial `number`
                if let t = existing[number] {
                    guard t.configuration == p.configuration else { throw .replayMismatch(number) }
                    results[number] = t
                    reused += 1
                    note(t)
                } else {
                    jobs.append(Job(number: number, proposal: p))
                }
                number += 1
            }
            numbers.removeLast(numbers.count - kept.count)
            idleBatches = number == firstNumber ? idleBatches + 1 : 0
            if idleBatches >= 3 { stoppedEarly = "every new proposal repeats an evaluated configuration (the search space is exhausted)"; exhausted = true }
            let head = pipelined ? max(kept.count - min(pipelineDepth, kept.count / 2), 0) : kept.count
            batches.append(Batch(proposals: kept, proposed: keptProposed, numbers: numbers, head: head))
            if !jobs.isEmpty { queue.push(jobs); startWorkers(); inlineClock = nil }
            if reused > 0 && jobs.isEmpty { report(nil) }
        }

        defer { queue.close() }
        lastRun = nil
        defer { lastRun = (results, assigned) }
        var stopped = false
        // With one worker, jobs run inline back to back: each starts when the previous one
        // ended (one clock reading per trial); nil after an ask, so breeding is not counted.
        var inlineClock: Double? = nil
        do {
            while true {
                if shouldStop() { stopped = true; break }
                while !exhausted && number < trials && advance() {
                    try askNext()
                }
                // Nothing queued, running or unread: every proposal is answered.
                if queue.isIdle { break }
                if inline {
                    guard let job = queue.tryTake() else { continue }
                    let r = perform(job, inlineClock ?? TrialExecution.now())
                    queue.finishInline()
                    inlineClock = r.trial.finishedAt
                    try receive(r)
                } else if let r = queue.nextResult(timeout: 0.1) {
                    try receive(r)
                }
            }
            if stopped {
                stoppedEarly = "stopped"
                queue.close()
                (evaluator as? any InterruptibleEvaluator)?.interrupt()
                while true {
                    if let r = queue.nextResult(timeout: 0.05) { try receive(r) }
                    else if queue.inFlight == 0 {
                        while let r = queue.nextResult(timeout: 0) { try receive(r) }
                        break
                    }
                }
            } else {
                queue.close()
            }
        } catch {
            // A failure mid-run (the study file, a repair): stop the trials in flight and keep
            // every finished trial already handed over before reporting it.
            queue.close()
            (evaluator as? any InterruptibleEvaluator)?.interrupt()
            try? flush(wait: true)
            throw error
        }
        try flush(wait: true)
        return Summary(finished: finished, failed: failed, reused: reused, stoppedEarly: stoppedEarly,
                       busySeconds: busy.total, wallSeconds: Date().timeIntervalSince(wallStart))
    }
}

/// Writes batches of trials to the study file on a serial background queue, in order, and
/// checkpoints the log after each one: the copy into the study file and its disk syncs then
/// overlap with the search (a thread waiting for the disk leaves the CPU to it), and closing
/// the study has almost nothing left to copy.
final class BackgroundWriter: @unchecked Sendable {
    private let store: StudyStore
    private let queue = DispatchQueue(label: "study-writer")
    private let lock = NSLock()
    private var firstError: StudyStore.StoreError?

    init(store: StudyStore) { self.store = store }

    /// The first error a write met (later writes are skipped after it).
    var failure: StudyStore.StoreError? { lock.lock(); defer { lock.unlock() }; return firstError }

    func save(_ trials: [Trial], intermediate: [Int: [String]]) {
        queue.async { [self] in
            if failure != nil { return }
            do throws(StudyStore.StoreError) {
                try store.save(trials, intermediate: intermediate)
                try store.checkpoint()
            } catch {
                lock.lock(); if firstError == nil { firstError = error }; lock.unlock()
            }
        }
    }

    /// Returns once every batch handed over so far is written.
    func wait() { queue.sync {} }
}

/// Seconds spent evaluating, summed over workers.
final class BusyClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 0.0
    var total: Double { lock.lock(); defer { lock.unlock() }; return seconds }
    func add(_ s: Double) { lock.lock(); seconds += s; lock.unlock() }
}
