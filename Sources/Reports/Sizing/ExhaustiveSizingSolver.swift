/// Solves deployment sizing exactly by branch and bound over candidate subsets, after two
/// reductions that keep an optimum: only the best candidate of each fit signature (the set
/// of targets it fits) matters, and a signature contained in another's with no better score
/// is dropped. Candidates are branched in order of decreasing score; a subtree is cut when
/// its bound — each target's best fitting score among the candidates still to come, or its
/// current one — cannot beat the incumbent (covered targets first, then score).
///
/// Stands in for the GLPK integer program until that wrapper is merged: same model, same answers.
public struct ExhaustiveSizingSolver: SizingSolver {
    public init() {}

    /// - Complexity: O(C·T) for the reductions; the search is exponential in K over the
    ///   reduced candidates (at most 2^T of them) in the worst case.
    public func solve(_ p: SizingProblem) -> SizingSolution {
        let T = p.fits.count
        // Best candidate per signature.
        var bySignature: [[Bool]: Int] = [:]
        for c in p.candidates.indices {
            let sig = (0..<T).map { p.fits[$0][c] }
            if !sig.contains(true) { continue }
            if let b = bySignature[sig] {
                let (sc, sb) = (p.candidates[c].score, p.candidates[b].score)
                if sc > sb || (sc == sb && p.candidates[c].trial < p.candidates[b].trial) { bySignature[sig] = c }
            } else { bySignature[sig] = c }
        }
        var pool = bySignature.values.sorted { a, b in
            let (sa, sb) = (p.candidates[a].score, p.candidates[b].score)
            return sa > sb || (sa == sb && p.candidates[a].trial < p.candidates[b].trial)
        }
        // Drop c when an earlier (better or equal) candidate fits every target c fits.
        pool = pool.enumerated().filter { k, c in
            !pool[..<k].contains { d in (0..<T).allSatisfy { !p.fits[$0][c] || p.fits[$0][d] } }
        }.map(\.1)
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
