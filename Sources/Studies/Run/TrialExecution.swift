import Foundation
import Hyperfront

/// Evaluates one proposal and turns the evaluator's outcome into a stored `Trial`: metrics in
/// the study's order, resource formulas filled in, missing or non-finite required metrics
/// turned into a failure, constraint violation computed. A `BufferedEvaluator` writes its
/// metrics into a stack buffer instead of a dictionary. A trial the scheduler stops becomes
/// `pruned` with the values it reported last. Safe to use from several threads.
struct TrialExecution: Sendable {
    let evaluator: any Evaluator
    let scenario: Scenario
    /// Answers the trials' intermediate reports (nil: every trial runs to its end).
    var scheduler: (any TrialScheduler)?
    let seeds: RandomSource
    let metricNames: [String]
    private let metricIndex: [String: Int]
    /// The evaluator's buffer path, when it has one…
    private let buffered: (any BufferedEvaluator)?
    /// …and the study's metric slot of each of its metrics (-1: not a study metric).
    private let bufferedSlots: [Int]
    /// (metric slot, goal) per objective.
    private let objectiveSlots: [(Int, Goal)]
    /// (metric slot, constraint) per constraint.
    private let constraintSlots: [(Int, OutcomeConstraint)]
    /// (metric slot, formula) per resource.
    private let resourceSlots: [(Int, ResourceFormula)]
    /// Slots an evaluation must fill with finite values.
    private let requiredSlots: [Int]

    init(evaluator: any Evaluator, scenario: Scenario, seed: UInt64, scheduler: (any TrialScheduler)? = nil) {
        self.evaluator = evaluator
        self.scenario = scenario
        self.scheduler = scheduler
        self.seeds = RandomSource(seed: seed ^ 0x5EED_5EED_5EED_5EED)
        let names = scenario.metricNames
        self.metricNames = names
        var idx: [String: Int] = [:]
        for (i, m) in names.enumerated() { idx[m] = i }
        self.metricIndex = idx
        self.buffered = evaluator as? any BufferedEvaluator
        self.bufferedSlots = buffered.map { b in b.metricNames.map { idx[$0] ?? -1 } } ?? []
        objectiveSlots = scenario.objectives.map { (idx[$0.metric]!, $0.goal) }
        constraintSlots = scenario.constraints.map { (idx[$0.metric]!, $0) }
        resourceSlots = scenario.resources.map { (idx[$0.metric]!, $0) }
        var required: [Int] = []
        for s in objectiveSlots.map(\.0) + constraintSlots.map(\.0) where !required.contains(s) { required.append(s) }
        requiredSlots = required
    }

    /// The clock trials are timed with (seconds since 1970).
    static func now() -> Double { Date().timeIntervalSince1970 }

    /// The evaluator's seed for trial `number` (independent of the order trials run in).
    func seed(for number: Int) -> UInt64 {
        var s = seeds.derived(UInt64(number))
        return s.next()
    }

    /// Runs the evaluator on `proposal` as trial `number`, begun at `start` (a `now()` reading
    /// the caller already has: the clock is read once per trial, when it ends); returns the
    /// trial and its intermediate reports as JSON lines (those sent through the trial's channel,
    /// or else those the outcome carries).
    func run(_ proposal: Proposal, number: Int, startedAt start: Double) -> (Trial, [String]) {
        var known: [String: Double] = [:]
        if scheduler != nil {
            for (slot, formula) in resourceSlots { known[metricNames[slot]] = formula.value(proposal.configuration, in: scenario.space) }
        }
        // Microsecond trials without a scheduler share one channel that keeps nothing.
        let channel = buffered != nil && scheduler == nil ? TrialChannel.discarding
                                                          : TrialChannel(trial: number, scheduler: scheduler, known: known)
        let request = TrialRequest(number: number, seed: seed(for: number), configuration: proposal.configuration,
                                   space: scenario.space, channel: channel)
        var metrics = [Double](repeating: .nan, count: metricNames.count)
        var state = TrialState.complete
        var failure: String? = nil
        var intermediate: [[String: Double]] = []
        if let buffered {
            let slots = bufferedSlots
            failure = withUnsafeTemporaryAllocation(of: Double.self, capacity: slots.count) { buffer in
                buffer.initialize(repeating: .nan)
                let failure = buffered.evaluate(request, into: buffer)
                if failure == nil {
                    for j in slots.indices where slots[j] >= 0 { metrics[slots[j]] = buffer[j] }
                }
                return failure
            }
            if failure != nil { state = .failed }
        } else {
            let outcome = evaluator.evaluate(request)
            state = outcome.state
            failure = outcome.failure
            intermediate = outcome.intermediate
            if state == .complete {
                for (name, v) in outcome.metrics { if let i = metricIndex[name] { metrics[i] = v } }
            }
        }
        let end = Self.now()
        if channel !== TrialChannel.discarding {
            if let step = channel.stoppedAt {
                return pruned(proposal, number: number, startedAt: start, endedAt: end, reports: channel.reports, step: step)
            }
            let reports = channel.reports
            if !reports.isEmpty { intermediate = reports.map(Self.dictionary) }
        }
        if state == .complete {
            for (slot, formula) in resourceSlots where metrics[slot].isNaN {
                metrics[slot] = formula.value(proposal.configuration, in: scenario.space)
            }
            if requiredSlots.contains(where: { metrics[$0].isNaN }) {
                let all = requiredSlots.filter { metrics[$0].isNaN }.map { metricNames[$0] }
                state = .failed
                failure = "the evaluator did not report \(all.joined(separator: ", "))"
            } else if let bad = requiredSlots.first(where: { !metrics[$0].isFinite }) {
                state = .failed
                failure = "the evaluator reported a non-finite value for \(metricNames[bad])"
            }
        }
        let complete = state == .complete
        var violation = 0.0
        if complete { for (slot, c) in constraintSlots { violation += c.violation(metrics[slot]) } } else { violation = .infinity }
        let trial = Trial(number: number, generation: proposal.generation, configuration: proposal.configuration, state: state,
                          metrics: complete ? metrics : [Double](repeating: .nan, count: metricNames.count),
                          violation: violation, startedAt: start, finishedAt: end, failure: failure)
        return (trial, intermediate.map(Self.jsonLine))
    }

