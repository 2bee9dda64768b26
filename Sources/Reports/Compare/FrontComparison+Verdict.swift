import Foundation
import Hyperfront

extension FrontComparison {
    /// One indicator's verdict between two sides, with the statistics behind it.
    public struct Verdict: Sendable {
        public var indicator: String
        /// The sides compared (indices into `sides`).
        public var first: Int
        public var second: Int
        /// The side judged better; nil for a tie, a negligible or an insignificant difference.
        public var better: Int?
        /// The difference of the medians is below the indicator's tolerance.
        public var negligible: Bool
        /// "Mann–Whitney U" or "Wilcoxon signed-rank"; nil when a side has a single run.
        public var testName: String?
        public var test: RankTest.Result?
        /// P(a run of `first` is better than one of `second`), ties counted half
        /// (Vargha–Delaney A; for the paired test, (1 + rank-biserial r) / 2).
        public var probabilityFirstBetter: Double?
        /// Runs paired by seed (both sides hold the same seeds): how many pairs each side wins beyond the
        /// tolerance, and how many tie.
        public var wins: (first: Int, second: Int, ties: Int)?
        public var sentence: String
    }

    /// The indicators judged, with whether higher is better.
    static var judged: [(name: String, key: KeyPath<Indicators, Double>, higherIsBetter: Bool)] {
        [("hypervolume", \.hypervolume, true), ("IGD+", \.igdPlus, false), ("additive epsilon", \.epsilonAdditive, false), ("IGD", \.igd, false)]
    }

    /// Level under which p is called significant.
    public static let significance = 0.05

    /// A difference of medians below this is negligible: 1 % of the reference box's volume
    /// for the hypervolume, 1 % of an objective's (normalised) range for the distances.
    public func tolerance(_ indicator: String) -> Double {
        indicator == "hypervolume" ? 0.01 * reference.reduce(1, *) : 0.01
    }

    /// The verdicts of the first side against each other side, one per indicator.
    public var verdicts: [Verdict] {
        sides.indices.dropFirst().flatMap { j in Self.judged.map { verdict(0, j, $0.name, $0.key, $0.higherIsBetter) } }
    }

    /// The runs of two sides as pairs: by seed when every run has one and both sides hold the
    /// same seeds (`bySeed`), else by position; nil when the sides differ in size.
    func pairs(_ i: Int, _ j: Int) -> (pairs: [(Int, Int)], bySeed: Bool)? {
        let a = sides[i].runs, b = sides[j].runs
        guard a.count == b.count else { return nil }
        let sa = a.compactMap(\.seed), sb = b.compactMap(\.seed)
        if sa.count == a.count, sb.count == b.count, Set(sa).count == sa.count, Set(sa) == Set(sb) {
            return (a.indices.map { k in (k, b.firstIndex { $0.seed == a[k].seed }!) }, true)
        }
        return (a.indices.map { ($0, $0) }, false)
    }

