/// Solves deployment sizing exactly by branch and bound over the reduced candidates
/// (`SizingProblem.reducedCandidates`, which keep an optimum). Candidates are branched in order of decreasing score; a subtree is cut when
/// its bound — each target's best fitting score among the candidates still to come, or its
/// current one — cannot beat the incumbent (covered targets first, then score).
///
/// The pure-Swift twin of `MILPSizingSolver` (GLPK): same model, same optimum; a test oracle
/// and a fallback where GLPK is not wanted.
public struct ExhaustiveSizingSolver: SizingSolver {
    public init() {}

    /// - Complexity: O(C·T) for the reductions; the search is exponential in K over the
    ///   reduced candidates (at most 2^T of them) in the worst case.
    public func solve(_ p: SizingProblem) -> SizingSolution {
        let T = p.fits.count
        let pool = p.reducedCandidates()
        // suffixBest[i][t]: best score among pool[i...] fitting t (-inf when none).
        var suffixBest = [[Double]](repeating: [Double](repeating: -.infinity, count: T), count: pool.count + 1)
        for i in stride(from: pool.count - 1, through: 0, by: -1) {
            for t in 0..<T {
                suffixBest[i][t] = p.fits[t][pool[i]] ? max(suffixBest[i + 1][t], p.candidates[pool[i]].score) : suffixBest[i + 1][t]
            }
        }
        var best = p.assign([])
        var bestValue = p.value(best)
        var chosen: [Int] = []

        func better(_ a: (covered: Int, score: Double), than b: (covered: Int, score: Double)) -> Bool {
            a.covered > b.covered || (a.covered == b.covered && a.score > b.score)
        }
        func search(_ i: Int) {
            let current = p.assign(chosen)
            let v = p.value(current)
            if better(v, than: bestValue) { best = current; bestValue = v }
            if chosen.count == p.maxModels || i == pool.count { return }
            // Bound.
            var bc = 0, bs = 0.0
            for t in 0..<T {
                let cur = current[t].map { p.candidates[$0].score } ?? -.infinity
                let top = max(cur, suffixBest[i][t])
                if top > -.infinity { bc += 1; bs += p.weights[t] * top }
            }
            if !better((bc, bs), than: bestValue) { return }
            for j in i..<pool.count {
                chosen.append(pool[j])
                search(j + 1)
                chosen.removeLast()
            }
        }
        search(0)
        return SizingSolution(assignment: best)
    }
}
