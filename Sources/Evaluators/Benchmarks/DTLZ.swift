import Foundation

/// The DTLZ test problems (Deb, Thiele, Laumanns & Zitzler 2002, "Scalable multi-objective
/// optimization test problems", CEC 2002), M objectives, minimised, n = M + k − 1 variables.
public enum DTLZ {
    /// Writes f1…fM of problem `number` (1…7) at `x` into `f` (M = `f.count`).
    /// - Complexity: O(n + M²).
    @inlinable
    public static func evaluate(_ number: Int, _ x: UnsafeBufferPointer<Double>, into f: UnsafeMutableBufferPointer<Double>) {
        let m = f.count, n = x.count
        let start = m - 1   // first distance variable
        let k = n - start
        var g = 0.0
        switch number {
        case 1, 3:
            for i in start..<n { let d = x[i] - 0.5; g += d * d - cos(20 * Double.pi * d) }
            g = 100 * (Double(k) + g)
        case 6:
            for i in start..<n { g += pow(x[i], 0.1) }
        case 7:
            for i in start..<n { g += x[i] }
            g = 1 + 9 * g / Double(k)
        default:
            for i in start..<n { let d = x[i] - 0.5; g += d * d }
        }
        switch number {
        case 1:
            for i in 0..<m {
                var v = 0.5 * (1 + g)
                for j in 0..<(m - 1 - i) { v *= x[j] }
                if i > 0 { v *= 1 - x[m - 1 - i] }
                f[i] = v
            }
        case 7:
            var h = Double(m)
            for i in 0..<(m - 1) {
                f[i] = x[i]
                h -= x[i] / (1 + g) * (1 + sin(3 * Double.pi * x[i]))
            }
            f[m - 1] = (1 + g) * h
        default:
            // Spherical family: angle of position variable j.
            @inline(__always) func theta(_ j: Int) -> Double {
                switch number {
                case 4: return pow(x[j], 100) * Double.pi / 2
                case 5, 6: return j == 0 ? x[0] * Double.pi / 2 : Double.pi / (4 * (1 + g)) * (1 + 2 * g * x[j])
                default: return x[j] * Double.pi / 2
                }
            }
            for i in 0..<m {
                var v = 1 + g
                for j in 0..<(m - 1 - i) { v *= cos(theta(j)) }
                if i > 0 { v *= sin(theta(m - 1 - i)) }
                f[i] = v
            }
        }
    }

    /// The Das & Dennis (1998) simplex lattice: every weight vector of `m` entries in
    /// {0, 1/h, …, 1} summing to 1.
    public static func simplexLattice(objectives m: Int, divisions h: Int) -> [[Double]] {
        var out: [[Double]] = []
        var w = [Int](repeating: 0, count: m)
        func fill(_ i: Int, _ left: Int) {
            if i == m - 1 { w[i] = left; out.append(w.map { Double($0) / Double(h) }); return }
            for v in stride(from: left, through: 0, by: -1) { w[i] = v; fill(i + 1, left - v) }
        }
        fill(0, h)
        return out
    }
}
