/// The life of a trial in the study file.
public enum TrialState: String, Sendable, Hashable, CaseIterable {
    /// Started; its result is not in yet (or its process died — resume runs it again).
    case running
    /// Finished with every metric the scenario needs.
    case complete
    /// The evaluator failed (crash, timeout, bad output); kept with its reason.
    case failed
    /// Stopped early by the run's `TrialScheduler` after an intermediate report; kept with the
    /// values it reported last (see `TrialScheduler`).
    case pruned
}

/// What an evaluator is asked to do.
public struct TrialRequest: Sendable {
    public let number: Int
    /// Seed for the evaluator's own randomness (weights, data split), derived from the study seed.
    public let seed: UInt64
    public let configuration: Configuration
    public let space: SearchSpace
    /// Where the trial reports intermediate values and learns whether to stop early (see
    /// `TrialChannel`). An evaluator that never reports may ignore it.
    public let channel: TrialChannel

    public init(number: Int, seed: UInt64, configuration: Configuration, space: SearchSpace,
                channel: TrialChannel? = nil) {
        self.number = number
        self.seed = seed
        self.configuration = configuration
        self.space = space
        self.channel = channel ?? TrialChannel(trial: number)
    }

    /// The active parameters with their decoded values.
    public var parameters: [(name: String, value: Value)] { space.decode(configuration) }
}

/// What an evaluator reports.
public struct TrialOutcome: Sendable {
    public var state: TrialState
    public var metrics: [String: Double]
    /// Why it failed, with the tail of the evaluator's error output where there is one.
    public var failure: String?
    /// Intermediate reports (`{"step": 3, "val_loss": 0.41}`), in order.
    public var intermediate: [[String: Double]]

    public init(metrics: [String: Double], intermediate: [[String: Double]] = []) {
        self.state = .complete
        self.metrics = metrics
        self.failure = nil
        self.intermediate = intermediate
    }

    public static func failed(_ reason: String, intermediate: [[String: Double]] = []) -> TrialOutcome {
        var o = TrialOutcome(metrics: [:], intermediate: intermediate)
        o.state = .failed
        o.failure = reason
        return o
    }
}

/// Something that turns a configuration into metrics. Implementations must be safe to call
/// from several threads at once (one call per worker).
public protocol Evaluator: Sendable {
    /// Names of the metrics every successful evaluation reports.
    var metricNames: [String] { get }
    func evaluate(_ request: TrialRequest) -> TrialOutcome
}

/// An in-process evaluator that writes its metrics straight into a buffer, in `metricNames`
/// order, instead of building a `TrialOutcome` dictionary: the runner takes this path when the
/// evaluator offers it, so a trial that takes microseconds is not dominated by bookkeeping.
/// `evaluate(_:)` must report the same values (it stays the general seam).
public protocol BufferedEvaluator: Evaluator {
    /// Evaluates `request`, writing metric `i` of `metricNames` into `metrics[i]`
    /// (`metrics.count == metricNames.count`). Returns nil on success, or why it failed.
    func evaluate(_ request: TrialRequest, into metrics: UnsafeMutableBufferPointer<Double>) -> String?
}

/// A trial as stored: what was proposed and what came of it.
public struct Trial: Sendable {
    public var number: Int
    public var generation: Int
    public var configuration: Configuration
    public var state: TrialState
    /// Metric values by the study's metric order (NaN = not reported).
    public var metrics: [Double]
    /// Total normalised constraint violation (0 = feasible; +infinity for failed trials).
    public var violation: Double
    public var startedAt: Double
    public var finishedAt: Double?
    public var failure: String?

    public init(number: Int, generation: Int, configuration: Configuration, state: TrialState,
                metrics: [Double], violation: Double, startedAt: Double, finishedAt: Double?, failure: String?) {
        self.number = number
        self.generation = generation
        self.configuration = configuration
        self.state = state
        self.metrics = metrics
        self.violation = violation
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.failure = failure
    }
}