    func verdict(_ i: Int, _ j: Int, _ name: String, _ key: KeyPath<Indicators, Double>, _ higher: Bool) -> Verdict {
        let xs = indicators[i].map { $0[keyPath: key] }, ys = indicators[j].map { $0[keyPath: key] }
        let mx = Spread(xs).median, my = Spread(ys).median
        let tol = tolerance(name)
        let gain = higher ? mx - my : my - mx // > 0: i better
        let negligible = abs(gain) < tol
        let ni = sides[i].name, nj = sides[j].name
        var v = Verdict(indicator: name, first: i, second: j, better: nil, negligible: negligible, testName: nil, test: nil,
                        probabilityFirstBetter: nil, wins: nil, sentence: "")
        let paired = pairs(i, j)
        let pairing = paired?.pairs
        if let paired, paired.bySeed, paired.pairs.count > 1 {
            var w = (first: 0, second: 0, ties: 0)
            for (a, b) in paired.pairs {
                let g = higher ? xs[a] - ys[b] : ys[b] - xs[a]
                if abs(g) < tol { w.ties += 1 } else if g > 0 { w.first += 1 } else { w.second += 1 }
            }
            v.wins = w
        }
        if self.paired, let pairing, pairing.count > 1, let r = RankTest.wilcoxonSignedRank(pairing.map { xs[$0.0] }, pairing.map { ys[$0.1] }) {
            v.testName = "Wilcoxon signed-rank"
            v.test = r
            v.probabilityFirstBetter = (1 + (higher ? r.effect : -r.effect)) / 2
        } else if xs.count > 1 && ys.count > 1, let r = RankTest.mannWhitney(xs, ys) {
            v.testName = "Mann–Whitney U"
            v.test = r
            v.probabilityFirstBetter = higher ? r.effect : 1 - r.effect
        }
        let medians = xs.count > 1 || ys.count > 1 ? "median \(f(mx)) vs \(f(my))" : "\(f(mx)) vs \(f(my))"
        var stats: [String] = []
        if let r = v.test, let tn = v.testName, let a = v.probabilityFirstBetter {
            stats.append("\(tn) \(r.exact ? "exact " : "")p = \(f(r.p))")
            stats.append("P(\(ni) better) = \(f(a)), \(RankTest.magnitude(a: a))")
        }
        if let w = v.wins {
            stats.append("\(ni) better in \(w.first), \(nj) in \(w.second)\(w.ties > 0 ? ", tied in \(w.ties)" : "") of \(w.first + w.second + w.ties) seeds")
        }
        let detail = ([medians] + stats).joined(separator: "; ")
        let (winner, loser) = gain > 0 ? (ni, nj) : (nj, ni)
        if negligible {
            v.sentence = "\(name): \(ni) and \(nj) tie — the difference \(f(abs(gain))) is below the tolerance \(f(tol)) (\(detail))."
        } else if let r = v.test {
            if r.p < Self.significance {
                v.better = gain > 0 ? i : j
                v.sentence = "\(name): \(winner) is better than \(loser) (\(detail))."
            } else {
                v.sentence = "\(name): no significant difference between \(ni) and \(nj) at the \(f(Self.significance)) level (\(detail))."
            }
        } else {
            v.sentence = "\(name): \(winner) is ahead of \(loser) by \(f(abs(gain))) (\(detail)); with one run on a side there is no test: give repeated runs with --runs for a p-value."
        }
        return v
    }

    /// What the reader must know before trusting the numbers: unequal budgets, different
    /// scenarios, objectives measured in wall time.
    public var warnings: [String] {
        var out: [String] = []
        let budgets = sides.map { $0.runs.compactMap(\.evaluations) }
        if Set(budgets.flatMap { $0 }).count > 1 {
            let words = zip(sides, budgets).map { s, b -> String in
                guard let lo = b.min(), let hi = b.max() else { return "\(s.name) unknown" }
                return "\(s.name) \(lo == hi ? "\(lo)" : "\(lo)–\(hi)")"
            }
            out.append("Unequal budgets (trials per run: \(words.joined(separator: ", "))): more trials find a better front by themselves; compare runs of equal budgets.")
        }
        let scenarios = sides.flatMap { s in s.runs.compactMap { r in r.scenario.map { (r.name, $0) } } }
        if let first = scenarios.first, let other = scenarios.first(where: { $0.1 != first.1 }) {
            out.append("Different scenarios: \(first.0) and \(other.0) were not run on the same problem (evaluator, space or constraints differ), so their fronts may not be measured alike.")
        }
        for o in objectives where MetricUnit(metric: o.metric) == .seconds {
            out.append("\(o.metric) is wall time: it depends on the machine and its load while each run ran, so differences in it can be noise rather than the search.")
        }
        return out
    }

    /// Each objective's best value per side (median over its runs of each run's best), in the
    /// objective's own units: what the normalised indicators mean in the metric itself.
    public var bestValues: [[Double]] {
        sides.map { s in objectives.indices.map { k in
            let o = objectives[k]
            let bests = s.runs.compactMap { r in r.points.map { o.minimized($0[k]) }.min() }
            return o.natural(Spread(bests).median)
        } }
    }

    /// Four significant digits.
    func f(_ v: Double) -> String { v.isFinite ? significant(v, 4) : "-" }
}
