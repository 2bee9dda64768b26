import Foundation

/// Two-sided rank tests of two samples: the Mann–Whitney U test (independent samples) and
/// the Wilcoxon signed-rank test (paired samples), with exact p-values for small samples
/// without ties and the normal approximation (with tie correction) otherwise — the choices
/// scipy.stats makes by default (`mannwhitneyu`, `wilcoxon`, method "auto").
///
/// Mann, H. B. & Whitney, D. R. (1947), "On a test of whether one of two random variables is
/// stochastically larger than the other", Ann. Math. Statist. 18(1). Wilcoxon, F. (1945),
/// "Individual comparisons by ranking methods", Biometrics Bulletin 1(6). Effect sizes:
/// Vargha, A. & Delaney, H. D. (2000), "A critique and improvement of the CL common language
/// effect size statistics of McGraw and Wong", J. Educ. Behav. Statist. 25(2); Kerby, D. S.
/// (2014), "The simple difference formula", Comprehensive Psychology 3.
public enum RankTest {
    /// One test's outcome.
    public struct Result: Sendable, Equatable {
        /// U of the first sample (Mann–Whitney) or the smaller of the signed-rank sums (Wilcoxon).
        public var statistic: Double
        /// Two-sided p-value.
        public var p: Double
        /// Whether `p` is exact (else the normal approximation).
        public var exact: Bool
        /// Vargha–Delaney A (Mann–Whitney: P(x > y) + P(x = y)/2), or the matched-pairs
        /// rank-biserial correlation in [-1, 1] (Wilcoxon: positive when x tends to exceed y).
        public var effect: Double
    }

    /// Mid-ranks (1-based) of `values`, and the sizes of the groups of ties.
    /// - Complexity: O(n log n).
    static func ranks(_ values: [Double]) -> (ranks: [Double], ties: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var r = [Double](repeating: 0, count: values.count), ties: [Int] = []
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let mid = Double(i + j + 2) / 2
            for k in i...j { r[order[k]] = mid }
            if j > i { ties.append(j - i + 1) }
            i = j + 1
        }
        return (r, ties)
    }

    /// Upper tail of the standard normal distribution.
    static func normalSurvival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// Mann–Whitney U test of `x` against `y`, two-sided. Exact when a sample has at most 8
    /// values and there are no ties; otherwise the normal approximation with tie and
    /// continuity correction.
    /// - Complexity: O(n log n) plus O(m·n·(m·n)) for the exact distribution.
    public static func mannWhitney(_ x: [Double], _ y: [Double]) -> Result? {
        let m = x.count, n = y.count
        guard m > 0, n > 0 else { return nil }
        let (r, ties) = ranks(x + y)
        let rx = r[0..<m].reduce(0, +)
        let u1 = rx - Double(m * (m + 1)) / 2
        let mn = Double(m * n)
        let u2 = mn - u1
        let effect = u1 / mn
        let big = max(u1, u2)
        if ties.isEmpty && (m <= 8 || n <= 8) {
            // Counts of U = u over all arrangements: c(m, n, u) = c(m-1, n, u-n) + c(m, n-1, u).
            let counts = exactUCounts(m, n)
            let total = counts.reduce(0, +)
            let k = Int(big.rounded())
            let upper = counts[k...].reduce(0, +)
            return Result(statistic: u1, p: min(1, 2 * upper / total), exact: true, effect: effect)
        }
        let total = Double(m + n)
        let tieTerm = ties.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / (total * (total - 1))
        let variance = mn / 12 * ((total + 1) - tieTerm)
        guard variance > 0 else { return Result(statistic: u1, p: 1, exact: false, effect: effect) }
        let z = (big - mn / 2 - 0.5) / variance.squareRoot()
        return Result(statistic: u1, p: min(1, max(0, 2 * normalSurvival(z))), exact: false, effect: effect)
    }

    /// How many of the C(m+n, m) arrangements give each U = 0 … m·n.
    static func exactUCounts(_ m: Int, _ n: Int) -> [Double] {
        // table[j][u] for samples (i, j), built up over i.
        var prev = (0...n).map { _ in [1.0] } // i = 0: U is 0.
        if m == 0 { return prev[n] }
        for i in 1...m {
            var cur: [[Double]] = []
            for j in 0...n {
                var row = [Double](repeating: 0, count: i * j + 1)
                // Largest value from the first sample: it beats all j of the second.
                for (u, c) in prev[j].enumerated() where u + j < row.count { row[u + j] += c }
                // Largest value from the second sample.
                if j > 0 { for (u, c) in cur[j - 1].enumerated() { row[u] += c } }
                cur.append(row)
            }
            prev = cur
        }
        return prev[n]
    }

    /// Wilcoxon signed-rank test of the pairs (`x[i]`, `y[i]`), two-sided; zero differences are
    /// dropped. Exact when at most 50 pairs remain and no |difference| ties; otherwise the
    /// normal approximation with tie correction (no continuity correction; scipy would use a
    /// permutation test for small tied samples). Nil when the samples differ in length.
    /// - Complexity: O(n log n) plus O(n³) for the exact distribution.
    public static func wilcoxonSignedRank(_ x: [Double], _ y: [Double]) -> Result? {
        guard x.count == y.count else { return nil }
        let d = zip(x, y).map { $0 - $1 }.filter { $0 != 0 }
        let n = d.count
        guard n > 0 else { return Result(statistic: 0, p: 1, exact: true, effect: 0) }
        let (r, ties) = ranks(d.map(abs))
        let plus = zip(d, r).filter { $0.0 > 0 }.reduce(0) { $0 + $1.1 }
        let minus = zip(d, r).filter { $0.0 < 0 }.reduce(0) { $0 + $1.1 }
        let t = min(plus, minus)
        let effect = (plus - minus) / (plus + minus)
        if ties.isEmpty && n <= 50 {
            let maxSum = n * (n + 1) / 2
            var counts = [Double](repeating: 0, count: maxSum + 1)
            counts[0] = 1
            for k in 1...n { for s in stride(from: maxSum, through: k, by: -1) { counts[s] += counts[s - k] } }
            let lower = counts[0...Int(t.rounded())].reduce(0, +)
            return Result(statistic: t, p: min(1, 2 * lower / pow(2, Double(n))), exact: true, effect: effect)
        }
        let nn = Double(n)
        let variance = nn * (nn + 1) * (2 * nn + 1) / 24 - ties.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / 48
        guard variance > 0 else { return Result(statistic: t, p: 1, exact: false, effect: effect) }
        let z = (t - nn * (nn + 1) / 4) / variance.squareRoot()
        return Result(statistic: t, p: min(1, 2 * normalSurvival(abs(z))), exact: false, effect: effect)
    }

    /// Vargha–Delaney's magnitude of an A value: negligible (|A − ½| < 0.06), small (< 0.14),
    /// medium (< 0.21), large.
    public static func magnitude(a: Double) -> String {
        let d = abs(a - 0.5)
        return d < 0.06 ? "negligible" : d < 0.14 ? "small" : d < 0.21 ? "medium" : "large"
    }
}
