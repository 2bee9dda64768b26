import Hyperfront

/// Why a budget model cannot be built, or why no configuration fits its budgets — each with
/// what to do about it.
public enum BudgetModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A resource formula names something that is not a parameter of the space.
    case unknownParameter(metric: String, name: String)
    /// A resource formula (or a condition it depends on) involves a continuous parameter.
    case continuousParameter(metric: String, name: String)
    /// A parameter has too many values to become one binary per value.
    case tooManyValues(metric: String, name: String, count: Int, limit: Int)
    /// One additive term of a formula needs a table larger than the limit.
    case tableTooLarge(metric: String, term: String, parameters: [String], cells: Int, limit: Int)
    /// Even the best configuration for this budget alone breaks it.
    case impossible(constraint: String, best: Double, smallest: Bool, example: String)
    /// Each budget can be met alone, but not all at once.
    case jointlyImpossible(constraints: [String])
    /// The configuration does not belong to the space.
    case invalidConfiguration(String)
    /// The solver did not deliver (safety time limit, numerical failure).
    case solverFailed(String)
    /// The integer program reached its work limit (`BudgetModel.nodeLimit`) without a point,
    /// and the greedy fallback found no configuration that fits either.
    case workLimit(nodes: Int)
    /// A solve was stopped by `BudgetModel.cancellation`.
    case cancelled

    public var description: String {
        switch self {
        case .unknownParameter(let m, let n):
            return "resource '\(m)' names '\(n)', which is not a parameter of the search space; use parameter names only"
        case .continuousParameter(let m, let n):
            return "resource '\(m)' depends on '\(n)', a continuous parameter; a budget can only be enforced on int, choice, fixed or stepped float parameters (give '\(n)' a step, or make it a choice)"
        case .tooManyValues(let m, let n, 0, _):
            return "resource '\(m)' depends on '\(n)', whose range holds no values (its step must be positive and its bounds in order)"
        case .tooManyValues(let m, let n, let c, let l):
            return "resource '\(m)' depends on '\(n)', which has \(groupedNumber(Double(c))) values (at most \(groupedNumber(Double(l))) are allowed); narrow its range or give it a larger step"
        case .tableTooLarge(let m, let t, let ps, let c, let l):
            return "resource '\(m)': the term \(t) combines \(ps.joined(separator: ", ")) into a table of \(groupedNumber(Double(c))) cells (at most \(groupedNumber(Double(l)))); split the term into sums of products of fewer parameters, or narrow their ranges"
        case .impossible(let c, let best, let smallest, let example):
            return "no configuration fits \(c): the \(smallest ? "smallest" : "largest") needs \(groupedNumber(best)) (\(example)); relax the bound or narrow the space"
        case .jointlyImpossible(let cs):
            return "no configuration fits all of \(cs.joined(separator: ", ")) at once (each can be met alone); relax one of them"
        case .invalidConfiguration(let r):
            return "invalid configuration: \(r)"
        case .solverFailed(let r):
            return "the integer program could not be solved: \(r)"
        case .workLimit(let n):
            return "the integer program searched \(groupedNumber(Double(n))) branch-and-bound nodes without finding a configuration that fits the budgets, and the greedy search found none either; relax a budget, or narrow the choices of the parameters it depends on"
        case .cancelled:
            return "interrupted while solving the budgets' integer program"
        }
    }
}

/// A number with thousands separators: `2410` → `2,410`; non-integers keep their digits.
func groupedNumber(_ v: Double) -> String {
    guard v.isFinite, v == v.rounded(), abs(v) < 1e15 else { return formatNumber(v) }
    let digits = String(Int64(abs(v)))
    var out = ""
    for (k, ch) in digits.enumerated() {
        if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return (v < 0 ? "-" : "") + out
}
