import Hyperfront

/// The rungs of asynchronous successive halving and the brackets of Hyperband, and which
/// bracket each trial belongs to.
///
/// Bracket `b` starts `b` rungs up: its rungs are at `r·η^(b+k)` below `R` (`r` = min_resource,
/// `R` = max_resource, η = reduction factor). ASHA is bracket 0 alone (Li et al. 2020, "A System
/// for Massively Parallel Hyperparameter Tuning", MLSys). Hyperband runs brackets
/// `s = s_max … 0` (`s = s_max − b`) with `n_s = ⌈(s_max+1)/(s+1) · η^s⌉` trials each (Li et al.
/// 2018, "Hyperband: A Novel Bandit-Based Approach to Hyperparameter Optimization", JMLR 18);
/// here trials are dealt to brackets in a fixed cycle of those weights (smooth weighted
/// round-robin), so a trial's bracket depends on its number only.
public struct HyperbandBrackets: Sendable, Hashable {
    /// Rung levels per bracket, ascending.
    public let levels: [[Double]]
    /// Bracket of trial `n` is `cycle[n % cycle.count]`.
    public let cycle: [Int]

    public init(_ s: EarlyStoppingSettings) {
        let eta = Double(s.reductionFactor)
        var base: [Double] = []
        var level = s.minResource
        // A rung at max_resource would decide nothing: the trial is done there.
        while level < s.maxResource * (1 - 1e-9), base.count < 64 {
            base.append(level)
            level *= eta
        }
        switch s.algorithm {
        case .none:
            levels = [[]]
            cycle = [0]
        case .hyperband:
            let sMax = base.count
            levels = (0...sMax).map { b in Array(base.dropFirst(b)) }
            // n_s for s = sMax − b.
            let weights = (0...sMax).map { b -> Int in
                let sv = sMax - b
                var p = 1.0
                for _ in 0..<sv { p *= eta }
                return Int((Double(sMax + 1) / Double(sv + 1) * p).rounded(.up))
            }
            cycle = Self.smoothRoundRobin(weights)
        default:
            // asha: one bracket of every rung.
            levels = [base]
            cycle = [0]
        }
    }

    public func bracket(of trial: Int) -> Int { cycle[trial % cycle.count] }

    /// Interleaves indices by weight: each index appears `weights[i]` times, spread out (nginx's
    /// smooth weighted round-robin).
    static func smoothRoundRobin(_ weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        var current = [Int](repeating: 0, count: weights.count)
        var out: [Int] = []
        out.reserveCapacity(total)
        for _ in 0..<total {
            for i in weights.indices { current[i] += weights[i] }
            var best = 0
            for i in weights.indices where current[i] > current[best] { best = i }
            current[best] -= total
            out.append(best)
        }
        return out
    }
}
