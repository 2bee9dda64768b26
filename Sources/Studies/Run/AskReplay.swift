import Hyperfront

/// What `Study.ask` hands out: the study replayed from its seed and its finished trials, in
/// number order, exactly as `StudyRunner` would run it — the same `BatchSchedule` steps, the
/// same sampler calls, the same repair — up to the point where the schedule waits for results.
/// The trials proposed by then that have no result are the outstanding ones, in number order.
///
/// The sampler's state is thus never stored: every process that asks rebuilds it from the study
/// file, and because the schedule looks only at *which* results are in (never at when they came),
/// any order of tells gives the trials `hyperfront run` gives with the same seed. With strict
/// generations (pipeline depth 0) a generation is handed out only once the previous one is told
/// whole; with depth L, once its head is told (see `BatchSchedule`).
struct AskReplay {
    /// The outstanding trials, and why nothing more can be proposed (nil: the budget is left).
    struct Outcome {
        var jobs: [Job]
        var exhausted: String?
    }

    /// - Complexity: O(trials) sampler work: the whole study is replayed.
    static func outstanding(scenario: Scenario, sampler: any Sampler, repair: (any ProposalRepair)?, trials: Int, seed: UInt64,
                            pipelineDepth: Int, finished: [Int: Trial],
                            enqueued: [EnqueuedBatch] = [], warmStart: [Observation] = []) throws(StudyRunner.RunError) -> Outcome {
        var sampler = sampler
        if !warmStart.isEmpty { sampler.tell(warmStart) }
        let pipelined = pipelineDepth > 0 && sampler is any PipelinedSampler
        var schedule = BatchSchedule(depth: pipelined ? pipelineDepth : 0)
        var numbering = TrialNumbering(budget: trials, stored: finished)
        var open: [TrialNumbering.Batch] = []
        var firstOpen = 0
        var rng = RandomSource(seed: seed)
        var queue = EnqueueQueue(enqueued)
        var exhausted: String? = nil
        var idleBatches = 0
        var jobs: [Job] = []
        let execution = TrialExecution(evaluator: NoEvaluator(metricNames: scenario.metricNames), scenario: scenario, seed: seed)

        func observations(_ b: TrialNumbering.Batch, _ range: Range<Int>) -> [Observation] {
            range.map { i in
                var o = execution.observation(numbering.results[b.numbers[i]]!)
                o.generation = b.proposals[i].generation
                o.proposed = b.proposed[i] == o.configuration ? nil : b.proposed[i]
                return o
            }
        }

        while exhausted == nil && numbering.next < trials {
            let step = schedule.next { batch, i in numbering.results[open[batch - firstOpen].numbers[i]] != nil }
            switch step {
            case .tell(let batch, let range, let closes):
                sampler.tell(observations(open[batch - firstOpen], range))
                if closes { open.removeFirst(); firstOpen += 1 }
                continue
            case .withdraw(let batch, let range):
                if var p = sampler as? any PipelinedSampler {
                    sampler = PlaceholderSampler()
                    p.withdraw(Array(open[batch - firstOpen].proposed[range]))
                    sampler = p
                }
                continue
            case .wait:
                return Outcome(jobs: jobs, exhausted: nil)
            case .ask:
                break
            }
            // The same steps as `StudyRunner.run`'s askNext, without a worker pool.
            var proposals = sampler.ask(limit: trials - numbering.next, isKnown: { numbering.isKnown($0) }, using: &rng)
            if proposals.isEmpty { exhausted = "the sampler has nothing more to propose (the search space is exhausted)"; break }
            let asProposed = proposals.map(\.configuration)
            try numbering.prepare(&proposals, queue: &queue, repair: repair, using: &rng)
            let firstNumber = numbering.next
            var batch = try numbering.number(proposals, asProposed: asProposed)
            idleBatches = numbering.next == firstNumber ? idleBatches + 1 : 0
            if idleBatches >= 3 { exhausted = "every new proposal repeats an evaluated configuration (the search space is exhausted)" }
            schedule.added(count: batch.proposals.count)
            jobs += batch.jobs
            batch.jobs = []
            batch.replayed = []
            open.append(batch)
        }
        return Outcome(jobs: jobs, exhausted: exhausted)
    }
}

/// Stands in for the evaluator where trials are evaluated elsewhere (ask/tell): it only names
/// the metrics, or answers with the outcome it was made with.
struct NoEvaluator: Evaluator {
    let metricNames: [String]
    var outcome: TrialOutcome = .failed("evaluated elsewhere")
    func evaluate(_ request: TrialRequest) -> TrialOutcome { outcome }
}
