import Foundation
import LinearAlgebra

/// A Gaussian-process regression model with a Matérn-5/2 kernel with automatic relevance
/// determination, on features in [0, 1] (categorical features compared by equality), with a
/// constant mean and Gaussian noise; targets are standardised (mean 0, variance 1) before
/// fitting. (Rasmussen & Williams, "Gaussian Processes for Machine Learning", MIT Press 2006,
/// Algorithm 2.1 and eq. 4.17.)
///
/// k(x, x′) = s · (1 + √5·r + 5r²/3) · exp(−√5·r),  r² = Σⱼ λⱼ · dⱼ(x, x′)²,
/// with dⱼ the difference of numeric features and 0/1 for categorical ones, λⱼ the inverse
/// squared length scales, s the kernel scale, plus noise variance on the diagonal.
public struct GaussianProcess: Sendable {
    /// Kernel hyperparameters.
    public struct Hyperparameters: Sendable, Equatable {
        public var inverseSquaredLengthscales: [Double]
        public var scale: Double
        public var noise: Double
        public init(inverseSquaredLengthscales: [Double], scale: Double, noise: Double) {
            self.inverseSquaredLengthscales = inverseSquaredLengthscales
            self.scale = scale
            self.noise = noise
        }
        /// The starting point of a fit: unit length scales, unit scale, small noise.
        public static func initial(dimension: Int) -> Hyperparameters {
            Hyperparameters(inverseSquaredLengthscales: [Double](repeating: 1, count: dimension), scale: 1, noise: 1e-2)
        }
    }

    /// The smallest noise variance (jitter that keeps the factorisation stable).
    public static let minimumNoise = 1e-6

    public let dimension: Int
    public let categorical: [Bool]
    public internal(set) var parameters: Hyperparameters
    /// Training features, n × dimension row-major.
    public private(set) var x: [Double]
    /// Standardised targets.
    public private(set) var y: [Double]
    public private(set) var mean: Double
    public private(set) var deviation: Double
    public var count: Int { y.count }
    /// Cholesky factor of K + noise·I (see `LAPACK`) and α = (K + noise·I)⁻¹y.
    var factor: [Double] = []
    var alpha: [Double] = []

    /// A model of `targets` (raw values) at the rows of `features`, with `parameters`.
    public init(features: [Double], targets: [Double], dimension: Int, categorical: [Bool], parameters: Hyperparameters) {
        precondition(dimension > 0 && features.count == targets.count * dimension && categorical.count == dimension,
                     "GaussianProcess: \(features.count) features for \(targets.count) targets of dimension \(dimension)")
        precondition(targets.allSatisfy(\.isFinite) && features.allSatisfy(\.isFinite), "GaussianProcess: non-finite data")
        self.dimension = dimension
        self.categorical = categorical
        self.parameters = parameters
        self.x = features
        let n = Double(max(targets.count, 1))
        let m = targets.reduce(0, +) / n
        let v = targets.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
        mean = m
        deviation = v > 1e-24 ? v.squareRoot() : 1
        y = targets.map { ($0 - m) / (v > 1e-24 ? v.squareRoot() : 1) }
        refactor()
    }

