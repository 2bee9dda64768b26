import Foundation
import Hyperfront

extension BayesSampler {
    /// `starts` with their continuous parameters moved uphill on the acquisition: projected
    /// gradient ascent on their features in [0, 1] with a backtracking (Armijo) line search,
    /// the other parameters held, all starts at once (one solve with a column per start).
    /// Gradient-based search of the acquisition is what lets a proposal settle exactly on a
    /// bound or a narrow optimum in many dimensions, where random and coordinate moves come
    /// only close (BoTorch and Optuna's GPSampler do the same with L-BFGS-B). Returns, per
    /// start, the end point and its score when it improves on the start's `values` and fits
    /// the budgets.
    func ascended(_ starts: [Configuration], values: [Double], _ surrogate: Surrogate,
                  isKnown: (Configuration) -> Bool) -> [(Configuration, Double)?] {
        let d = encoding.count
        let free = starts.map { c in (0..<d).filter { encoding.codings[$0].kind == .real && !c[encoding.parameters[$0]].isNaN } }
        var x: [Double] = []
        for c in starts { encoding.append(c, to: &x) }
        var (value, gradient) = surrogate.scoresWithGradients(x, count: starts.count)
        var step = [Double](repeating: 0.1, count: starts.count)
        var active = starts.indices.filter { !free[$0].isEmpty && value[$0].isFinite }
        var moved = [Bool](repeating: false, count: starts.count)
        for _ in 0..<settings.ascentSteps where !active.isEmpty {
            // A trial step along the projected gradient (a coordinate at a bound pushing out is held).
            var trial: [Double] = [], slope: [Double] = [], trying: [Int] = []
            for j in active {
                let moving = free[j].filter { t in
                    let g = gradient[j * d + t], v = x[j * d + t]
                    return g.isFinite && g != 0 && !(v <= 0 && g < 0) && !(v >= 1 && g > 0)
                }
                guard let largest = moving.map({ abs(gradient[j * d + $0]) }).max() else { continue }
                var y = Array(x[(j * d)..<((j + 1) * d)]), s = 0.0
                for t in moving {
                    let g = gradient[j * d + t]
                    y[t] = min(max(x[j * d + t] + step[j] * g / largest, 0), 1)
                    s += g * (y[t] - x[j * d + t])
                }
                trial += y; slope.append(s); trying.append(j)
            }
            guard !trying.isEmpty else { break }
            // Values and gradients at the trial points in one pass: most steps are accepted.
            let tried = surrogate.scoresWithGradients(trial, count: trying.count)
            var next = [Int]()
            for (r, j) in trying.enumerated() {
                let v = tried.values[r]
                if v.isFinite && v >= value[j] + 1e-4 * slope[r] {
                    let gain = v - value[j]
                    for t in 0..<d {
                        x[j * d + t] = trial[r * d + t]
                        gradient[j * d + t] = tried.gradients[r * d + t]
                    }
                    moved[j] = true
                    value[j] = v
                    step[j] = min(step[j] * 2, 0.5)
                    // Converged when a step gains under 0.01 % of the acquisition (1e-4 in its log).
                    if gain > 1e-4 { next.append(j) }
                } else {
                    step[j] *= 0.25
                    if step[j] > 1e-6 { next.append(j) }
                }
            }
            active = next
        }
        var out: [(Configuration, Double)?] = Array(repeating: nil, count: starts.count)
        var ends: [Configuration] = [], owners: [Int] = []
        for j in starts.indices where moved[j] {
            var c = starts[j]
            for t in free[j] {
                let g = encoding.codings[t]
                c[encoding.parameters[t]] = g.decode(g.lower + x[j * d + t] * (g.upper - g.lower))
            }
            if admits(c) && !isKnown(c) { ends.append(c); owners.append(j) }
        }
        guard !ends.isEmpty else { return out }
        let scored = score(ends, surrogate)
        for (r, j) in owners.enumerated() where scored[r] > values[j] { out[j] = (ends[r], scored[r]) }
        return out
    }
}
