import Foundation

/// How the learning rate η changes from epoch to epoch (epoch e counts from 0; E = epochs).
public enum LearningRateSchedule: Sendable, Hashable {
    /// η_e = η.
    case constant
    /// η_e = η · exp(−decay · e).
    case exponential(decay: Double)
    /// The staircase form of `exponential`: η_e = η · exp(−decay · every · ⌊e / every⌋), i.e. the
    /// rate drops once every `every` epochs by the decay accumulated since the last drop.
    case step(decay: Double, every: Int)
    /// Cosine annealing to zero over the run (Loshchilov & Hutter, 2017, without restarts):
    /// η_e = η · ½ (1 + cos(π e / E)).
    case cosine

    /// The learning rate for `epoch` of `epochs`.
    public func rate(base: Double, epoch e: Int, epochs: Int) -> Double {
        switch self {
        case .constant: return base
        case .exponential(let d): return base * exp(-d * Double(e))
        case .step(let d, let every):
            let k = max(1, every)
            return base * exp(-d * Double(k * (e / k)))
        case .cosine: return base * 0.5 * (1 + cos(Double.pi * Double(e) / Double(max(1, epochs))))
        }
    }
}
