import Hyperfront

/// Numbers a run's proposals and replays the trials a study file already holds.
///
/// Trial `n` answers the `n`-th distinct configuration proposed (`0 ..< budget`); a proposal
/// that repeats a numbered configuration is answered by that trial, not run again. On resume,
/// a numbered configuration whose trial is already finished in the study file takes the stored
/// result instead of a job — after checking that the stored trial has that very configuration,
/// which holds exactly when the scenario and seed are those the study was made with.
struct TrialNumbering {
    /// The trial budget: numbers are 0 ..< budget.
    let budget: Int
    /// The next trial number.
    private(set) var next = 0
    /// Finished trials found in the study file, by number.
    private let stored: [Int: Trial]
    /// The trial number of each configuration numbered so far.
    private(set) var assigned: [Configuration: Int]
    /// Trial `n`'s result once it is in (`results.count == next`).
    var results: [Trial?] = []

    /// Proposals as numbered: the kept ones (a proposal beyond the budget that is not a repeat
    /// is dropped), the trial answering each, and what must run.
    struct Batch {
        var proposals: [Proposal] = []
        /// Proposal i as the sampler made it (before seeds and repair).
        var proposed: [Configuration] = []
        /// Trial number answering proposal i.
        var numbers: [Int] = []
        /// New trials to evaluate.
        var jobs: [Job] = []
        /// New trials answered by the study file.
        var replayed: [Trial] = []
    }

    init(budget: Int, stored: [Int: Trial]) {
        self.budget = budget
        self.stored = stored
        self.assigned = [Configuration: Int](minimumCapacity: min(budget, 1 << 20))
        results.reserveCapacity(min(budget, 1 << 20))
    }

    /// Whether `configuration` was numbered already.
    func isKnown(_ configuration: Configuration) -> Bool { assigned[configuration] != nil }

    /// Numbers `proposals` (`asProposed[i]`: proposal i before repair).
    mutating func number(_ proposals: [Proposal], asProposed: [Configuration]) throws(StudyRunner.RunError) -> Batch {
        var out = Batch()
        out.proposals.reserveCapacity(proposals.count)
        out.proposed.reserveCapacity(proposals.count)
        out.numbers.reserveCapacity(proposals.count)
        for (i, p) in proposals.enumerated() {
            // One hash per proposal: a new configuration is numbered as it is looked up.
            let n = next < budget ? assigned.value(for: p.configuration, insertingIfAbsent: next) : assigned[p.configuration]
            if let n, n != next {
                out.numbers.append(n); out.proposals.append(p); out.proposed.append(asProposed[i])
                continue
            }
            guard next < budget else { continue }
            out.numbers.append(next); out.proposals.append(p); out.proposed.append(asProposed[i])
            results.append(nil)   // the slot of trial `next`
            if let t = stored[next] {
                guard t.configuration == p.configuration else { throw .replayMismatch(next) }
                results[next] = t
                out.replayed.append(t)
            } else {
                out.jobs.append(Job(number: next, proposal: p))
            }
            next += 1
        }
        return out
    }
}