    /// The kernel between row `i` of `a` and row `j` of `b`, and the squared distance r².
    @inline(__always)
    func distance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>) -> Double {
        var r2 = 0.0
        for d in 0..<dimension {
            let diff = categorical[d] ? (a[d] == b[d] ? 0 : 1) : a[d] - b[d]
            r2 += parameters.inverseSquaredLengthscales[d] * diff * diff
        }
        return r2
    }

    @inline(__always)
    static func matern(_ r2: Double, scale: Double) -> Double {
        let r = (5 * r2).squareRoot()
        return scale * (1 + r + r * r / 3) * Foundation.exp(-r)
    }

    /// Recomputes the factor and α from the data and hyperparameters, adding jitter until the
    /// matrix factors.
    mutating func refactor() {
        let n = count
        guard n > 0 else { factor = []; alpha = []; return }
        var jitter = 0.0
        while true {
            var k = covariance(extraNoise: jitter)
            if LAPACK.choleskyFactor(&k, n: n) {
                factor = k
                break
            }
            jitter = jitter == 0 ? 1e-8 * parameters.scale : jitter * 10
            precondition(jitter < 1e6 * max(parameters.scale, 1), "GaussianProcess: covariance cannot be factored")
        }
        if jitter > 0 { parameters.noise += jitter }
        alpha = y
        LAPACK.choleskySolve(factor: factor, n: n, &alpha)
    }

    /// K + noise·I, n × n.
    func covariance(extraNoise: Double = 0) -> [Double] {
        let n = count, s = parameters.scale
        var k = [Double](repeating: 0, count: n * n)
        x.withUnsafeBufferPointer { xp in
            k.withUnsafeMutableBufferPointer { kp in
                let base = xp.baseAddress!
                for i in 0..<n {
                    kp[i * n + i] = s + parameters.noise + extraNoise
                    for j in 0..<i {
                        let v = Self.matern(distance(base + i * dimension, base + j * dimension), scale: s)
                        kp[i * n + j] = v
                        kp[j * n + i] = v
                    }
                }
            }
        }
        return k
    }

    /// Posterior mean and variance of the latent function, in the targets' raw units, at the
    /// `m` rows of `points` (m × dimension row-major).
    ///
    /// - Complexity: O(m·n·dimension) kernel entries plus one triangular solve, m·n² (`dtrsm`).
    public func predict(_ points: [Double], count m: Int) -> (mean: [Double], variance: [Double]) {
        precondition(points.count >= m * dimension, "predict: \(points.count) features for \(m) points")
        let n = count
        guard n > 0 else {
            return ([Double](repeating: mean, count: m), [Double](repeating: parameters.scale * deviation * deviation, count: m))
        }
        // Numeric features scaled by √λ (the distance becomes plain squared differences);
        // categorical ones compared by equality with weight λ.
        let numeric = (0..<dimension).filter { !categorical[$0] }, named = (0..<dimension).filter { categorical[$0] }
        let root = numeric.map { parameters.inverseSquaredLengthscales[$0].squareRoot() }
        let weight = named.map { parameters.inverseSquaredLengthscales[$0] }
        let u = numeric.count, v = named.count
        var xs = [Double](repeating: 0, count: n * u), xc = [Double](repeating: 0, count: n * v)
        var ps = [Double](repeating: 0, count: m * u), pc = [Double](repeating: 0, count: m * v)
        for i in 0..<n {
            for (k, d) in numeric.enumerated() { xs[i * u + k] = x[i * dimension + d] * root[k] }
            for (k, d) in named.enumerated() { xc[i * v + k] = x[i * dimension + d] }
        }
        for j in 0..<m {
            for (k, d) in numeric.enumerated() { ps[j * u + k] = points[j * dimension + d] * root[k] }
            for (k, d) in named.enumerated() { pc[j * v + k] = points[j * dimension + d] }
        }
        // B = K(X, points): n × m row-major.
        var b = [Double](repeating: 0, count: n * m)
        let s = parameters.scale
        xs.withUnsafeBufferPointer { xs in xc.withUnsafeBufferPointer { xc in
            ps.withUnsafeBufferPointer { ps in pc.withUnsafeBufferPointer { pc in
                weight.withUnsafeBufferPointer { w in
                    b.withUnsafeMutableBufferPointer { bp in
                        for i in 0..<n {
                            for j in 0..<m {
                                var r2 = 0.0
                                for k in 0..<u { let t = xs[i * u + k] - ps[j * u + k]; r2 += t * t }
                                for k in 0..<v where xc[i * v + k] != pc[j * v + k] { r2 += w[k] }
                                bp[i * m + j] = Self.matern(r2, scale: s)
                            }
                        }
                    }
                }
            } }
        } }
        var mu = [Double](repeating: 0, count: m)
        for i in 0..<n {
            let a = alpha[i]
            for j in 0..<m { mu[j] += a * b[i * m + j] }
        }
        LAPACK.lowerSolve(factor: factor, n: n, &b, columns: m)
        var variance = [Double](repeating: s, count: m)
        for i in 0..<n { for j in 0..<m { variance[j] -= b[i * m + j] * b[i * m + j] } }
        let d2 = deviation * deviation
        for j in 0..<m {
            mu[j] = mean + deviation * mu[j]
            variance[j] = max(variance[j], 1e-12 * s) * d2
        }
        return (mu, variance)
    }

    /// Adds an observation without refitting the hyperparameters (e.g. a pending point
    /// believed at its posterior mean), extending the factor by one row.
    ///
    /// - Complexity: O(n²) (one triangular solve, one Cholesky solve, a copy of the factor).
    public mutating func append(_ features: [Double], target: Double) {
        precondition(features.count == dimension && target.isFinite && features.allSatisfy(\.isFinite), "append: bad point")
        let n = count
        guard n > 0 else {
            x = features; y = [(target - mean) / deviation]; refactor(); return
        }
        var k = [Double](repeating: 0, count: n)
        x.withUnsafeBufferPointer { xp in
            features.withUnsafeBufferPointer { fp in
                for i in 0..<n { k[i] = Self.matern(distance(xp.baseAddress! + i * dimension, fp.baseAddress!), scale: parameters.scale) }
            }
        }
        var l = k
        LAPACK.lowerSolve(factor: factor, n: n, &l, columns: 1)
        let d2 = parameters.scale + parameters.noise - l.reduce(0) { $0 + $1 * $1 }
        x += features
        y.append((target - mean) / deviation)
        guard d2 > 1e-12 * parameters.scale else { refactor(); return }
        // New factor (n+1)²: old L in the leading block, lᵀ and √d² as the last row of L
        // (column-major lower = row-major upper storage: L[i][j] at j·(n+1) + i).
        let m = n + 1
        var f = [Double](repeating: 0, count: m * m)
        for j in 0..<n {
            for i in j..<n { f[j * m + i] = factor[j * n + i] }
            f[j * m + n] = l[j]
        }
        f[n * m + n] = d2.squareRoot()
        factor = f
        alpha = y
        LAPACK.choleskySolve(factor: factor, n: m, &alpha)
    }
}
