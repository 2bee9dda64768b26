import Foundation
import Hyperfront
import Store

/// Runs a study: asks the sampler for proposals, repairs them, evaluates them, stores every
/// trial and tells the sampler — the loop a library user would otherwise write.
///
/// Determinism: one `RandomSource` seeded with the study seed drives the sampler and repair;
/// each trial's evaluator seed is derived from the study seed and the trial number. Results
/// are told to the sampler in trial-number order, so the trials do not depend on which worker
/// finishes first.
///
/// Resume: the run is replayed from the seed; a proposal whose trial is already finished in
/// the study file is not evaluated again (its stored result is used), so a resumed study
/// continues exactly where it stopped. Trials left `running` are run again.
public final class StudyRunner {
    public let scenario: Scenario
    public let store: StudyStore
    public let evaluator: any Evaluator
    public var sampler: any Sampler
    public let repair: (any ProposalRepair)?
    public let trials: Int
    public let seed: UInt64
    public let workers: Int

    /// How often finished trials are committed when trials finish quickly (seconds).
    public var commitInterval = 0.25

    private let execution: TrialExecution

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
        self.execution = TrialExecution(evaluator: evaluator, scenario: scenario, seed: seed)
    }

    /// Progress of a run, reported after every finished trial.
    public struct Progress: Sendable {
        public var finished: Int
        public var total: Int
        public var failed: Int
        public var running: Int
        public var reused: Int
        public var lastTrial: Trial?
    }

    public struct Summary: Sendable {
        public var finished: Int
        public var failed: Int
        /// Trials found in the study file and not run again.
        public var reused: Int
        public var stoppedEarly: String?
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

    /// Runs until the trial budget is spent, the sampler is exhausted, or `shouldStop` says so.
    public func run(progress: (Progress) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }) throws(RunError) -> Summary {
        let existing: [Int: Trial]
        do {
            var map: [Int: Trial] = [:]
            for t in try store.trials() where t.state != .running { map[t.number] = t }
            existing = map
        } catch { throw .store(error) }

        var rng = RandomSource(seed: seed)
        var observed = [Configuration: Observation](minimumCapacity: trials)
        var number = 0
        var finished = 0, failed = 0, reused = 0
        var idleBatches = 0
        var stoppedEarly: String? = nil
        var pending: [Trial] = []
        var pendingIntermediate: [Int: [String]] = [:]
        var lastCommit = Date().timeIntervalSince1970

        func flush() throws(RunError) {
            do { try store.save(pending, intermediate: pendingIntermediate) } catch { throw .store(error) }
            pending.removeAll(keepingCapacity: true)
            pendingIntermediate.removeAll()
            lastCommit = Date().timeIntervalSince1970
        }

        while number < trials {
            if shouldStop() { stoppedEarly = "stopped"; break }
            var proposals = sampler.ask(limit: trials - number, isKnown: { observed[$0] != nil }, using: &rng)
            if proposals.isEmpty { stoppedEarly = "the sampler has nothing more to propose (the search space is exhausted)"; break }
            if let repair {
                var repaired = Set<Configuration>()
                for i in proposals.indices {
                    do {
                        proposals[i].configuration = try repair.repair(proposals[i].configuration,
                                                                       isKnown: { observed[$0] != nil || repaired.contains($0) }, using: &rng)
                    } catch { throw .repair("\(error)") }
                    repaired.insert(proposals[i].configuration)
                }
            }
            // Assign trial numbers to new configurations. `source[i]` is the job that answers
            // proposal i; -1 when an earlier trial already did (a repeat is never run again).
            var jobs: [(index: Int, number: Int)] = []
            var source = [Int](repeating: -1, count: proposals.count)
            var firstJob = [Configuration: Int](minimumCapacity: proposals.count)
            for (i, p) in proposals.enumerated() where observed[p.configuration] == nil {
                if let k = firstJob[p.configuration] { source[i] = k; continue }
                guard number + jobs.count < trials else { continue }
                firstJob[p.configuration] = jobs.count
                source[i] = jobs.count
                jobs.append((i, number + jobs.count))
            }
            idleBatches = jobs.isEmpty ? idleBatches + 1 : 0
            if idleBatches >= 3 { stoppedEarly = "every new proposal repeats an evaluated configuration (the search space is exhausted)"; break }

            var results = [Trial?](repeating: nil, count: jobs.count)
            var toRun: [Int] = []
            for (k, job) in jobs.enumerated() {
                if let t = existing[job.number] {
                    guard t.configuration == proposals[job.index].configuration else { throw .replayMismatch(job.number) }
                    results[k] = t
                    reused += 1
                } else {
                    toRun.append(k)
                }
            }

            if workers == 1 || toRun.count <= 1 {
                for k in toRun {
                    if shouldStop() { break }
                    let job = jobs[k]
                    let (trial, lines) = execution.run(proposals[job.index], number: job.number)
                    results[k] = trial
                    pending.append(trial)
                    if !lines.isEmpty { pendingIntermediate[trial.number] = lines }
                    finished += 1
                    if trial.state == .failed { failed += 1 }
                    progress(Progress(finished: finished, total: trials - reused, failed: failed, running: 0, reused: reused, lastTrial: trial))
                    if Date().timeIntervalSince1970 - lastCommit > commitInterval { try flush() }
                }
            } else {
                let queue = WorkQueue(count: toRun.count)
                let box = ResultBox(count: toRun.count)
                let execution = self.execution
                let props = toRun.map { proposals[jobs[$0].index] }, numbers = toRun.map { jobs[$0].number }
                for _ in 0..<min(workers, toRun.count) {
                    let thread = Thread {
                        while let i = queue.take(), !shouldStop() {
                            let r = execution.run(props[i], number: numbers[i])
                            box.put(i, r)
                        }
                        box.workerDone()
                    }
                    thread.stackSize = 8 << 20
                    thread.start()
                }
                var outstanding = toRun.count
                while outstanding > 0 {
                    guard let (i, r) = box.next(workersLeft: min(workers, toRun.count)) else { break }
                    outstanding -= 1
                    results[toRun[i]] = r.0
                    pending.append(r.0)
                    if !r.1.isEmpty { pendingIntermediate[r.0.number] = r.1 }
                    finished += 1
                    if r.0.state == .failed { failed += 1 }
                    progress(Progress(finished: finished, total: trials - reused, failed: failed,
                                      running: max(0, outstanding - box.queued), reused: reused, lastTrial: r.0))
                    if Date().timeIntervalSince1970 - lastCommit > commitInterval { try flush() }
                }
            }
            if results.contains(where: { $0 == nil }) {
                // Stopped in the middle of a batch: keep what finished; the rest runs on resume.
                try flush()
                stoppedEarly = "stopped"
                break
            }

            // Tell the sampler about every proposal, in proposal order.
            var observations: [Observation] = []
            observations.reserveCapacity(proposals.count)
            let fresh = results.map { execution.observation($0!) }
            for o in fresh { observed[o.configuration] = o }
            for (i, p) in proposals.enumerated() {
                if var o = source[i] >= 0 ? fresh[source[i]] : observed[p.configuration] {
                    o.generation = p.generation
                    observations.append(o)
                }
            }
            number += jobs.count
            sampler.tell(observations)
        }
        try flush()
        return Summary(finished: finished, failed: failed, reused: reused, stoppedEarly: stoppedEarly)
    }

}

/// Hands out job indices to worker threads.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    init(count: Int) { self.count = count }
    func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Collects results from worker threads for the coordinating thread.
final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [(Int, (Trial, [String]))] = []
    private var done = 0
    private var taken = 0
    private let count: Int
    init(count: Int) { self.count = count }
    var queued: Int { condition.lock(); defer { condition.unlock() }; return ready.count }
    func put(_ i: Int, _ r: (Trial, [String])) {
        condition.lock(); ready.append((i, r)); condition.signal(); condition.unlock()
    }
    func workerDone() {
        condition.lock(); done += 1; condition.signal(); condition.unlock()
    }
    /// The next finished result; nil when every worker has stopped and nothing is left.
    func next(workersLeft: Int) -> (Int, (Trial, [String]))? {
        condition.lock(); defer { condition.unlock() }
        while ready.isEmpty {
            if done >= workersLeft { return nil }
            condition.wait()
        }
        return ready.removeFirst()
    }
}
