import Foundation

extension Surrogate {
    /// The acquisition value at one feature row and its gradient with respect to the row's
    /// numeric features: exact through the models (`GaussianProcess.predictWithGradient`) and
    /// the feasibility terms, and by central differences in the 2m Gaussian parameters for
    /// log EHVI (cheap: m means and m deviations, not one difference per feature).
    func scoreWithGradient(_ p: [Double]) -> (value: Double, gradient: [Double]) {
        let d = p.count
        var value = 0.0, gradient = [Double](repeating: 0, count: d)
        for model in feasibility {
            let (mu, v, dMu, dV) = model.predictWithGradient(p)
            let sd = v.squareRoot(), z = -mu / sd
            value += NormalFunctions.logCDF(z)
            // d log Φ(z)/dz = φ(z)/Φ(z); dz = −dμ/σ + μ·dσ/σ², dσ = dv/(2σ).
            let ratio = Foundation.exp(NormalFunctions.logDensity(z) - NormalFunctions.logCDF(z))
            for t in 0..<d { gradient[t] += ratio * (-dMu[t] / sd + mu * dV[t] / (2 * sd * sd * sd)) }
        }
        guard let ehvi else { return (value, gradient) }
        let m = objectives.count
        var mean = [Double](repeating: 0, count: m), sd = mean
        var dMean = [[Double]](), dSd = [[Double]]()
        for k in 0..<m {
            let (mu, v, dMu, dV) = objectives[k].predictWithGradient(p)
            let s = v.squareRoot()
            mean[k] = (mu - offset[k]) / span[k]
            sd[k] = s / span[k]
            dMean.append(dMu.map { $0 / span[k] })
            dSd.append(dV.map { $0 / (2 * s * span[k]) })
        }
        let center = ehvi.logValue(mean: mean, sd: sd)
        value += center
        guard center.isFinite else { return (value, gradient) }
        for k in 0..<m {
            let hm = 1e-6 * max(1, abs(mean[k])), hs = 1e-6 * max(sd[k], 1e-6)
            var a = mean, b = mean
            a[k] += hm; b[k] -= hm
            let gMean = (ehvi.logValue(mean: a, sd: sd) - ehvi.logValue(mean: b, sd: sd)) / (2 * hm)
            var c = sd, e = sd
            c[k] += hs; e[k] = max(e[k] - hs, 1e-12)
            let gSd = (ehvi.logValue(mean: mean, sd: c) - ehvi.logValue(mean: mean, sd: e)) / (c[k] - e[k])
            guard gMean.isFinite && gSd.isFinite else { continue }
            for t in 0..<d { gradient[t] += gMean * dMean[k][t] + gSd * dSd[k][t] }
        }
        return (value, gradient)
    }
}
