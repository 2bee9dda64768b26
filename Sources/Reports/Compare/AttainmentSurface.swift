/// Empirical attainment surfaces in two objectives (minimisation): the t-th surface bounds
/// the region weakly dominated by at least t of the k runs (Grunert da Fonseca, Fonseca &
/// Hall 2001; the 2-D sweep of Fonseca, Guerreiro, López-Ibáñez & Paquete 2011, EMO).
enum AttainmentSurface {
    /// The minimal points of the `level`-th attainment surface (1 ≤ level ≤ runs.count),
    /// sorted by the first objective.
    /// - Complexity: O(N log N + N·k log k) for N points over k runs.
    static func surface(_ runs: [[(Double, Double)]], level: Int) -> [(Double, Double)] {
        let k = runs.count
        precondition(level >= 1 && level <= k)
        var events: [(x: Double, y: Double, run: Int)] = []
        for (r, pts) in runs.enumerated() { for p in pts { events.append((p.0, p.1, r)) } }
        events.sort { $0.x < $1.x || ($0.x == $1.x && $0.y < $1.y) }
        var best = [Double](repeating: .infinity, count: k)
        var out: [(Double, Double)] = []
        var i = 0
        while i < events.count {
            let x = events[i].x
            while i < events.count && events[i].x == x {
                best[events[i].run] = min(best[events[i].run], events[i].y)
                i += 1
            }
            let y = best.sorted()[level - 1]
            if y.isFinite && (out.last.map { y < $0.1 } ?? true) { out.append((x, y)) }
        }
        return out
    }

    /// The levels shown: best (1), median (⌈k/2⌉) and worst (k), without repeats.
    static func levels(runs k: Int) -> [(name: String, level: Int)] {
        var out: [(String, Int)] = [("best", 1)]
        let median = (k + 1) / 2
        if median != 1 { out.append(("median", median)) }
        if k != median && k != 1 { out.append(("worst", k)) }
        return out
    }
}
