import Pareto

/// The non-dominated subset of a point set (minimisation), by a lexicographic sweep: after
/// sorting, a point can only be dominated by one that comes before it, so each point is
/// checked against the non-dominated points kept so far (Kung, Luccio & Preparata 1975,
/// the simple "sort and filter" variant). Identical points are all kept, as in
/// `NondominatedSorting.nondominatedIndices`.
///
/// Kept inside Reports until the Pareto module's fast kernels are merged; then
/// `NondominatedSorting.nondominatedIndices` replaces it.
enum FrontFilter {
    /// Indices of the non-dominated points, ascending.
    /// - Complexity: O(N log N + N·F·M) for N points, F of them non-dominated, M objectives.
    static func nondominated(_ points: PointSet) -> [Int] {
        let n = points.count, d = points.dimension
        if n == 0 { return [] }
        let v = points.values
        let order = (0..<n).sorted { a, b in
            for k in 0..<d where v[a * d + k] != v[b * d + k] { return v[a * d + k] < v[b * d + k] }
            return a < b
        }
        var kept: [Int] = []
        for i in order {
            var dominated = false
            for j in kept.reversed() {
                var worse = false, better = false
                for k in 0..<d {
                    let a = v[j * d + k], b = v[i * d + k]
                    if a > b { better = true; break }
                    if a < b { worse = true }
                }
                if !better && worse { dominated = true; break }
            }
            if !dominated { kept.append(i) }
        }
        return kept.sorted()
    }
}
