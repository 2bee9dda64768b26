import Foundation
import LinearAlgebra

extension GaussianProcess {
    /// Posterior mean and variance at one point `p` (raw units, as `predict`) and their
    /// gradients with respect to its numeric features (0 for categorical ones).
    ///
    /// With kᵢ = k(p, xᵢ): μ = Σ αᵢkᵢ, σ² = s − kᵀK⁻¹k, so ∂μ/∂pₜ = Σ αᵢ ∂kᵢ/∂pₜ and
    /// ∂σ²/∂pₜ = −2 Σ (K⁻¹k)ᵢ ∂kᵢ/∂pₜ, where ∂kᵢ/∂pₜ = k′(rᵢ²) · 2λₜ(pₜ − xᵢₜ) and, for
    /// Matérn-5/2, k′(r²) = −(5/6)·s·(1 + √5 r)·exp(−√5 r).
    ///
    /// - Complexity: O(n·dimension) plus one Cholesky solve, n².
    public func predictWithGradient(_ p: [Double]) -> (mean: Double, variance: Double, dMean: [Double], dVariance: [Double]) {
        precondition(p.count == dimension, "predictWithGradient: \(p.count) features for dimension \(dimension)")
        let n = count, d = dimension, s = parameters.scale, lambda = parameters.inverseSquaredLengthscales
        var dMean = [Double](repeating: 0, count: d), dVariance = dMean
        guard n > 0 else { return (mean, s * deviation * deviation, dMean, dVariance) }
        var k = [Double](repeating: 0, count: n), slope = k
        x.withUnsafeBufferPointer { xp in
            for i in 0..<n {
                var r2 = 0.0
                for t in 0..<d {
                    let diff = categorical[t] ? (xp[i * d + t] == p[t] ? 0 : 1) : p[t] - xp[i * d + t]
                    r2 += lambda[t] * diff * diff
                }
                let r = (5 * r2).squareRoot(), e = Foundation.exp(-r)
                k[i] = s * (1 + r + r * r / 3) * e
                slope[i] = -(5.0 / 6.0) * s * (1 + r) * e
            }
        }
        var w = k
        LAPACK.choleskySolve(factor: factor, n: n, &w)
        var mu = 0.0, quadratic = 0.0
        for i in 0..<n { mu += alpha[i] * k[i]; quadratic += k[i] * w[i] }
        let raw = s - quadratic
        let variance = max(raw, 1e-12 * s)
        x.withUnsafeBufferPointer { xp in
            for i in 0..<n {
                let a = alpha[i] * slope[i], b = -2 * w[i] * slope[i]
                for t in 0..<d where !categorical[t] {
                    let g = 2 * lambda[t] * (p[t] - xp[i * d + t])
                    dMean[t] += a * g
                    dVariance[t] += b * g
                }
            }
        }
        let d2 = deviation * deviation
        for t in 0..<d {
            dMean[t] *= deviation
            dVariance[t] = raw > 1e-12 * s ? dVariance[t] * d2 : 0
        }
        return (mean + deviation * mu, variance * d2, dMean, dVariance)
    }
}
