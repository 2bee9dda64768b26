import Foundation
import Hyperfront

extension BayesSampler {
    /// `start` with its continuous parameters moved uphill on the acquisition: projected
    /// gradient ascent on their features in [0, 1] with a backtracking (Armijo) line search,
    /// the other parameters held. Gradient-based search of the acquisition is what lets a
    /// proposal settle exactly on a bound or a narrow optimum in many dimensions, where
    /// random and coordinate moves come only close (BoTorch and Optuna's GPSampler do the
    /// same with L-BFGS-B). Returns the end point and its score, or nil when it does not
    /// improve on `value` or breaks a budget.
    func ascended(_ start: Configuration, value: Double, _ surrogate: Surrogate, isKnown: (Configuration) -> Bool) -> (Configuration, Double)? {
        let free = (0..<encoding.count).filter { encoding.codings[$0].kind == .real && !start[encoding.parameters[$0]].isNaN }
        guard !free.isEmpty else { return nil }
        var x: [Double] = []
        encoding.append(start, to: &x)
        var current = surrogate.scoreWithGradient(x)
        guard current.value.isFinite else { return nil }
        var step = 0.1
        for _ in 0..<settings.ascentSteps {
            // The gradient projected on the box: a coordinate at a bound and pushing out is held.
            var direction = [Double](repeating: 0, count: x.count)
            var largest = 0.0
            for t in free {
                let g = current.gradient[t]
                guard g.isFinite, !(x[t] <= 0 && g < 0), !(x[t] >= 1 && g > 0) else { continue }
                direction[t] = g
                largest = max(largest, abs(g))
            }
            guard largest > 0 else { break }
            var moved = false
            while step > 1e-6 {
                var y = x
                var slope = 0.0
                for t in free where direction[t] != 0 {
                    y[t] = min(max(x[t] + step * direction[t] / largest, 0), 1)
                    slope += direction[t] * (y[t] - x[t])
                }
                let next = surrogate.scoreWithGradient(y)
                if next.value.isFinite && next.value >= current.value + 1e-4 * slope {
                    x = y; current = next; moved = true
                    step = min(step * 2, 0.5)
                    break
                }
                step *= 0.25
            }
            guard moved else { break }
        }
        var c = start
        for t in free {
            let g = encoding.codings[t]
            c[encoding.parameters[t]] = g.decode(g.lower + x[t] * (g.upper - g.lower))
        }
        guard admits(c), !isKnown(c) else { return nil }
        let s = score([c], surrogate)[0]
        return s > value ? (c, s) : nil
    }
}
