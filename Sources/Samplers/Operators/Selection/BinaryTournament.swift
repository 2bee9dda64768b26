import Hyperfront
/// Binary tournament by the crowded-comparison operator of NSGA-II (Deb et al. 2002): the lower
/// front rank wins; on equal rank the larger crowding distance wins; a full tie is decided by a
/// coin. As in Deb's reference code, contestants are paired along random permutations of the
/// population, so every individual takes part in the same number of tournaments.
public struct BinaryTournament: Sendable, Hashable {
    public init() {}

    /// Whether `a` beats `b` by crowded comparison (`nil`: a tie).
    @inlinable
    public static func crowdedWinner(_ a: Int, _ b: Int, ranks: [Int], crowding: [Double]) -> Int? {
        if ranks[a] != ranks[b] { return ranks[a] < ranks[b] ? a : b }
        if crowding[a] != crowding[b] { return crowding[a] > crowding[b] ? a : b }
        return nil
    }

    /// Appends `count` winners (indices into the population) to `winners`.
    /// - Complexity: O(count) draws and comparisons.
    public func select(count: Int, ranks: [Int], crowding: [Double], into winners: inout [Int],
                       using rng: inout some RandomNumberGenerator) {
        let n = ranks.count
        precondition(n >= 1 && crowding.count == n, "tournament needs a ranked population")
        if n == 1 { winners += repeatElement(0, count: count); return }
        var permutation = Array(0..<n)
        var position = n
        func draw(_ rng: inout some RandomNumberGenerator) -> Int {
            if position == n { permutation.shuffle(using: &rng); position = 0 }
            position += 1
            return permutation[position - 1]
        }
        for _ in 0..<count {
            let a = draw(&rng)
            var b = draw(&rng)
            if b == a { b = draw(&rng) }
            if let w = Self.crowdedWinner(a, b, ranks: ranks, crowding: crowding) {
                winners.append(w)
            } else {
                winners.append(rng.nextUnit() < 0.5 ? a : b)
            }
        }
    }
}
