import Hyperfront
import Pareto

/// A comparison of fronts measured on the same objectives: one or more sides, each with one
/// or more runs.
///
/// Every indicator works on minimised objectives (maximised ones negated) scaled with one
/// shared normalisation — from the minimum of each objective over the union of every run of
/// every side, by its range over that union, or by `minimumRelativeRange` (5 %) of the
/// objective's magnitude when the range is smaller — so that no input sets the scale alone
/// and a negligible difference (a range of 0.0001 in an accuracy of 0.95) is not blown up to
/// the whole axis. The hypervolume reference point is 1.1 in each normalised objective. IGD, IGD+ and additive ε
/// are measured against the union front: the non-dominated points of all runs together.
/// Each run is first reduced to its own non-dominated points.
public struct FrontComparison: Sendable {
    public struct Side: Sendable {
        public var name: String
        public var runs: [ComparedFront]
        public init(name: String, runs: [ComparedFront]) {
            self.name = name
            self.runs = runs
        }
    }

    /// One run's indicators (on the normalised objectives).
    public struct Indicators: Sendable {
        public var hypervolume: Double
        public var igd: Double
        public var igdPlus: Double
        public var epsilonAdditive: Double
        public var size: Int
    }

    /// Median, quartiles (linear interpolation between order statistics) and extremes.
    public struct Spread: Sendable {
        public var median: Double
        public var lowerQuartile: Double
        public var upperQuartile: Double
        public var minimum: Double
        public var maximum: Double

        init(_ xs: [Double]) {
            let s = xs.sorted()
            func q(_ p: Double) -> Double {
                guard !s.isEmpty else { return .nan }
                let h = p * Double(s.count - 1)
                let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
                return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
            }
            median = q(0.5)
            lowerQuartile = q(0.25)
            upperQuartile = q(0.75)
            minimum = s.first ?? .nan
            maximum = s.last ?? .nan
        }
    }

    /// Where a side holds the union front: how many of its points, and the range of each
    /// objective (own units) those points span.
    public struct Territory: Sendable {
        public var points: Int
        public var ranges: [(lower: Double, upper: Double)]
    }

    /// One attainment surface of a side, in a pair of objectives (own units).
    public struct Surface: Sendable {
        public var name: String
        public var level: Int
        public var objectives: (Int, Int)
        public var points: [(Double, Double)]
    }

    public let objectives: [Objective]
    public let sides: [Side]
    /// Observed bounds over the union, minimised space.
    public let lower: [Double]
    public let upper: [Double]
    /// The divisor of each objective's normalisation: max(upper − lower, 5 % of max(|lower|, |upper|)).
    public let scale: [Double]
    /// The smallest range, as a share of an objective's magnitude, that normalisation divides by.
    public static let minimumRelativeRange = 0.05
    /// Runs pair by seed and are compared with the Wilcoxon signed-rank test instead of
    /// Mann–Whitney's U.
    public var paired = false
    /// Hypervolume reference point in normalised space.
    public let reference: [Double]
    /// The union front, normalised.
    public let unionFront: [[Double]]
    /// `indicators[side][run]`.
    public let indicators: [[Indicators]]
    /// `coverage[a][b]`: median over run pairs of C(a's run, b's run).
    public let coverage: [[Double]]
    /// Per side: its share of the union front.
    public let territory: [Territory]
    /// Per side (with at least two runs): best/median/worst surfaces per pair of objectives.
    public let surfaces: [[Surface]]

    public enum CompareError: Error, CustomStringConvertible {
        case tooFew
        case mismatch(String, [String], String, [String])
        case empty(String)
        public var description: String {
            switch self {
            case .tooFew: return "compare needs at least two inputs (or two --runs lists)"
            case .mismatch(let a, let oa, let b, let ob):
                return "\(b) has objectives \(ob.joined(separator: ", ")) but \(a) has \(oa.joined(separator: ", ")): compare fronts of the same objectives (same names and directions)"
            case .empty(let p): return "\(p): its front is empty (no feasible points), nothing to compare"
            }
        }
    }

