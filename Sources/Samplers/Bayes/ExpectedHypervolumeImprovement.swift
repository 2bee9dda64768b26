import Foundation

/// The expected hypervolume improvement of a point with independent Gaussian objectives over
/// a front, exact for any number of objectives through a box decomposition of the
/// non-dominated region (`NondominatedBoxes`), returned as its logarithm (log-EHVI): where
/// the improvement is so unlikely that it underflows, the sum is recomputed in log space, so
/// candidates far from the front still rank by how far they are. (Emmerich, Giannakoglou &
/// Naujoks 2006 for EHVI; Yang et al. 2019 for its box form; Ament et al. 2023, "Unexpected
/// Improvements to Expected Improvement", for computing it in log space; Daulton, Balandat &
/// Bakshy 2020/2021 for (q)EHVI/NEHVI in BoTorch.)
///
/// Per box and objective, E[(u − max(l, Y))⁺] = ψ(u) − ψ(l) with ψ(c) = E[(c − Y)⁺] =
/// σ·h((c − μ)/σ), h(z) = φ(z) + z·Φ(z), and ψ(−∞) = 0.
struct ExpectedHypervolumeImprovement: Sendable {
    let dimension: Int
    /// The distinct bounds per objective; boxes refer to them by index (−1: −∞).
    private var grid: [[Double]]
    private var lowerIndex: [Int32] = []
    private var upperIndex: [Int32] = []
    let boxCount: Int

    init(_ boxes: NondominatedBoxes) {
        let m = boxes.dimension
        dimension = m
        var grid = [[Double]](repeating: [], count: m)
        for t in 0..<m {
            var values: [Double] = []
            for b in 0..<boxes.count {
                values.append(boxes.upper[b * m + t])
                let l = boxes.lower[b * m + t]
                if l.isFinite { values.append(l) }
            }
            grid[t] = Array(Set(values)).sorted()
        }
        self.grid = grid
        boxCount = boxes.count
        var li: [Int32] = [], ui: [Int32] = []
        li.reserveCapacity(boxes.lower.count); ui.reserveCapacity(boxes.upper.count)
        for b in 0..<boxes.count {
            for t in 0..<m {
                let l = boxes.lower[b * m + t], u = boxes.upper[b * m + t]
                li.append(l.isFinite ? Int32(Self.index(of: l, in: grid[t])) : -1)
                ui.append(Int32(Self.index(of: u, in: grid[t])))
            }
        }
        lowerIndex = li
        upperIndex = ui
    }

    private static func index(of v: Double, in sorted: [Double]) -> Int {
        var lo = 0, hi = sorted.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// log EHVI at objectives with means `mean` and standard deviations `sd` (−∞ when no box
    /// can improve).
    /// - Complexity: O(boxes · m) plus O(grid) evaluations of h.
    func logValue(mean: [Double], sd: [Double]) -> Double {
        let m = dimension
        // Linear pass.
        var psi = [[Double]](repeating: [], count: m)
        for t in 0..<m {
            let s = max(sd[t], 1e-12), mu = mean[t]
            psi[t] = grid[t].map { s * NormalFunctions.h(($0 - mu) / s) }
        }
        var total = 0.0
        for b in 0..<boxCount {
            var v = 1.0
            for t in 0..<m {
                let u = psi[t][Int(upperIndex[b * m + t])]
                let li = Int(lowerIndex[b * m + t])
                v *= li < 0 ? u : u - psi[t][li]
            }
            total += max(v, 0)
        }
        if total > 1e-250 { return Foundation.log(total) }
        // Log pass: log(ψ(u) − ψ(l)) = log ψ(u) + log(1 − exp(log ψ(l) − log ψ(u))).
        var logPsi = [[Double]](repeating: [], count: m)
        for t in 0..<m {
            let s = max(sd[t], 1e-12), mu = mean[t], ls = Foundation.log(s)
            logPsi[t] = grid[t].map { ls + NormalFunctions.logH(($0 - mu) / s) }
        }
        var terms: [Double] = []
        terms.reserveCapacity(boxCount)
        var largest = -Double.infinity
        for b in 0..<boxCount {
            var v = 0.0
            for t in 0..<m {
                let u = logPsi[t][Int(upperIndex[b * m + t])]
                let li = Int(lowerIndex[b * m + t])
                if li >= 0 {
                    let l = logPsi[t][li]
                    v += l < u ? u + NormalFunctions.log1mexp(l - u) : -.infinity
                } else {
                    v += u
                }
            }
            if v > -.infinity { terms.append(v); largest = max(largest, v) }
        }
        guard largest > -.infinity else { return -.infinity }
        return largest + Foundation.log(terms.reduce(0) { $0 + Foundation.exp($1 - largest) })
    }
}
