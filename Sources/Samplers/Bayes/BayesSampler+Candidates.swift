import Foundation
import Hyperfront

extension BayesSampler {
    /// Whether `c` fits every budget known before training.
    func admits(_ c: Configuration) -> Bool { budget?.admits(c) ?? true }

    /// `c` if it fits the budgets, else its repair while `repairs` lasts, else nil.
    func admissible(_ c: Configuration, repairs: inout Int, isKnown: (Configuration) -> Bool,
                    using rng: inout RandomSource) -> Configuration? {
        guard let budget, !budget.admits(c) else { return c }
        guard repairs > 0 else { return nil }
        repairs -= 1
        guard let r = try? budget.repair(c, isKnown: isKnown, using: &rng), budget.admits(r) else { return nil }
        return r
    }

    /// A space-filling initial design: from many admissible random configurations, greedily
    /// the one farthest (in the models' feature distance) from every trial and every point
    /// already chosen (maximin design; Johnson, Moore & Ylvisaker, "Minimax and maximin
    /// distance designs", J. Statistical Planning and Inference 26, 1990).
    func initialDesign(count: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] {
        var pool: [Configuration] = []
        var seen = Set<Configuration>()
        var repairs = settings.repairsPerProposal
        for _ in 0..<max(64, 24 * count) {
            let c = space.sample(using: &rng)
            guard let a = admissible(c, repairs: &repairs, isKnown: isKnown, using: &rng), !isKnown(a), seen.insert(a).inserted else { continue }
            pool.append(a)
        }
        let d = encoding.count
        guard d > 0 else { return pool.prefix(count).map { Proposal(configuration: $0, generation: 0) } }
        var features: [Double] = []
        for c in pool { encoding.append(c, to: &features) }
        var anchors: [Double] = []
        for o in observations { encoding.append(o.configuration, to: &anchors) }
        var nearest = [Double](repeating: .infinity, count: pool.count)
        func update(with row: ArraySlice<Double>) {
            let r = Array(row)
            for i in pool.indices {
                var s = 0.0
                for t in 0..<d {
                    let diff = encoding.categorical[t] ? (features[i * d + t] == r[t] ? 0 : 1) : features[i * d + t] - r[t]
                    s += diff * diff
                }
                nearest[i] = min(nearest[i], s)
            }
        }
        for j in 0..<observations.count { update(with: anchors[(j * d)..<((j + 1) * d)]) }
        var out: [Proposal] = []
        var taken = [Bool](repeating: false, count: pool.count)
        while out.count < count {
            var best = -1
            for i in pool.indices where !taken[i] && (best < 0 || nearest[i] > nearest[best]) { best = i }
            guard best >= 0 else { break }
            taken[best] = true
            out.append(Proposal(configuration: pool[best], generation: 0))
            update(with: features[(best * d)..<((best + 1) * d)])
        }
        return out
    }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ rng: inout RandomSource) -> Double {
        let u = max(rng.nextUnit(), 1e-300), v = rng.nextUnit()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }

    /// `c` with feature `f`'s parameter moved: a Gaussian step of `width` (share of the range)
    /// for numeric ones (at least one grid step for discrete ones), another choice for
    /// categorical ones.
    func moved(_ c: Configuration, feature f: Int, width: Double, using rng: inout RandomSource) -> Configuration {
        var out = c
        let i = encoding.parameters[f]
        let g = GeneCoding(space[i].domain)
        let current = c[i].isNaN ? space[i].domain.sample(using: &rng) : c[i]
        switch g.kind {
        case .categorical:
            let n = Int(g.upper) + 1
            let k = Int(rng.nextUnit() * Double(n - 1))
            out[i] = Double(k >= Int(current) ? k + 1 : k)
        case .real, .integer:
            let gene = g.encode(current)
            let step = Self.gaussian(&rng) * width * (g.upper - g.lower)
            var v = g.decode(min(max(gene + step, g.lower), g.upper))
            if g.kind == .integer && v == current {
                v = g.decode(g.neighbor(of: gene, direction: step < 0 ? -1 : 1))
            }
            out[i] = v
        case .fixed:
            break
        }
        space.normalize(&out) { k in space[k].domain.sample(using: &rng) }
        return out
    }

    /// A mutation of `c`: one to three parameters moved.
    func mutated(_ c: Configuration, using rng: inout RandomSource) -> Configuration {
        let u = rng.nextUnit()
        let changes = u < 0.5 ? 1 : (u < 0.8 ? 2 : 3)
        var out = c
        for _ in 0..<min(changes, encoding.count) {
            out = moved(out, feature: Int(rng.nextUnit() * Double(encoding.count)), width: 0.15, using: &rng)
        }
        return out
    }

    /// `c` with every numeric parameter moved by a Gaussian step of `width` (share of its
    /// range) and each categorical one changed with probability 1/(searched parameters).
    func perturbed(_ c: Configuration, width: Double, using rng: inout RandomSource) -> Configuration {
        var out = c
        let d = encoding.count
        for f in 0..<d {
            let i = encoding.parameters[f]
            let g = GeneCoding(space[i].domain)
            guard !out[i].isNaN else { continue }
            switch g.kind {
            case .categorical:
                if rng.nextUnit() * Double(d) < 1 { out = moved(out, feature: f, width: width, using: &rng) }
            case .real, .integer:
                let step = Self.gaussian(&rng) * width * (g.upper - g.lower)
                out[i] = g.decode(min(max(g.encode(out[i]) + step, g.lower), g.upper))
            case .fixed:
                break
            }
        }
        space.normalize(&out) { k in space[k].domain.sample(using: &rng) }
        return out
    }

    /// The neighbours a local move looks at from `c`: each parameter moved a little, twice.
    func neighbours(of c: Configuration, width: Double, using rng: inout RandomSource) -> [Configuration] {
        var out: [Configuration] = []
        for f in 0..<encoding.count {
            for _ in 0..<2 { out.append(moved(c, feature: f, width: width, using: &rng)) }
        }
        return out
    }
}
