import Hyperfront

/// A discrete parameter as the integer program sees it: one binary per value ("state"), plus
/// one for "inactive" when the parameter has a condition. Exactly one state is chosen.
struct DiscreteParameter: Sendable, Hashable {
    /// Index in the search space.
    let index: Int
    /// Encoded value (as stored in a `Configuration`) of each active state, ascending.
    let encoded: [Double]
    /// Numeric value of each active state, as resource formulas see it.
    let numeric: [Double]
    /// Distance between states counts steps (ints, numeric choices) or 0/1 (names).
    let ordered: Bool
    /// Whether the parameter has an "inactive" state (it has a condition).
    let conditional: Bool
    /// Index of the binary of state 0 in the program; states follow consecutively.
    var firstVariable = 0

    var stateCount: Int { encoded.count + (conditional ? 1 : 0) }
    /// The state that stands for "inactive" (NaN), when the parameter is conditional.
    var inactiveState: Int? { conditional ? encoded.count : nil }

    /// Builds the states of `space[index]`; nil when the domain is continuous.
    init?(space: SearchSpace, index: Int, limit: Int) throws(DiscreteParameter.TooMany) {
        let p = space[index]
        self.index = index
        self.conditional = p.condition != nil
        switch p.domain {
        case .float(let lo, _, _, let step):
            guard let step else { return nil }
            guard step > 0, step.isFinite, let n = p.domain.cardinality, n >= 1 else { throw TooMany(count: 0) }
            guard n <= limit else { throw TooMany(count: n) }
            encoded = (0..<n).map { p.domain.clamp(lo + Double($0) * step) }
            ordered = true
        case .int(let lo, let hi, _, let step):
            guard step >= 1, hi >= lo else { throw TooMany(count: 0) }
            let n = p.domain.cardinality ?? 0
            guard n <= limit else { throw TooMany(count: n) }
            encoded = (0..<n).map { Double(lo + $0 * step) }
            ordered = true
        case .ordinal(let v):
            guard v.count <= limit else { throw TooMany(count: v.count) }
            encoded = v.indices.map(Double.init)
            ordered = true
        case .categorical(let v):
            guard v.count <= limit else { throw TooMany(count: v.count) }
            encoded = v.indices.map(Double.init)
            ordered = false
        case .fixed:
            encoded = [0]
            ordered = false
        }
        numeric = encoded.map { p.domain.numeric($0) }
    }

    /// Too many values to encode, or (count 0) a range with no values.
    struct TooMany: Error { let count: Int }

    /// The state of an encoded value: the nearest value's state, the inactive state for NaN,
    /// or nil for NaN on a parameter that is always active.
    func state(of x: Double) -> Int? {
        if x.isNaN { return inactiveState }
        var lo = 0, hi = encoded.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if encoded[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 && abs(encoded[lo - 1] - x) <= abs(encoded[lo] - x) { return lo - 1 }
        return lo
    }

    /// The encoded value of a state (NaN for the inactive state).
    func value(ofState s: Int) -> Double { s < encoded.count ? encoded[s] : .nan }

    /// Resource-formula value of a state (0 for the inactive state).
    func numeric(ofState s: Int) -> Double { s < numeric.count ? numeric[s] : 0 }

    /// Weighted change between two states: steps for ordered values, 0/1 for names; a move
    /// into or out of "inactive" costs nothing (the parent parameter's change is counted).
    func distance(_ a: Int?, _ b: Int?) -> Int {
        guard let a, let b, a < encoded.count, b < encoded.count else { return 0 }
        return ordered ? abs(a - b) : (a == b ? 0 : 1)
    }
}
