import Hyperfront
import IntegerPrograms

extension TrialNumbering {
    /// Readies a freshly asked batch: queued known configurations take the first places (see
    /// `EnqueuedBatch`); then, with a repair, the study's first batch continues with the
    /// repair's seeding configurations and every proposal is made to fit the budgets known
    /// before training, never into a configuration already numbered or repaired earlier in
    /// this batch (a known configuration is repaired only when its batch says so and it does
    /// not fit). The one step `StudyRunner.run` and `AskReplay` share, so both propose the
    /// same trials. A repair stopped by its cancellation (an interrupt) throws `.interrupted`.
    func prepare(_ proposals: inout [Proposal], queue: inout EnqueueQueue, repair: (any ProposalRepair)?,
                 using rng: inout RandomSource) throws(StudyRunner.RunError) {
        let known = queue.take(proposals.count, numbered: next)
        guard let repair else {
            for (i, k) in known.enumerated() { proposals[i].configuration = k.configuration }
            return
        }
        do {
            if next == 0 {
                let seeds = try repair.initialConfigurations(using: &rng)
                for (i, c) in seeds.prefix(proposals.count - known.count).enumerated() { proposals[known.count + i].configuration = c }
            }
            var repaired = Set<Configuration>()
            for i in proposals.indices {
                if i < known.count {
                    var c = known[i].configuration
                    if known[i].repair && !repair.admits(c) {
                        c = try repair.repair(c, isKnown: { isKnown($0) || repaired.contains($0) }, using: &rng)
                    }
                    proposals[i].configuration = c
                } else {
                    proposals[i].configuration = try repair.repair(proposals[i].configuration,
                                                                   isKnown: { isKnown($0) || repaired.contains($0) }, using: &rng)
                }
                repaired.insert(proposals[i].configuration)
            }
        } catch {
            if let e = error as? BudgetModelError, e == .cancelled { throw .interrupted }
            throw .repair("\(error)")
        }
    }
}
