import Foundation
import Testing
@testable import Reports

// Oracle values from scipy 1.17.1: scipy.stats.mannwhitneyu(x, y) and scipy.stats.wilcoxon(x, y)
// with their defaults (two-sided, method "auto"; Mann–Whitney with continuity correction).

private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

@Test func mannWhitneyMatchesScipyExactAndAsymptotic() throws {
    // Exact (no ties, small samples).
    let a = try #require(RankTest.mannWhitney([0.81, 0.83, 0.80, 0.84, 0.82], [0.41, 0.45, 0.40, 0.43, 0.44]))
    #expect(a.statistic == 25 && a.exact && close(a.p, 0.007936507936507936) && a.effect == 1)
    let b = try #require(RankTest.mannWhitney([1.2, 3.4, 2.2, 5.1, 0.7, 4.4], [2.5, 3.9, 6.0, 1.1, 5.5, 4.8, 7.2]))
    #expect(b.statistic == 11 && b.exact && close(b.p, 0.18065268065268064))
    // Ties: normal approximation with tie correction.
    let c = try #require(RankTest.mannWhitney([1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 9], [3, 4, 4, 5, 6, 7, 7, 8, 10, 11, 12, 12, 13]))
    #expect(c.statistic == 43.5 && !c.exact && close(c.p, 0.06348331872727696, 1e-7))
    // Both samples larger than 8: normal approximation.
    let d = try #require(RankTest.mannWhitney((0..<12).map(Double.init), (10..<22).map { Double($0) + 0.5 }))
    #expect(d.statistic == 1 && !d.exact && close(d.p, 4.6948725649538774e-05, 1e-7))
    #expect(RankTest.mannWhitney([], [1]) == nil)
}

@Test func wilcoxonSignedRankMatchesScipy() throws {
    let a = try #require(RankTest.wilcoxonSignedRank([0.81, 0.83, 0.80, 0.84, 0.82], [0.41, 0.44, 0.42, 0.40, 0.45]))
    // Five pairs all one way: the smallest two-sided p five pairs can give.
    #expect(a.statistic == 0 && a.exact && close(a.p, 0.0625) && a.effect == 1)
    let b = try #require(RankTest.wilcoxonSignedRank([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30],
                                                     [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]))
    #expect(b.statistic == 5 && b.exact && close(b.p, 0.0390625))
    // 55 pairs (more than 50): normal approximation with tie correction.
    let x = (0..<55).map { Double(($0 * 37) % 23) }, y = (0..<55).map { Double(($0 * 11) % 19 + 2) }
    let c = try #require(RankTest.wilcoxonSignedRank(x, y))
    #expect(c.statistic == 681 && !c.exact && close(c.p, 0.9418884537053477, 1e-7))
    #expect(RankTest.wilcoxonSignedRank([1, 2], [1]) == nil)
}

@Test func exactUDistributionCountsEveryArrangement() {
    // C(5+5, 5) = 252 arrangements; U = 0 and U = 25 occur once each.
    let counts = RankTest.exactUCounts(5, 5)
    #expect(counts.reduce(0, +) == 252 && counts.count == 26 && counts[0] == 1 && counts[25] == 1)
    #expect(counts == counts.reversed())
    #expect(RankTest.magnitude(a: 0.5) == "negligible" && RankTest.magnitude(a: 1) == "large" && RankTest.magnitude(a: 0.40) == "small")
}
