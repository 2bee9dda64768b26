/// A model that cannot be handed to the solver, with what is wrong and where.
public enum MixedIntegerProgramError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A variable's kind or bounds are unusable.
    case invalidVariable(index: Int, reason: String)
    /// A constraint names a missing variable, repeats one, or has an unusable number.
    case invalidConstraint(index: Int, reason: String)
    /// The objective has an unusable number.
    case invalidObjective(reason: String)
    /// A solver setting is out of range.
    case invalidSetting(name: String, reason: String)
    /// The model is larger than the solver accepts.
    case tooLarge(reason: String)

    public var description: String {
        switch self {
        case .invalidVariable(let i, let r): return "variable \(i): \(r)"
        case .invalidConstraint(let i, let r): return "constraint \(i): \(r)"
        case .invalidObjective(let r): return "objective: \(r)"
        case .invalidSetting(let n, let r): return "\(n): \(r)"
        case .tooLarge(let r): return "model too large: \(r)"
        }
    }
}
