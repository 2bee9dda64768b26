extension SizingProblem {
    /// Candidates that keep an optimum, best first: only the best candidate of each fit
    /// signature (the set of targets it fits) can matter, and one whose signature is
    /// contained in an earlier (no worse) candidate's can be swapped for it at no loss.
    /// Candidates that fit no target are dropped. Ties go to the smaller trial number.
    /// - Complexity: O(C·T + R²·T) for C candidates, T targets and R distinct signatures.
    public func reducedCandidates() -> [Int] {
        let T = fits.count
        var bySignature: [[Bool]: Int] = [:]
        for c in candidates.indices {
            let sig = (0..<T).map { fits[$0][c] }
            if !sig.contains(true) { continue }
            if let b = bySignature[sig] { if precedes(c, b) { bySignature[sig] = c } } else { bySignature[sig] = c }
        }
        let pool = bySignature.values.sorted { precedes($0, $1) }
        return pool.enumerated().filter { k, c in
            !pool[..<k].contains { d in (0..<T).allSatisfy { !fits[$0][c] || fits[$0][d] } }
        }.map(\.1)
    }

    /// Higher score first, then the smaller trial number.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let (sa, sb) = (candidates[a].score, candidates[b].score)
        return sa > sb || (sa == sb && candidates[a].trial < candidates[b].trial)
    }
}
