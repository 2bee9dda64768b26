import Synchronization

/// How much a solve may do before it stops, and a way to stop it from another thread.
///
/// `nodes` is a deterministic work limit: GLPK's branch and bound is deterministic, so a solve
/// stopped after the same number of subproblems ends at the same point on a quiet machine and
/// on a busy one. `seconds` is wall-clock and depends on the machine's load; use it only as a
/// safety net whose expiry is reported as an error, never to choose between answers.
public struct SolveLimits: Sendable {
    /// Branch-and-bound subproblems GLPK may create (`glp_ios_tree_size`, total count) before
    /// it stops with the best point found so far; nil = no limit.
    public var nodes: Int?
    /// Seconds; nil = no limit.
    public var seconds: Double?
    /// Checked by the solver between subproblems and between solves; once cancelled, the
    /// solve stops and reports `.cancelled`.
    public var cancellation: SolveCancellation?

    public init(nodes: Int? = nil, seconds: Double? = nil, cancellation: SolveCancellation? = nil) {
        self.nodes = nodes
        self.seconds = seconds
        self.cancellation = cancellation
    }
}

/// A flag that stops integer-program solves in progress (e.g. from an interrupt handler).
/// Setting it is async-signal-safe in effect: one atomic store.
public final class SolveCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Stops every solve that checks this flag, now and later.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// What the GLPK callback reads and writes during one solve (owned by that solve's stack).
final class SearchControl {
    let nodeLimit: Int
    let cancellation: SolveCancellation?
    var stoppedByWork = false
    var cancelled = false

    init(nodeLimit: Int?, cancellation: SolveCancellation?) {
        self.nodeLimit = nodeLimit ?? Int.max
        self.cancellation = cancellation
    }
}
