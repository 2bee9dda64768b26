import Foundation

/// The set of values a parameter may take.
///
/// Encoding: a configuration stores each parameter as one `Double` — the value itself for
/// `float` and `int`, the **index** of the choice for `ordinal` and `categorical`, and 0 for
/// `fixed`. An inactive conditional parameter is stored as NaN.
public enum Domain: Sendable, Hashable {
    /// A real interval; `log` samples and varies it in log space; `step` snaps values to
    /// `lower + k·step`.
    case float(lower: Double, upper: Double, log: Bool, step: Double?)
    /// An integer interval (inclusive); `step` ≥ 1.
    case int(lower: Int, upper: Int, log: Bool, step: Int)
    /// Numeric choices, ascending: neighbours are close (e.g. units 16, 32, 64).
    case ordinal([Double])
    /// Unordered choices (e.g. relu, tanh); `bool` values are categorical too.
    case categorical([Value])
    /// A constant handed to the evaluator; not searched.
    case fixed(Value)

    /// Number of distinct values, or nil for a continuous range.
    public var cardinality: Int? {
        switch self {
        case .float(let lo, let hi, _, let step):
            guard let step, step > 0 else { return lo == hi ? 1 : nil }
            return Int(((hi - lo) / step + 1e-9).rounded(.down)) + 1
        case .int(let lo, let hi, _, let step): return (hi - lo) / step + 1
        case .ordinal(let v): return v.count
        case .categorical(let v): return v.count
        case .fixed: return 1
        }
    }

    /// `true` for domains whose values are finitely many (int, choices, fixed).
    public var isDiscrete: Bool {
        switch self {
        case .float(_, _, _, let step): return step != nil
        default: return true
        }
    }

    /// Decodes an encoded value.
    public func decode(_ x: Double) -> Value {
        switch self {
        case .float: return .double(x)
        case .int: return .int(Int(x))
        case .ordinal(let v):
            let i = Swift.max(0, Swift.min(v.count - 1, Int(x)))
            let n = v[i]
            return n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n)
        case .categorical(let v): return v[Swift.max(0, Swift.min(v.count - 1, Int(x)))]
        case .fixed(let v): return v
        }
    }

    /// The numeric value behind an encoded value (choice values for ordinals, the index for
    /// categoricals), as used by resource formulas.
    public func numeric(_ x: Double) -> Double {
        switch self {
        case .ordinal(let v): return v[Swift.max(0, Swift.min(v.count - 1, Int(x)))]
        case .fixed(let v): return v.number ?? 0
        default: return x
        }
    }

    /// Snaps an encoded value into the domain (clamp, round, step).
    public func clamp(_ x: Double) -> Double {
        switch self {
        case .float(let lo, let hi, _, let step):
            var v = Swift.min(Swift.max(x, lo), hi)
            if let step, step > 0 {
                v = lo + ((v - lo) / step).rounded() * step
                if v > hi + 1e-12 * Swift.max(1, abs(hi)) { v -= step }
                v = Swift.min(Swift.max(v, lo), hi)
            }
            return v
        case .int(let lo, let hi, _, let step):
            // The largest k with lo + k·step ≤ hi keeps every value on the step grid.
            let last = Double((hi - lo) / step)
            let k = Swift.min(((Swift.min(Swift.max(x, Double(lo)), Double(hi)) - Double(lo)) / Double(step)).rounded(), last)
            return Double(lo) + k * Double(step)
        case .ordinal(let v): return Swift.min(Swift.max(x.rounded(), 0), Double(v.count - 1))
        case .categorical(let v): return Swift.min(Swift.max(x.rounded(), 0), Double(v.count - 1))
        case .fixed: return 0
        }
    }

    /// A uniform draw (log-uniform for `log` ranges).
    public func sample(using rng: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .float(let lo, let hi, let log, _):
            let u = rng.nextUnit()
            if log { return clamp(Foundation.exp(Foundation.log(lo) + u * (Foundation.log(hi) - Foundation.log(lo)))) }
            return clamp(lo + u * (hi - lo))
        case .int(let lo, let hi, let log, let step):
            if log {
                let a = Foundation.log(Double(lo) - 0.5 < 0.5 ? 0.5 : Double(lo) - 0.5), b = Foundation.log(Double(hi) + 0.5)
                return clamp(Foundation.exp(a + rng.nextUnit() * (b - a)))
            }
            let k = Int.random(in: 0...((hi - lo) / step), using: &rng)
            return Double(lo + k * step)
        case .ordinal(let v): return Double(Int.random(in: 0..<v.count, using: &rng))
        case .categorical(let v): return Double(Int.random(in: 0..<v.count, using: &rng))
        case .fixed: return 0
        }
    }
}
