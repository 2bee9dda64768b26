import Foundation

extension Surrogate {
    /// The acquisition values at `count` feature rows and their gradients with respect to each
    /// row's numeric features (count × d row-major): exact through the models
    /// (`GaussianProcess.predictWithGradient`) and the feasibility terms, and by central
    /// differences in the 2m Gaussian parameters for log EHVI (m means and m deviations, not
    /// one difference per feature).
    func scoresWithGradients(_ features: [Double], count n: Int) -> (values: [Double], gradients: [Double]) {
        let d = features.count / max(n, 1)
        var values = [Double](repeating: 0, count: n), gradients = [Double](repeating: 0, count: n * d)
        guard n > 0 else { return (values, gradients) }
        for model in feasibility {
            let (mu, v, dMu, dV) = model.predictWithGradient(features, count: n)
            for j in 0..<n {
                let sd = v[j].squareRoot(), z = -mu[j] / sd
                let logCDF = NormalFunctions.logCDF(z)
                values[j] += logCDF
                // d log Φ(z)/dz = φ(z)/Φ(z); dz = −dμ/σ + μ·dσ/σ², dσ = dv/(2σ).
                let ratio = Foundation.exp(NormalFunctions.logDensity(z) - logCDF)
                for t in 0..<d { gradients[j * d + t] += ratio * (-dMu[j * d + t] / sd + mu[j] * dV[j * d + t] / (2 * sd * sd * sd)) }
            }
        }
        guard let ehvi else { return (values, gradients) }
        let m = objectives.count
        let predictions = objectives.map { $0.predictWithGradient(features, count: n) }
        var mean = [Double](repeating: 0, count: m), sd = mean
        for j in 0..<n {
            for k in 0..<m {
                mean[k] = (predictions[k].mean[j] - offset[k]) / span[k]
                sd[k] = predictions[k].variance[j].squareRoot() / span[k]
            }
            let center = ehvi.logValue(mean: mean, sd: sd)
            values[j] += center
            guard center.isFinite else { continue }
            for k in 0..<m {
                let hm = 1e-6 * max(1, abs(mean[k])), hs = 1e-6 * max(sd[k], 1e-6)
                var a = mean, b = mean
                a[k] += hm; b[k] -= hm
                let gMean = (ehvi.logValue(mean: a, sd: sd) - ehvi.logValue(mean: b, sd: sd)) / (2 * hm)
                var c = sd, e = sd
                c[k] += hs; e[k] = max(e[k] - hs, 1e-12)
                let gSd = (ehvi.logValue(mean: mean, sd: c) - ehvi.logValue(mean: mean, sd: e)) / (c[k] - e[k])
                guard gMean.isFinite && gSd.isFinite else { continue }
                // Scaled: ∂mean/∂p = ∂μ/∂p / span, ∂sd/∂p = ∂σ²/∂p / (2σ·span).
                let rawSd = sd[k] * span[k]
                for t in 0..<d {
                    gradients[j * d + t] += gMean * predictions[k].dMean[j * d + t] / span[k]
                        + gSd * predictions[k].dVariance[j * d + t] / (2 * rawSd * span[k])
                }
            }
        }
        return (values, gradients)
    }
}
