import Pareto

/// (μ + λ) elitist survival of NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, "A fast and
/// elitist multiobjective genetic algorithm: NSGA-II", IEEE TEC 6(2)): the merged parents and
/// children are sorted into fronts by constrained non-dominated rank (Deb's feasibility rules);
/// whole fronts survive while they fit, and the front that does not fit is cut by crowding
/// distance — by default with `CrowdingPruning` (the most crowded point removed one at a time,
/// distances updated after each removal), or, with `pruning: false`, as in the original
/// paper: one crowding computation, largest distances kept (ties: earlier index first).
public struct RankAndCrowdingSurvival: Sendable, Hashable {
    /// Number of survivors (μ).
    public let size: Int
    /// Whether the last front is cut by iterative crowding pruning.
    public let pruning: Bool

    /// - Precondition: `size >= 1`.
    public init(size: Int, pruning: Bool = true) {
        precondition(size >= 1, "survival size must be at least 1")
        self.size = size
        self.pruning = pruning
    }

    /// The survivors of a merged population, with the rank and crowding distance the selection
    /// uses (crowding measured within each point's whole front).
    public struct Survivors: Sendable, Equatable {
        /// Indices into the merged population, best front first.
        public var indices: [Int]
        /// 0-based constrained front rank of each survivor.
        public var ranks: [Int]
        /// Crowding distance of each survivor (+infinity at a front's extremes).
        public var crowding: [Double]
    }

    /// Picks `min(size, points.count)` survivors.
    /// - Parameters:
    ///   - points: minimised objective values of the merged population.
    ///   - violations: total constraint violation per point (0 = feasible).
    /// - Complexity: one constrained non-dominated sort plus O(M N log N) for the crowding.
    public func select(_ points: PointSet, violations: [Double]) -> Survivors {
        // With every point feasible, the constrained ranks are the plain ones (no copy of the
        // feasible subset needed).
        let ranks = violations.allSatisfy({ $0 <= 0 }) ? NondominatedSorting.ranks(points)
                                                        : NondominatedSorting.ranks(points, violations: violations)
        let fronts = NondominatedSorting.fronts(fromRanks: ranks)
        var out = Survivors(indices: [], ranks: [], crowding: [])
        out.indices.reserveCapacity(size)
        out.ranks.reserveCapacity(size)
        out.crowding.reserveCapacity(size)
        for (r, front) in fronts.enumerated() where out.indices.count < size {
            let room = size - out.indices.count
            if pruning && front.count > room {
                let (kept, crowd) = CrowdingPruning.prune(points, front: front, keep: room)
                out.indices += kept.map { front[$0] }
                out.ranks += repeatElement(r, count: kept.count)
                out.crowding += crowd
                continue
            }
            let crowd = Self.crowding(points, front: front)
            if front.count <= room {
                out.indices += front
                out.ranks += repeatElement(r, count: front.count)
                out.crowding += crowd
            } else {
                let order = front.indices.sorted { crowd[$0] > crowd[$1] || (crowd[$0] == crowd[$1] && $0 < $1) }
                for k in order.prefix(room) {
                    out.indices.append(front[k])
                    out.ranks.append(r)
                    out.crowding.append(crowd[k])
                }
            }
        }
        return out
    }

    /// Crowding distances of one front; points with non-finite objectives (failed trials) get 0.
    static func crowding(_ points: PointSet, front: [Int]) -> [Double] {
        CrowdingDistance.distances(points, front: front).map { $0.isNaN ? 0 : $0 }
    }
}
