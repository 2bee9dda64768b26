/// The outcome of solving a `MixedIntegerProgram`.
public struct MixedIntegerSolution: Sendable, Hashable {
    /// Why a search stopped before proving optimality.
    public enum StopReason: Sendable, Hashable { case timeLimit, mipGap, workLimit }

    /// What the solver established, truthfully.
    public enum Status: Sendable, Hashable, CustomStringConvertible {
        /// `values` is an optimal point.
        case optimal
        /// `values` is a feasible point; the search stopped before proving it optimal.
        case feasible(stoppedBy: StopReason)
        /// The time limit ran out before any feasible point was found (`values` is empty).
        case timeLimitWithoutSolution
        /// The node limit (`SolveLimits.nodes`) ran out before any feasible point was found.
        case workLimitWithoutSolution
        /// The solve was cancelled (`SolveLimits.cancellation`); `values` is empty.
        case cancelled
        /// No point satisfies the constraints.
        case infeasible
        /// Feasible points exist and the objective improves without limit.
        case unbounded
        /// The solver failed (numerical trouble, or a returned point that does not check out).
        case failed(String)

        public var description: String {
            switch self {
            case .optimal: return "optimal"
            case .feasible(.timeLimit): return "feasible (time limit reached)"
            case .feasible(.mipGap): return "feasible (within the MIP gap)"
            case .feasible(.workLimit): return "feasible (work limit reached)"
            case .workLimitWithoutSolution: return "work limit reached without a feasible point"
            case .cancelled: return "cancelled"
            case .timeLimitWithoutSolution: return "time limit reached without a feasible point"
            case .infeasible: return "infeasible"
            case .unbounded: return "unbounded"
            case .failed(let r): return "failed: \(r)"
            }
        }
    }

    public let status: Status
    /// One value per variable when a point is known (`optimal` or `feasible`), else empty.
    public let values: [Double]
    /// The objective at `values` (constant included), or NaN when no point is known.
    public let objective: Double

    public init(status: Status, values: [Double] = [], objective: Double = .nan) {
        self.status = status
        self.values = values
        self.objective = objective
    }

    /// Whether `values` holds a feasible point.
    public var hasPoint: Bool {
        switch status {
        case .optimal, .feasible: return true
        default: return false
        }
    }
}
