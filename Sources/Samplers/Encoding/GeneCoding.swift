import Foundation
import Hyperfront

/// How one parameter is varied: its value mapped to a *gene* — a number in `[lower, upper]`
/// the variation operators work on — and back.
///
/// - real floats: the value itself, or its logarithm for log-scaled ranges;
/// - ints and ordinal choices: the grid index `(x − lo) / step` (the choice index for ordinals),
///   or the logarithm of the value for log-scaled ints; children are put back on the grid by
///   stochastic rounding (`snap`);
/// - categorical choices: the choice index, never interpolated;
/// - fixed values: not varied.
public struct GeneCoding: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case real, integer, categorical, fixed }

    public let kind: Kind
    /// Gene bounds.
    public let lower: Double
    public let upper: Double
    public let domain: Domain

    public init(_ domain: Domain) {
        self.domain = domain
        switch domain {
        case .float(let lo, let hi, let log, _):
            kind = lo < hi ? .real : .fixed
            lower = log ? Foundation.log(lo) : lo
            upper = log ? Foundation.log(hi) : hi
        case .int(let lo, let hi, let log, let step):
            kind = lo < hi ? .integer : .fixed
            if log {
                lower = Foundation.log(Double(Swift.max(lo, 1)))
                upper = Foundation.log(Double(Swift.max(hi, 1)))
            } else {
                lower = 0
                upper = Double((hi - lo) / step)
            }
        case .ordinal(let v):
            kind = v.count > 1 ? .integer : .fixed
            lower = 0
            upper = Double(v.count - 1)
        case .categorical(let v):
            kind = v.count > 1 ? .categorical : .fixed
            lower = 0
            upper = Double(v.count - 1)
        case .fixed:
            kind = .fixed
            lower = 0
            upper = 0
        }
    }

    /// Whether the parameter is searched (varied) at all.
    public var isSearched: Bool { kind != .fixed }

    /// The gene of an encoded value (NaN stays NaN).
    @inlinable
    public func encode(_ x: Double) -> Double {
        switch domain {
        case .float(_, _, true, _): return Foundation.log(x)
        case .int(let lo, _, let log, let step):
            return log ? Foundation.log(Swift.max(x, 1)) : (x - Double(lo)) / Double(step)
        default: return x
        }
    }

    /// The encoded value of a gene, snapped into the domain with `Domain.clamp`.
    @inlinable
    public func decode(_ g: Double) -> Double {
        if g.isNaN { return g }
        switch domain {
        case .float(_, _, let log, _): return domain.clamp(log ? Foundation.exp(g) : g)
        case .int(let lo, _, let log, let step):
            return domain.clamp(log ? Foundation.exp(g) : Double(lo) + g * Double(step))
        default: return domain.clamp(g)
        }
    }

    /// Puts a relaxed integer gene back on the grid by stochastic rounding with the draw `u`.
    @inlinable
    public func snap(_ g: Double, u: Double) -> Double {
        guard kind == .integer else { return g }
        if case .int(let lo, let hi, true, let step) = domain {
            let cells = Double((hi - lo) / step)
            let k = Swift.min(Swift.max(StochasticRounding.round((Foundation.exp(g) - Double(lo)) / Double(step), u: u), 0), cells)
            return Foundation.log(Swift.max(Double(lo) + k * Double(step), 1))
        }
        return Swift.min(Swift.max(StochasticRounding.round(g, u: u), lower), upper)
    }

    /// The gene of the grid value next to gene `g` in `direction` (+1 up, −1 down), turning back
    /// at a bound; `g` itself when the grid has one value.
    @inlinable
    public func neighbor(of g: Double, direction: Int) -> Double {
        if case .int(let lo, let hi, true, let step) = domain {
            let cells = (hi - lo) / step
            guard cells > 0 else { return g }
            let k = Int(((Foundation.exp(g) - Double(lo)) / Double(step)).rounded())
            var n = k + direction
            if n < 0 || n > cells { n = k - direction }
            return Foundation.log(Swift.max(Double(lo + Swift.min(Swift.max(n, 0), cells) * step), 1))
        }
        guard upper > lower else { return g }
        var n = g.rounded() + Double(direction)
        if n < lower || n > upper { n = g.rounded() - Double(direction) }
        return Swift.min(Swift.max(n, lower), upper)
    }
}
