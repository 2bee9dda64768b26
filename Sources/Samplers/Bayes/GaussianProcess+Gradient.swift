import Foundation
import LinearAlgebra

extension GaussianProcess {
    /// Posterior mean and variance at the `m` rows of `points` (raw units, as `predict`) and
    /// their gradients with respect to each row's numeric features (0 for categorical ones),
    /// m × dimension row-major.
    ///
    /// With kᵢ = k(p, xᵢ): μ = Σ αᵢkᵢ, σ² = s − kᵀK⁻¹k, so ∂μ/∂pₜ = Σ αᵢ ∂kᵢ/∂pₜ and
    /// ∂σ²/∂pₜ = −2 Σ (K⁻¹k)ᵢ ∂kᵢ/∂pₜ, where ∂kᵢ/∂pₜ = k′(rᵢ²) · 2λₜ(pₜ − xᵢₜ) and, for
    /// Matérn-5/2, k′(r²) = −(5/6)·s·(1 + √5 r)·exp(−√5 r).
    ///
    /// The gradients are sums over the training rows, Σᵢ cᵢ·2λₜ(pₜ − xᵢₜ) = 2λₜ(pₜ·Σᵢ cᵢ − (cᵀX)ₜ),
    /// so one matrix product (cᵀX for the 2m coefficient columns) gives them all.
    ///
    /// - Complexity: O(m·n·dimension) kernel entries plus two matrix products: K⁻¹k, m·n²,
    ///   and cᵀX, 4·m·n·dimension.
    public func predictWithGradient(_ points: [Double], count m: Int)
        -> (mean: [Double], variance: [Double], dMean: [Double], dVariance: [Double]) {
        let n = count, d = dimension, s = parameters.scale, lambda = parameters.inverseSquaredLengthscales
        precondition(m > 0 && points.count >= m * d, "predictWithGradient: \(points.count) features for \(m) points of dimension \(d)")
        var dMean = [Double](repeating: 0, count: m * d), dVariance = dMean
        guard n > 0 else {
            return ([Double](repeating: mean, count: m), [Double](repeating: s * deviation * deviation, count: m), dMean, dVariance)
        }
        // k and k′(r²), n × m row-major (row i: training row i; column j: point j).
        var k = squaredDistances(to: points, count: m), slope = k
        MaternKernel.apply(&k, slopes: &slope, scale: s)
        // w = K⁻¹k, and kᵀK⁻¹k = Σᵢ kᵢwᵢ.
        let w = BLAS.product(inverseCovariance, k, m: n, n: m, k: n)
        var means = [Double](repeating: 0, count: m), variances = means, quadratic = means
        for i in 0..<n {
            for j in 0..<m { means[j] += alpha[i] * k[i * m + j]; quadratic[j] += k[i * m + j] * w[i * m + j] }
        }
        let d2 = deviation * deviation
        var clamped = [Bool](repeating: false, count: m)
        for j in 0..<m {
            let raw = s - quadratic[j]
            means[j] = mean + deviation * means[j]
            variances[j] = max(raw, 1e-12 * s) * d2
            clamped[j] = raw <= 1e-12 * s
        }
        // Coefficients, n × 2m: ∂μ/∂p = Σ αᵢ·k′ᵢ·dev·∂rᵢ²/∂p (columns 0..<m) and
        // ∂σ²/∂p = Σ −2(K⁻¹k)ᵢ·k′ᵢ·dev²·∂rᵢ²/∂p (columns m..<2m).
        let width = 2 * m
        var c = [Double](repeating: 0, count: n * width), total = [Double](repeating: 0, count: width)
        for i in 0..<n {
            for j in 0..<m {
                let a = alpha[i] * slope[i * m + j] * deviation
                let b = clamped[j] ? 0 : -2 * w[i * m + j] * slope[i * m + j] * d2
                c[i * width + j] = a
                c[i * width + m + j] = b
                total[j] += a
                total[m + j] += b
            }
        }
        let product = BLAS.product(c, x, transposeA: true, m: width, n: d, k: n)
        for j in 0..<m {
            for t in 0..<d where !categorical[t] {
                let p = points[j * d + t]
                dMean[j * d + t] = 2 * lambda[t] * (p * total[j] - product[j * d + t])
                dVariance[j * d + t] = 2 * lambda[t] * (p * total[m + j] - product[(m + j) * d + t])
            }
        }
        return (means, variances, dMean, dVariance)
    }
}
