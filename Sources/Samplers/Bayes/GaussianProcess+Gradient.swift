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
    /// - Complexity: O(m·n·dimension) plus one Cholesky solve with m right-hand sides, 2·m·n².
    public func predictWithGradient(_ points: [Double], count m: Int)
        -> (mean: [Double], variance: [Double], dMean: [Double], dVariance: [Double]) {
        let n = count, d = dimension, s = parameters.scale, lambda = parameters.inverseSquaredLengthscales
        precondition(m > 0 && points.count >= m * d, "predictWithGradient: \(points.count) features for \(m) points of dimension \(d)")
        var dMean = [Double](repeating: 0, count: m * d), dVariance = dMean
        guard n > 0 else {
            return ([Double](repeating: mean, count: m), [Double](repeating: s * deviation * deviation, count: m), dMean, dVariance)
        }
        // Column j of k (n × m column-major) is the kernel between point j and the training rows.
        var k = [Double](repeating: 0, count: n * m), slope = k
        x.withUnsafeBufferPointer { xp in
            points.withUnsafeBufferPointer { pp in
                for j in 0..<m {
                    for i in 0..<n {
                        let r2 = distance(pp.baseAddress! + j * d, xp.baseAddress! + i * d)
                        k[j * n + i] = Self.matern(r2, scale: s)
                        slope[j * n + i] = Self.maternSlope(r2, scale: s)
                    }
                }
            }
        }
        var w = k
        LAPACK.choleskySolve(factor: factor, n: n, &w, columns: m)
        var means = [Double](repeating: 0, count: m), variances = means
        let d2 = deviation * deviation
        x.withUnsafeBufferPointer { xp in
            for j in 0..<m {
                var mu = 0.0, quadratic = 0.0
                for i in 0..<n { mu += alpha[i] * k[j * n + i]; quadratic += k[j * n + i] * w[j * n + i] }
                let raw = s - quadratic
                means[j] = mean + deviation * mu
                variances[j] = max(raw, 1e-12 * s) * d2
                let clamped = raw <= 1e-12 * s
                for i in 0..<n {
                    let a = alpha[i] * slope[j * n + i] * deviation, b = clamped ? 0 : -2 * w[j * n + i] * slope[j * n + i] * d2
                    for t in 0..<d where !categorical[t] {
                        let g = 2 * lambda[t] * (points[j * d + t] - xp[i * d + t])
                        dMean[j * d + t] += a * g
                        dVariance[j * d + t] += b * g
                    }
                }
            }
        }
        return (means, variances, dMean, dVariance)
    }

    /// k′(r²) = ∂k/∂(r²) = −(5/6)·s·(1 + √5 r)·exp(−√5 r) of the Matérn-5/2 kernel.
    @inline(__always)
    static func maternSlope(_ r2: Double, scale: Double) -> Double {
        let r = (5 * r2).squareRoot()
        return -(5.0 / 6.0) * scale * (1 + r) * Foundation.exp(-r)
    }
}
