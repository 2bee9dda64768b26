import Foundation
import Hyperfront

/// Ask/tell: the caller evaluates trials itself, in this process or another, and reports them.
///
/// ```swift
/// let study = try Study.resume(at: "runs/x.sqlite")
/// for trial in try study.ask(count: 4) {
///     let accuracy = train(trial.parameters)
///     try study.tell(trial.number, metrics: ["accuracy": accuracy])
/// }
/// try study.close()
/// ```
///
/// `ask` replays the study from its seed and its finished trials (see `AskReplay`), so the
/// sampler's state lives in the study file alone: any process may ask next, and the same seed
/// with the same results gives the trials `hyperfront run` gives. It hands out trials in number
/// order and records them `running`; it may return fewer than asked for when the sampler waits
/// for results (NSGA-II with strict generations breeds a generation only once the previous one
/// is told whole). A trial asked for and not told within `timeout` seconds is handed out again.
extension Study {
    /// A trial handed out by `ask`.
    public struct AskedTrial: Sendable {
        public var number: Int
        /// The seed for the caller's own randomness (the one `run` gives the evaluator).
        public var seed: UInt64
        public var generation: Int
        public var configuration: Configuration
        /// The active parameters with their values.
        public var parameters: [(name: String, value: Value)]

        /// `{"trial": 3, "seed": 123, "parameters": {"lr": 0.01, ...}}`.
        public var json: String {
            "{\"trial\": \(number), \"seed\": \(seed), \"parameters\": {"
                + parameters.map { "\(jsonQuote($0.name)): \($0.value.json)" }.joined(separator: ", ") + "}}"
        }
    }

    /// The setting that marks a study whose trials were handed out by `ask`.
    public static let askedKey = "asked"

    /// Seconds after which a trial asked for and not told is handed out again (one hour).
    public static let defaultAskTimeout = 3600.0

    /// Up to `count` trials to evaluate, recorded as running; fewer (or none) while the sampler
    /// waits for results, none once the budget is handed out.
    public func ask(count: Int = 1, timeout: Double = Study.defaultAskTimeout) throws(StudyError) -> [AskedTrial] {
        guard let parts, lease != nil else { throw .readOnly(path) }
        let all = try trials()
        var finished: [Int: Trial] = [:], running: [Int: Trial] = [:]
        for t in all { if t.state == .running { running[t.number] = t } else { finished[t.number] = t } }
        let outcome: AskReplay.Outcome
        let enqueued = try enqueuedBatches()
        let warm = try recordedWarmStart()?.observations ?? []
        do {
            outcome = try AskReplay.outstanding(scenario: scenario, sampler: parts.sampler, repair: parts.repair, trials: settings.trials,
                                                seed: settings.seed, pipelineDepth: settings.pipelineDepth, finished: finished,
                                                enqueued: enqueued, warmStart: warm)
        } catch { throw .run(error) }
        let now = Date().timeIntervalSince1970
        let free = outcome.jobs.filter { job in running[job.number].map { now - $0.startedAt > timeout } ?? true }
        let chosen = Array(free.prefix(max(0, count)))
        let execution = TrialExecution(evaluator: NoEvaluator(metricNames: scenario.metricNames), scenario: scenario, seed: settings.seed)
        let started = chosen.map { job in
            Trial(number: job.number, generation: job.proposal.generation, configuration: job.proposal.configuration, state: .running,
                  metrics: [], violation: .nan, startedAt: now, finishedAt: nil, failure: nil)
        }
        do {
            if !started.isEmpty, try store.setting(Self.askedKey) == nil { try store.setSetting(Self.askedKey, "true") }
            try store.save(started)
        } catch { throw .store(error) }
        return chosen.map { job in
            AskedTrial(number: job.number, seed: execution.seed(for: job.number), generation: job.proposal.generation,
                       configuration: job.proposal.configuration, parameters: scenario.space.decode(job.proposal.configuration))
        }
    }

    /// What a caller reports for a trial it asked for.
    public enum Told: Sendable {
        /// The metrics it measured (resources the scenario computes are filled in; a missing
        /// objective or constraint metric makes the trial fail, as in `run`).
        case metrics([String: Double])
        case failed(String)
        /// Stopped early, with the values it reached.
        case pruned([String: Double])
    }

    /// Records the result of trial `number`, which `ask` handed out; returns it as stored.
    @discardableResult
    public func tell(_ number: Int, _ told: Told) throws(StudyError) -> Trial {
        guard lease != nil else { throw .readOnly(path) }
        guard let asked = try trials().first(where: { $0.number == number }) else {
            throw .invalid("\(path): trial \(number) was not handed out (ask for trials with 'hyperfront ask \(path)')")
        }
        guard asked.state == .running else {
            throw .invalid("\(path): trial \(number) is already told (\(asked.state.rawValue)); each trial is told once")
        }
        let outcome: TrialOutcome
        switch told {
        case .metrics(let m), .pruned(let m): outcome = TrialOutcome(metrics: m)
        case .failed(let why): outcome = .failed(why.isEmpty ? "failed (told without a reason)" : why)
        }
        let execution = TrialExecution(evaluator: NoEvaluator(metricNames: scenario.metricNames, outcome: outcome), scenario: scenario,
                                       seed: settings.seed)
        var (trial, _) = execution.run(Proposal(configuration: asked.configuration, generation: asked.generation), number: number,
                                       startedAt: asked.startedAt)
        if case .pruned(let m) = told {
            var metrics = [Double](repeating: .nan, count: scenario.metricNames.count)
            for (i, name) in scenario.metricNames.enumerated() { metrics[i] = m[name] ?? (trial.state == .complete ? trial.metrics[i] : .nan) }
            trial.state = .pruned
            trial.metrics = metrics
            trial.violation = .infinity
            trial.failure = "stopped early by the caller"
        }
        do { try store.save([trial]) } catch { throw .store(error) }
        return trial
    }
}
