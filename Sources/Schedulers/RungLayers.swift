import Pareto

/// The trials at one rung kept in constrained non-dominated layers as they arrive, so that a
/// promotion decision searches the layers instead of sorting the whole rung.
///
/// Feasible members (violation ≤ 0) sit in Pareto layers: layer 0 is the non-dominated set,
/// layer `k+1` what is non-dominated once layers `0…k` are removed, which are exactly the ranks
/// of `NondominatedSorting`. Inserting a point `p` cannot lower any rank and raises a rank by at
/// most one: `p` joins the first layer holding none of its dominators (a binary search, since a
/// dominator in layer `k` implies one in every layer above), the members of that layer it
/// dominates move one layer down, then the members of the next layer those dominate, and so on
/// (the insertion step of dynamic layers of maxima; cf. Fang et al. 2008, "A novel
/// non-dominated sorting algorithm for evolutionary multi-objective optimization", J. Comput.
/// Inf. Syst. 4(6), for the same cascade). Infeasible members are kept sorted by violation
/// (Deb's rules: equal violations share a rank).
///
/// `isPromoted` gives the same answer as `RungRanking.isPromoted` over the same members
/// (non-finite values compare as worse than every finite one; crowding is computed on the
/// candidate's layer with the same replacement values, members in the order they entered the
/// rung).
struct RungLayers {
    let dimension: Int
    /// Per member: minimised values (non-finite → +∞), violation (NaN → +∞), trial number,
    /// position in the rung's arrival order, and layer (feasible members) or −1.
    private var values: [Double] = []
    private var violations: [Double] = []
    private(set) var numbers: [Int] = []
    private var positions: [Int] = []
    private var layerOf: [Int] = []
    private var layers: [[Int]] = []
    private var feasibleCount = 0
    /// Infeasible members as (violation, number), sorted.
    private var infeasible: [(Double, Int)] = []
    /// Per objective, the smallest and largest finite value seen.
    private var low: [Double]
    private var high: [Double]
    /// Highest trial number inserted (−1 when empty).
    private(set) var maxNumber = -1

    init(dimension: Int) {
        precondition(dimension > 0)
        self.dimension = dimension
        low = [Double](repeating: .infinity, count: dimension)
        high = [Double](repeating: -.infinity, count: dimension)
    }

    var count: Int { numbers.count }

    /// Adds a member; returns its index.
    /// - Complexity: O(log L · W · d) to find its layer (L layers of at most W members), plus
    ///   the cascade of the members it pushes down.
    @discardableResult
    mutating func insert(_ point: some Collection<Double>, violation: Double, number: Int, position: Int) -> Int {
        precondition(point.count == dimension)
        let id = numbers.count
        var k = 0
        for x in point {
            if x.isFinite { low[k] = min(low[k], x); high[k] = max(high[k], x); values.append(x) } else { values.append(.infinity) }
            k += 1
        }
        let v = violation.isNaN ? Double.infinity : violation
        violations.append(v)
        numbers.append(number)
        positions.append(position)
        maxNumber = max(maxNumber, number)
        guard v <= 0 else {
            layerOf.append(-1)
            let key = (v, number)
            var lo = 0, hi = infeasible.count
            while lo < hi { let mid = (lo + hi) / 2; if infeasible[mid] < key { lo = mid + 1 } else { hi = mid } }
            infeasible.insert(key, at: lo)
            return id
        }
        layerOf.append(0)
        feasibleCount += 1
        var lo = 0, hi = layers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if layers[mid].contains(where: { dominates($0, id) }) { lo = mid + 1 } else { hi = mid }
        }
        var moving = [id]
        var layer = lo
        while !moving.isEmpty {
            if layer == layers.count { layers.append([]) }
            var stay: [Int] = [], pushed: [Int] = []
            for m in layers[layer] {
                if moving.contains(where: { dominates($0, m) }) { pushed.append(m) } else { stay.append(m) }
            }
            for m in moving { layerOf[m] = layer }
            stay.append(contentsOf: moving)
            layers[layer] = stay
            moving = pushed
            layer += 1
        }
        return id
    }

    /// Whether member `c` is among the first `quota` members in `RungRanking` order.
    func isPromoted(_ c: Int, quota: Int, diversity: RungRanking.Diversity) -> Bool {
        if quota >= count { return true }
        if quota <= 0 { return false }
        let vc = violations[c]
        if vc > 0 {
            // Behind every feasible member and every smaller violation; equal violations by number.
            let key = (vc, numbers[c])
            var lo = 0, hi = infeasible.count
            while lo < hi { let mid = (lo + hi) / 2; if infeasible[mid] < key { lo = mid + 1 } else { hi = mid } }
            return feasibleCount + lo < quota
        }
        let l = layerOf[c]
        var ahead = 0
        for k in 0..<l { ahead += layers[k].count }
        if ahead >= quota { return false }
        if ahead + layers[l].count <= quota { return true }
        let front = layers[l].sorted { positions[$0] < positions[$1] }
        // The quota cuts through this layer: order it as the rung ranking would.
        let d = dimension
        var worse = [Double](repeating: 0, count: d)
        for k in 0..<d { worse[k] = high[k].isFinite ? high[k] + max(high[k] - low[k], 1) : 0 }
        var sub: [Double] = []
        sub.reserveCapacity(front.count * d)
        for m in front {
            for k in 0..<d { let x = values[m * d + k]; sub.append(x.isFinite ? x : worse[k]) }
        }
        let order = RungRanking.orderFront(Array(front.indices), points: PointSet(values: sub, dimension: d),
                                           numbers: front.map { numbers[$0] }, feasible: true, diversity: diversity)
        let i = front.firstIndex(of: c)!
        return order.firstIndex(of: i)! < quota - ahead
    }

    /// Layer of each member (−1 for infeasible ones), for tests.
    var layerIndices: [Int] { layerOf }

    /// Pareto dominance of member `a` over member `b` (minimisation).
    @inline(__always)
    private func dominates(_ a: Int, _ b: Int) -> Bool {
        let d = dimension
        var better = false
        for k in 0..<d {
            let x = values[a * d + k], y = values[b * d + k]
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }
}
