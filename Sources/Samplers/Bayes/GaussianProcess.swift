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
    /// L⁻¹ for the Cholesky factor L of K + noise·I, stored as `LAPACK` stores a factor: every
    /// solve multiplies by it (a triangular product runs well above a triangular solve's
    /// speed), and α = (K + noise·I)⁻¹y = L⁻ᵀL⁻¹y.
    var inverseFactor: [Double] = []
    /// K⁻¹ = (K + noise·I)⁻¹ = L⁻ᵀL⁻¹, n × n (both triangles): K⁻¹k for a few points is then
    /// one general matrix product instead of two triangular ones, about 3× faster at n = 200
    /// for the 10 points of a gradient-ascent step (a triangular product wins for hundreds).
    var inverseCovariance: [Double] = []
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
        (mean, deviation, y) = Self.standardised(targets)
        refactor()
    }

    /// `targets` with mean 0 and variance 1, and the mean and deviation that undo it.
    static func standardised(_ targets: [Double]) -> (mean: Double, deviation: Double, values: [Double]) {
        let n = Double(max(targets.count, 1))
        let m = targets.reduce(0, +) / n
        let v = targets.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n
        let deviation = v > 1e-24 ? v.squareRoot() : 1
        return (m, deviation, targets.map { ($0 - m) / deviation })
    }

    /// r² between every training row and each of the `m` rows of `points`, n × m row-major.
    /// Numeric features scaled by √λ turn Σ λₜ(aₜ − bₜ)² into |a|² + |b|² − 2a·b, one matrix
    /// product for all pairs (rounding leaves r² within ~1e-15·|a|² of the direct sum, far
    /// below what moves the kernel); categorical features add λₜ where they differ.
    func squaredDistances(to points: [Double], count m: Int) -> [Double] {
        let n = x.count / dimension, d = dimension
        precondition(points.count >= m * d, "squaredDistances: \(points.count) features for \(m) points")
        var r2 = [Double](repeating: 0, count: n * m)
        guard n > 0 && m > 0 else { return r2 }
        let numeric = (0..<d).filter { !categorical[$0] }, u = numeric.count
        r2.withUnsafeMutableBufferPointer { rp in
            if u > 0 {
                let root = numeric.map { parameters.inverseSquaredLengthscales[$0].squareRoot() }
                func scaled(_ rows: [Double], _ count: Int) -> (rows: [Double], norms: [Double]) {
                    var out = [Double](repeating: 0, count: count * u), norms = [Double](repeating: 0, count: count)
                    for i in 0..<count {
                        for k in 0..<u {
                            let v = rows[i * d + numeric[k]] * root[k]
                            out[i * u + k] = v
                            norms[i] += v * v
                        }
                    }
                    return (out, norms)
                }
                let a = scaled(x, n), b = scaled(points, m)
                a.rows.withUnsafeBufferPointer { ap in
                    b.rows.withUnsafeBufferPointer { bp in
                        BLAS.gemm(transposeA: false, transposeB: true, m: n, n: m, k: u, alpha: -2, a: ap.baseAddress!, aCount: ap.count,
                                  b: bp.baseAddress!, bCount: bp.count, beta: 0, c: rp.baseAddress!, cCount: rp.count)
                    }
                }
                b.norms.withUnsafeBufferPointer { nb in
                    for i in 0..<n {
                        let row = rp.baseAddress! + i * m, na = a.norms[i]
                        for j in 0..<m { row[j] = max(row[j] + na + nb[j], 0) }
                    }
                }
            }
            for t in 0..<d where categorical[t] {
                let w = parameters.inverseSquaredLengthscales[t]
                let column = (0..<m).map { points[$0 * d + t] }
                column.withUnsafeBufferPointer { c in
                    for i in 0..<n {
                        let row = rp.baseAddress! + i * m, value = x[i * d + t]
                        for j in 0..<m where c[j] != value { row[j] += w }
                    }
                }
            }
        }
        return r2
    }

    /// Recomputes L⁻¹ and α from the data and hyperparameters, adding jitter until the
    /// matrix factors.
    mutating func refactor() {
        let n = count
        guard n > 0 else { inverseFactor = []; inverseCovariance = []; alpha = []; return }
        var jitter = 0.0
        while true {
            var k = covariance(extraNoise: jitter)
            if LAPACK.choleskyFactor(&k, n: n) && LAPACK.lowerInverse(&k, n: n) {
                inverseFactor = k
                break
            }
            jitter = jitter == 0 ? 1e-8 * parameters.scale : jitter * 10
            precondition(jitter < 1e6 * max(parameters.scale, 1), "GaussianProcess: covariance cannot be factored")
        }
        if jitter > 0 { parameters.noise += jitter }
        // K⁻¹ = L⁻ᵀ·L⁻¹: L⁻¹ row-major (its stored lower triangle transposed), then multiplied by L⁻ᵀ.
        var inverse = [Double](repeating: 0, count: n * n)
        for j in 0..<n { for i in j..<n { inverse[i * n + j] = inverseFactor[j * n + i] } }
        LAPACK.lowerMultiply(inverseFactor, n: n, &inverse, columns: n, transpose: true)
        inverseCovariance = inverse
        solveAlpha()
    }

    /// K + noise·I, n × n.
    func covariance(extraNoise: Double = 0) -> [Double] {
        let n = count, s = parameters.scale
        var k = squaredDistances(to: x, count: n)
        // The kernel on each row's lower triangle only; the upper one is its mirror.
        k.withUnsafeMutableBufferPointer { p in
            for i in 0..<n { MaternKernel.apply(UnsafeMutableBufferPointer(rebasing: p[(i * n)..<(i * n + i)]), scale: s) }
        }
        for i in 0..<n {
            k[i * n + i] = s + parameters.noise + extraNoise
            for j in 0..<i { k[j * n + i] = k[i * n + j] }
        }
        return k
    }

    /// Posterior mean and variance of the latent function, in the targets' raw units, at the
    /// `m` rows of `points` (m × dimension row-major).
    ///
    /// - Complexity: O(m·n·dimension) kernel entries plus one triangular product, m·n² (`dtrmm`).
    public func predict(_ points: [Double], count m: Int) -> (mean: [Double], variance: [Double]) {
        precondition(points.count >= m * dimension, "predict: \(points.count) features for \(m) points")
        let n = count
        guard n > 0 else {
            return ([Double](repeating: mean, count: m), [Double](repeating: parameters.scale * deviation * deviation, count: m))
        }
        // B = K(X, points): n × m row-major.
        let s = parameters.scale
        var b = squaredDistances(to: points, count: m)
        MaternKernel.apply(&b, scale: s)
        var mu = [Double](repeating: 0, count: m)
        for i in 0..<n {
            let a = alpha[i]
            for j in 0..<m { mu[j] += a * b[i * m + j] }
        }
        LAPACK.lowerMultiply(inverseFactor, n: n, &b, columns: m, transpose: false)
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
    /// believed at its posterior mean), extending L⁻¹ by one row.
    ///
    /// - Complexity: O(n²) (four triangular products and a copy of L⁻¹).
    public mutating func append(_ features: [Double], target: Double) {
        precondition(features.count == dimension && target.isFinite && features.allSatisfy(\.isFinite), "append: bad point")
        let grown = extendFactor(features)
        y.append((target - mean) / deviation)
        if grown { solveAlpha() } else { refactor() }
    }

    /// This model conditioned on `features` and `targets` (raw values) with the same
    /// hyperparameters, when their first rows are this model's own training rows: L⁻¹ grows
    /// by the new rows, and the targets are standardised anew (L does not depend on them).
    /// Nil when the rows do not extend this model's.
    ///
    /// - Complexity: O(n²) per new row, instead of the n³ of factoring anew.
    public func extended(features: [Double], targets: [Double]) -> GaussianProcess? {
        let d = dimension, n = count
        // The first n rows equal x, which is finite: only the new rows need the check.
        guard targets.count >= n, features.count == targets.count * d, targets.allSatisfy(\.isFinite),
              features[0..<(n * d)].elementsEqual(x), features[(n * d)...].allSatisfy(\.isFinite) else { return nil }
        var model = self
        var grown = true
        for r in n..<targets.count where grown { grown = model.extendFactor(Array(features[(r * d)..<((r + 1) * d)])) }
        model.x = features
        (model.mean, model.deviation, model.y) = Self.standardised(targets)
        if grown { model.solveAlpha() } else { model.refactor() }
        return model
    }

    /// α = (K + noise·I)⁻¹y = L⁻ᵀ(L⁻¹y).
    mutating func solveAlpha() {
        alpha = y
        guard !y.isEmpty else { return }
        LAPACK.lowerMultiply(inverseFactor, n: y.count, &alpha, columns: 1, transpose: false)
        LAPACK.lowerMultiply(inverseFactor, n: y.count, &alpha, columns: 1, transpose: true)
    }

    /// Adds a training row to x and a row to L⁻¹ and K⁻¹; false (x grown, L⁻¹ and K⁻¹ not) when
    /// the new pivot is too small to extend them stably, or there are none.
    mutating func extendFactor(_ features: [Double]) -> Bool {
        let n = x.count / dimension
        guard n > 0 && inverseFactor.count == n * n && inverseCovariance.count == n * n else { x += features; return false }
        let k = squaredDistances(to: features, count: 1).map { MaternKernel.value($0, scale: parameters.scale) }
        var l = k
        LAPACK.lowerMultiply(inverseFactor, n: n, &l, columns: 1, transpose: false)
        let d2 = parameters.scale + parameters.noise - l.reduce(0) { $0 + $1 * $1 }
        x += features
        guard d2 > 1e-12 * parameters.scale else { return false }
        // The new L has the old one in its leading block and lᵀ, δ = √d² as its last row, so
        // its inverse has L⁻¹ in the leading block and −(L⁻ᵀl)ᵀ/δ, 1/δ as the last row
        // (column-major lower = row-major upper storage: entry (i, j) at j·(n+1) + i).
        let m = n + 1, delta = d2.squareRoot()
        var q = l
        LAPACK.lowerMultiply(inverseFactor, n: n, &q, columns: 1, transpose: true)
        var g = [Double](repeating: 0, count: m * m)
        for j in 0..<n {
            for i in j..<n { g[j * m + i] = inverseFactor[j * n + i] }
            g[j * m + n] = -q[j] / delta
        }
        g[n * m + n] = 1 / delta
        inverseFactor = g
        // K⁻¹ grows to [[K⁻¹ + qqᵀ/δ², −q/δ²], [−qᵀ/δ², 1/δ²]] (the product of the new L⁻¹ rows).
        var c = [Double](repeating: 0, count: m * m)
        let scale = 1 / d2
        for i in 0..<n {
            let qi = q[i] * scale
            for j in 0..<n { c[i * m + j] = inverseCovariance[i * n + j] + qi * q[j] }
            c[i * m + n] = -qi
            c[n * m + i] = -qi
        }
        c[n * m + n] = scale
        inverseCovariance = c
        return true
    }
}
