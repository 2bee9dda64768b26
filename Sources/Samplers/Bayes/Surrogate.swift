import Foundation

/// The models of one proposal step and the acquisition over them: log EHVI of the feasible
/// front (objectives scaled by the front's observed range; reference point 10 % beyond its
/// worst values) plus the log probability that every modelled constraint is met and that the
/// trial completes.
struct Surrogate {
    var objectives: [GaussianProcess]
    /// Per objective: the scaled value is (v − offset) / span.
    var offset: [Double]
    var span: [Double]
    /// Models whose value must be ≤ 0 (signed constraint excess; failure as ±1).
    var feasibility: [GaussianProcess]
    /// Scaled feasible front.
    var front: [[Double]]
    var reference: [Double]
    var ehvi: ExpectedHypervolumeImprovement?

    init(objectives: [GaussianProcess], feasibility: [GaussianProcess], feasibleValues: [[Double]]) {
        self.objectives = objectives
        self.feasibility = feasibility
        let m = objectives.count
        offset = [Double](repeating: 0, count: m)
        span = [Double](repeating: 1, count: m)
        front = []
        reference = [Double](repeating: 1.1, count: m)
        guard !feasibleValues.isEmpty else { return }
        for k in 0..<m {
            let lo = feasibleValues.reduce(Double.infinity) { min($0, $1[k]) }
            let hi = feasibleValues.reduce(-Double.infinity) { max($0, $1[k]) }
            offset[k] = lo
            span[k] = hi - lo > 1e-12 * max(abs(hi), 1) ? hi - lo : max(abs(hi), 1)
        }
        front = NondominatedBoxes.nondominated(feasibleValues.map { v in (0..<m).map { (v[$0] - offset[$0]) / span[$0] } }, m)
        rebuild()
    }

    mutating func rebuild() {
        ehvi = front.isEmpty ? nil : ExpectedHypervolumeImprovement(NondominatedBoxes(points: front, reference: reference))
    }

    /// The acquisition value of each of the `count` feature rows.
    func scores(_ features: [Double], count n: Int) -> [Double] {
        guard n > 0 else { return [] }
        var out = [Double](repeating: 0, count: n)
        for model in feasibility {
            let (mu, v) = model.predict(features, count: n)
            for j in 0..<n { out[j] += NormalFunctions.logCDF(-mu[j] / v[j].squareRoot()) }
        }
        guard let ehvi else { return out }
        let m = objectives.count
        var means = [[Double]](repeating: [], count: m), sds = [[Double]](repeating: [], count: m)
        for k in 0..<m {
            let (mu, v) = objectives[k].predict(features, count: n)
            means[k] = mu.map { ($0 - offset[k]) / span[k] }
            sds[k] = v.map { $0.squareRoot() / span[k] }
        }
        var mean = [Double](repeating: 0, count: m), sd = mean
        for j in 0..<n {
            for k in 0..<m { mean[k] = means[k][j]; sd[k] = sds[k][j] }
            out[j] += ehvi.logValue(mean: mean, sd: sd)
        }
        return out
    }

    /// Believes a chosen point at the models' posterior means (kriging believer): every model
    /// gets it as an observation, and the front gets its predicted objectives when it is
    /// predicted feasible.
    mutating func believe(_ features: [Double]) {
        var feasible = true
        for i in feasibility.indices {
            let mu = feasibility[i].predict(features, count: 1).mean[0]
            if mu > 0 { feasible = false }
            feasibility[i].append(features, target: mu)
        }
        var point: [Double] = []
        for k in objectives.indices {
            let mu = objectives[k].predict(features, count: 1).mean[0]
            objectives[k].append(features, target: mu)
            point.append((mu - offset[k]) / span[k])
        }
        if feasible && !front.isEmpty {
            front = NondominatedBoxes.nondominated(front + [point], objectives.count)
            rebuild()
        }
    }
}
