import Foundation

/// The ZDT test problems (Zitzler, Deb & Thiele 2000, "Comparison of multiobjective
/// evolutionary algorithms: empirical results", Evolutionary Computation 8(2), 173–195):
/// two objectives, minimised, n variables.
public enum ZDT {
    /// Writes f1, f2 of problem `number` (1, 2, 3, 4 or 6) at `x` into `f`.
    /// - Complexity: O(n).
    @inlinable
    public static func evaluate(_ number: Int, _ x: UnsafeBufferPointer<Double>, into f: UnsafeMutableBufferPointer<Double>) {
        let n = x.count
        let x1 = x[0]
        switch number {
        case 4:
            var s = 0.0
            for i in 1..<n { s += x[i] * x[i] - 10 * cos(4 * Double.pi * x[i]) }
            let g = 1 + 10 * Double(n - 1) + s
            f[0] = x1
            f[1] = g * (1 - (x1 / g).squareRoot())
        case 6:
            let s6 = sin(6 * Double.pi * x1)
            let f1 = 1 - exp(-4 * x1) * pow(s6, 6)
            var s = 0.0
            for i in 1..<n { s += x[i] }
            let g = 1 + 9 * pow(s / Double(n - 1), 0.25)
            f[0] = f1
            f[1] = g * (1 - (f1 / g) * (f1 / g))
        default:
            var s = 0.0
            for i in 1..<n { s += x[i] }
            let g = 1 + 9 * s / Double(n - 1)
            let h: Double
            switch number {
            case 2: h = 1 - (x1 / g) * (x1 / g)
            case 3: h = 1 - (x1 / g).squareRoot() - (x1 / g) * sin(10 * Double.pi * x1)
            default: h = 1 - (x1 / g).squareRoot()
            }
            f[0] = x1
            f[1] = g * h
        }
    }

    /// The five disconnected pieces of ZDT3's Pareto-optimal f1 range.
    public static let zdt3Regions: [(Double, Double)] = [
        (0, 0.0830015349), (0.1822287280, 0.2577623634), (0.4093136748, 0.4538821041),
        (0.6183967944, 0.6525117038), (0.8233317983, 0.8518328654),
    ]

    /// About `points` points of the true Pareto front of problem `number`, by increasing f1.
    public static func front(_ number: Int, points: Int) -> [[Double]] {
        let n = Swift.max(points, 2)
        func line(_ lo: Double, _ hi: Double, _ k: Int) -> [Double] {
            (0..<k).map { lo + (hi - lo) * Double($0) / Double(Swift.max(k - 1, 1)) }
        }
        switch number {
        case 2: return line(0, 1, n).map { [$0, 1 - $0 * $0] }
        case 3:
            let per = Swift.max(n / zdt3Regions.count, 2)
            return zdt3Regions.flatMap { r in
                line(r.0, r.1, per).map { [$0, 1 - $0.squareRoot() - $0 * sin(10 * Double.pi * $0)] }
            }
        case 6: return line(0.2807753191, 1, n).map { [$0, 1 - $0 * $0] }
        default: return line(0, 1, n).map { [$0, 1 - $0.squareRoot()] }
        }
    }
}