    /// A trial the scheduler stopped at `step`: each metric keeps the value it was reported with
    /// last (resources follow from the configuration), the constraint violation is that of those
    /// values (+infinity when a constrained metric was never reported).
    private func pruned(_ proposal: Proposal, number: Int, startedAt start: Double, endedAt end: Double,
                        reports: [IntermediateReport], step: Int) -> (Trial, [String]) {
        var metrics = [Double](repeating: .nan, count: metricNames.count)
        for r in reports { for (name, v) in r.metrics { if let i = metricIndex[name] { metrics[i] = v } } }
        for (slot, formula) in resourceSlots where metrics[slot].isNaN {
            metrics[slot] = formula.value(proposal.configuration, in: scenario.space)
        }
        var violation = 0.0
        for (slot, c) in constraintSlots { violation += metrics[slot].isFinite ? c.violation(metrics[slot]) : .infinity }
        let trial = Trial(number: number, generation: proposal.generation, configuration: proposal.configuration, state: .pruned,
                          metrics: metrics, violation: violation, startedAt: start, finishedAt: end,
                          failure: "stopped by the scheduler at step \(step)")
        return (trial, reports.map { Self.jsonLine(Self.dictionary($0)) })
    }

    /// A report as the study file keeps it: its metrics and its step.
    private static func dictionary(_ r: IntermediateReport) -> [String: Double] {
        var d = r.metrics
        d["step"] = Double(r.step)
        return d
    }

    /// `{"step": 3, "val_loss": 0.41}`: keys sorted, non-finite values as null.
    private static func jsonLine(_ dict: [String: Double]) -> String {
        "{" + dict.keys.sorted().map { "\(jsonQuote($0)): \(dict[$0]!.isFinite ? formatNumber(dict[$0]!) : "null")" }.joined(separator: ", ") + "}"
    }

    /// The minimised objective values of a complete trial, written into `out` (resized to the
    /// number of objectives; no allocation once it has that size).
    func objectives(_ t: Trial, into out: inout [Double]) {
        if out.count != objectiveSlots.count { out = [Double](repeating: 0, count: objectiveSlots.count) }
        for (k, (slot, goal)) in objectiveSlots.enumerated() { out[k] = goal == .minimize ? t.metrics[slot] : -t.metrics[slot] }
    }

    /// What the sampler learns from a stored trial. A pruned trial carries the objective values
    /// it reported last (+infinity where it reported none) and an infinite violation: it ranks
    /// behind every trial that ran to its end (see `TrialScheduler`).
    func observation(_ t: Trial) -> Observation {
        if t.state == .pruned {
            let objectives = objectiveSlots.map { slot, goal in
                let v = goal == .minimize ? t.metrics[slot] : -t.metrics[slot]
                return v.isNaN ? .infinity : v
            }
            return Observation(configuration: t.configuration, generation: t.generation, objectives: objectives, violation: .infinity)
        }
        guard t.state == .complete else {
            return Observation(configuration: t.configuration, generation: t.generation,
                               objectives: [Double](repeating: .infinity, count: objectiveSlots.count), violation: .infinity)
        }
        let objectives = objectiveSlots.map { slot, goal in goal == .minimize ? t.metrics[slot] : -t.metrics[slot] }
        let constraints = constraintSlots.map { slot, c in
            -c.slack(t.metrics[slot]) / max(abs(c.bound), 1e-12)
        }
        return Observation(configuration: t.configuration, generation: t.generation, objectives: objectives, violation: t.violation,
                           constraints: constraints)
    }
}
