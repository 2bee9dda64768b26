import Hyperfront

extension NSGA2Sampler {
    /// Largest number of grid points enumerated to find an unproposed configuration of a finite
    /// space.
    static let enumerationLimit = 1 << 20

    /// Turns the duplicate `c` into a configuration nobody has proposed: first by mutating its
    /// genes again (one more parameter each attempt), then by uniform samples, then — for a
    /// finite space — by enumerating the grid. The replacement is recorded as proposed.
    /// Returns `false` when the space is exhausted.
    mutating func replaceDuplicate(_ c: inout Configuration, genes: [Double]?, isKnown: (Configuration) -> Bool,
                                   using rng: inout RandomSource) -> Bool {
        if var g = genes {
            for _ in 0..<revariationAttempts {
                reproduction.mutateOne(&g, using: &rng)
                let candidate = reproduction.decode(g, using: &rng)
                if claim(candidate, isKnown) { c = candidate; return true }
            }
        }
        for _ in 0..<revariationAttempts {
            let candidate = space.sample(using: &rng)
            if claim(candidate, isKnown) { c = candidate; return true }
        }
        if let found = firstUnproposed(isKnown: isKnown) { proposed.insert(found); c = found; return true }
        return false
    }

    /// The first configuration of a finite space, in grid order, that is neither proposed nor
    /// known; nil when there is none or the space is continuous or too large to enumerate.
    func firstUnproposed(isKnown: (Configuration) -> Bool) -> Configuration? {
        var radices: [Int] = []
        var total = 1
        for p in space.parameters {
            guard let k = p.domain.cardinality, k >= 1 else { return nil }
            radices.append(k)
            total = total.multipliedReportingOverflow(by: k).overflow ? Int.max : total * k
            if total > Self.enumerationLimit { return nil }
        }
        var digits = [Int](repeating: 0, count: radices.count)
        for _ in 0..<total {
            var values = [Double](repeating: 0, count: radices.count)
            for (i, p) in space.parameters.enumerated() { values[i] = Self.gridValue(p.domain, digits[i]) }
            var c = Configuration(values)
            space.normalize(&c) { _ in 0 }
            if !proposed.contains(c) && !isKnown(c) { return c }
            var i = digits.count - 1
            while i >= 0 {
                digits[i] += 1
                if digits[i] < radices[i] { break }
                digits[i] = 0
                i -= 1
            }
        }
        return nil
    }

    /// The `k`-th value of a finite domain, encoded.
    static func gridValue(_ d: Domain, _ k: Int) -> Double {
        switch d {
        case .float(let lo, _, _, let step): return d.clamp(lo + Double(k) * (step ?? 0))
        case .int(let lo, _, _, let step): return Double(lo + k * step)
        case .ordinal, .categorical: return Double(k)
        case .fixed: return 0
        }
    }
}