    public init(sides: [Side]) throws(CompareError) {
        guard sides.count >= 2 else { throw .tooFew }
        if sides.contains(where: \.runs.isEmpty) { throw .tooFew }
        let objectives = sides[0].runs[0].objectives
        let describe = { (os: [Objective]) in os.map { "\($0.metric) (\($0.goal.rawValue))" } }
        for s in sides { for r in s.runs {
            if r.objectives != objectives { throw .mismatch(sides[0].runs[0].name, describe(objectives), r.name, describe(r.objectives)) }
            if r.points.isEmpty { throw .empty(r.name) }
        } }
        self.objectives = objectives
        self.sides = sides
        let m = objectives.count
        /// Rows as a flat point set of dimension m (also when there are none).
        func points(_ rows: [[Double]]) -> PointSet { PointSet(values: rows.flatMap { $0 }, dimension: m) }
        // Minimised, non-dominated runs.
        let minimised: [[[[Double]]]] = sides.map { s in s.runs.map { r in
            let rows = r.points.map { p in zip(objectives, p).map { $0.minimized($1) } }
            return NondominatedSorting.nondominatedIndices(PointSet(values: rows.flatMap { $0 }, dimension: m)).map { rows[$0] }
        } }
        var lo = [Double](repeating: .infinity, count: m), hi = [Double](repeating: -.infinity, count: m)
        for s in minimised { for r in s { for p in r { for k in 0..<m { lo[k] = min(lo[k], p[k]); hi[k] = max(hi[k], p[k]) } } } }
        lower = lo
        upper = hi
        reference = [Double](repeating: 1.1, count: m)
        let divisor = (0..<m).map { k in max(hi[k] - lo[k], Self.minimumRelativeRange * max(abs(lo[k]), abs(hi[k]))) }
        self.scale = divisor
        func scale(_ p: [Double]) -> [Double] {
            var out = [Double](repeating: 0, count: m)
            for k in 0..<m where divisor[k] > 0 { out[k] = (p[k] - lo[k]) / divisor[k] }
            return out
        }
        let normalised: [[[[Double]]]] = minimised.map { s in s.map { r in r.map(scale) } }
        let all = normalised.flatMap { $0.flatMap { $0 } }
        let union = NondominatedSorting.nondominatedIndices(points(all)).map { all[$0] }
        unionFront = union
        let ref = reference
        let unionSet = points(union)
        indicators = normalised.map { s in s.map { r in
            let set = points(r)
            return Indicators(hypervolume: ReportHypervolume.value(set, reference: ref),
                              igd: Pareto.Indicators.igd(set, reference: unionSet), igdPlus: Pareto.Indicators.igdPlus(set, reference: unionSet),
                              epsilonAdditive: Pareto.Indicators.additiveEpsilon(set, reference: unionSet), size: r.count)
        } }
        coverage = normalised.map { a in normalised.map { b in
            var xs: [Double] = []
            for ra in a { for rb in b { xs.append(Pareto.Indicators.coverage(points(ra), points(rb))) } }
            return Spread(xs).median
        } }
        // Territory: union-front points each side (pooled runs) contributes.
        var original: [[Double]: [Double]] = [:]
        for (s, ns) in zip(minimised, normalised) { for (r, nr) in zip(s, ns) { for (p, np) in zip(r, nr) { original[np] = p } } }
        let unionMinimised: [[Double]] = union.map { original[$0] ?? $0 }
        territory = normalised.indices.map { si in
            let pool = Set(normalised[si].flatMap { $0 }.map { $0 })
            let owned = union.indices.filter { pool.contains(union[$0]) }
            let ranges = (0..<m).map { k -> (lower: Double, upper: Double) in
                let vs = owned.map { objectives[k].natural(unionMinimised[$0][k]) }
                return (vs.min() ?? .nan, vs.max() ?? .nan)
            }
            return Territory(points: owned.count, ranges: ranges)
        }
        // Attainment surfaces per pair of objectives, for sides with several runs.
        let pairs: [(Int, Int)] = m < 2 ? [] : (0..<m).flatMap { a in ((a + 1)..<m).map { (a, $0) } }
        surfaces = minimised.map { runs in
            guard runs.count >= 2 else { return [] }
            var out: [Surface] = []
            for (a, b) in pairs {
                let projected = runs.map { r in r.map { ($0[a], $0[b]) } }
                for (name, level) in AttainmentSurface.levels(runs: runs.count) {
                    let pts = AttainmentSurface.surface(projected, level: level)
                    out.append(Surface(name: name, level: level, objectives: (a, b),
                                       points: pts.map { (objectives[a].natural($0.0), objectives[b].natural($0.1)) }))
                }
            }
            return out
        }
    }

    /// The spread of one indicator over a side's runs.
    public func spread(side: Int, _ indicator: KeyPath<Indicators, Double>) -> Spread {
        Spread(indicators[side].map { $0[keyPath: indicator] })
    }
}
