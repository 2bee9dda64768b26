import Foundation
import LinearAlgebra

extension GaussianProcess {
    /// The log marginal likelihood of the standardised targets plus the log prior of the
    /// hyperparameters, and its gradient with respect to θ = (log λ₁…log λ_d, log s,
    /// log(noise − minimum noise)). (Rasmussen & Williams 2006, eq. 5.8–5.9:
    /// ∂/∂θ log p(y) = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ).)
    ///
    /// The priors are those of Optuna's GPSampler (`optuna/_gp/prior.py`): −(0.1/λ + 0.1·λ) on
    /// each inverse squared length scale, Gamma(2, 1) on the scale, Gamma(1.1, 30) on the noise.
    ///
    /// - Complexity: O(n²·d) kernel entries and gradients plus n³/3 + 2n³/3 (`dpotrf`, `dpotri`).
    func objective(_ theta: [Double]) -> (Double, [Double]) {
        let d = dimension, n = count
        let lambda = (0..<d).map { Foundation.exp(theta[$0]) }
        let s = Foundation.exp(theta[d]), extra = Foundation.exp(theta[d + 1])
        let noise = Self.minimumNoise + extra
        guard lambda.allSatisfy({ $0.isFinite && $0 < 1e8 }), s.isFinite, s < 1e8, noise < 1e8 else { return (.infinity, theta) }
        var model = self
        model.parameters = Hyperparameters(inverseSquaredLengthscales: lambda, scale: s, noise: noise)
        var k = model.covariance()
        guard LAPACK.choleskyFactor(&k, n: n) else { return (.infinity, theta) }
        var a = y
        LAPACK.choleskySolve(factor: k, n: n, &a)
        var logDet = 0.0
        for i in 0..<n { logDet += Foundation.log(k[i * n + i]) }
        var likelihood = -0.5 * zip(y, a).reduce(0) { $0 + $1.0 * $1.1 } - logDet - 0.5 * Double(n) * Foundation.log(2 * Double.pi)
        LAPACK.choleskyInverse(&k, n: n)
        // W = ααᵀ − K⁻¹ (symmetric; only i > j and the diagonal are read).
        var grad = [Double](repeating: 0, count: d + 2)
        var trace = 0.0
        for i in 0..<n { trace += a[i] * a[i] - k[i * n + i] }
        x.withUnsafeBufferPointer { xp in
            let base = xp.baseAddress!
            for i in 0..<n {
                let xi = base + i * d
                for j in 0..<i {
                    let xj = base + j * d
                    let w = a[i] * a[j] - k[i * n + j]
                    var r2 = 0.0
                    for t in 0..<d {
                        let diff = categorical[t] ? (xi[t] == xj[t] ? 0 : 1) : xi[t] - xj[t]
                        r2 += lambda[t] * diff * diff
                    }
                    let r = (5 * r2).squareRoot(), e = Foundation.exp(-r)
                    let kij = s * (1 + r + r * r / 3) * e
                    // ∂k/∂(r²) = −(5/6)·s·(1 + √5 r)·exp(−√5 r); ∂r²/∂log λₜ = λₜ·dₜ².
                    let dk = -(5.0 / 6.0) * s * (1 + r) * e * w
                    for t in 0..<d {
                        let diff = categorical[t] ? (xi[t] == xj[t] ? 0 : 1) : xi[t] - xj[t]
                        grad[t] += dk * lambda[t] * diff * diff
                    }
                    grad[d] += w * kij
                }
            }
        }
        // Off-diagonal pairs count twice in the trace; ½ of that is the sum above.
        grad[d] += 0.5 * s * trace
        grad[d + 1] = 0.5 * extra * trace
        // Priors.
        for t in 0..<d {
            likelihood -= 0.1 / lambda[t] + 0.1 * lambda[t]
            grad[t] += 0.1 / lambda[t] - 0.1 * lambda[t]
        }
        likelihood += Foundation.log(s) - s
        grad[d] += 1 - s
        likelihood += 0.1 * Foundation.log(noise) - 30 * noise
        grad[d + 1] += (0.1 / noise - 30) * extra
        return (-likelihood, grad.map { -$0 })
    }

    static func theta(_ p: Hyperparameters) -> [Double] {
        p.inverseSquaredLengthscales.map { Foundation.log(max($0, 1e-12)) }
            + [Foundation.log(max(p.scale, 1e-12)), Foundation.log(max(p.noise - minimumNoise, 1e-12))]
    }

    static func parameters(_ theta: [Double], dimension d: Int) -> Hyperparameters {
        Hyperparameters(inverseSquaredLengthscales: (0..<d).map { Foundation.exp(theta[$0]) },
                        scale: Foundation.exp(theta[d]), noise: minimumNoise + Foundation.exp(theta[d + 1]))
    }

    /// Fits the hyperparameters by maximising the marginal likelihood plus the log prior
    /// (L-BFGS from each start; the best end point is kept), then refactors.
    /// - Parameter starts: starting hyperparameters (e.g. the previous fit and the default).
    public mutating func fit(from starts: [Hyperparameters], iterations: Int) {
        guard count >= 2 else { refactor(); return }
        var best: (x: [Double], value: Double)? = nil
        let optimizer = LBFGS(maximumIterations: iterations)
        for start in starts {
            let r = optimizer.minimize(Self.theta(start)) { objective($0) }
            if r.value.isFinite && (best == nil || r.value < best!.value) { best = r }
        }
        if let best { parameters = Self.parameters(best.x, dimension: dimension) }
        refactor()
    }
}
