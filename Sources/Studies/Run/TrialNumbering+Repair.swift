import Hyperfront
import IntegerPrograms

extension TrialNumbering {
    /// Makes a freshly asked batch fit the budgets known before training: the study's first
    /// batch starts with the repair's seeding configurations, then every proposal is repaired,
    /// never into a configuration already numbered or repaired earlier in this batch. The one
    /// step `StudyRunner.run` and `AskReplay` share, so both propose the same trials. A repair
    /// stopped by its cancellation (an interrupt) throws `.interrupted`.
    func repair(_ proposals: inout [Proposal], with repair: any ProposalRepair, using rng: inout RandomSource) throws(StudyRunner.RunError) {
        do {
            if next == 0 {
                let seeds = try repair.initialConfigurations(using: &rng)
                for (i, c) in seeds.prefix(proposals.count).enumerated() { proposals[i].configuration = c }
            }
            var repaired = Set<Configuration>()
            for i in proposals.indices {
                proposals[i].configuration = try repair.repair(proposals[i].configuration,
                                                               isKnown: { isKnown($0) || repaired.contains($0) }, using: &rng)
                repaired.insert(proposals[i].configuration)
            }
        } catch {
            if let e = error as? BudgetModelError, e == .cancelled { throw .interrupted }
            throw .repair("\(error)")
        }
    }
}
