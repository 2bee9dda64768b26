/// Limited-memory BFGS minimisation with a backtracking (Armijo) line search — enough for the
/// smooth, low-dimensional marginal likelihoods of the surrogate models. (Nocedal & Wright,
/// "Numerical Optimization", 2nd ed., Algorithm 7.4 for the two-loop recursion.)
struct LBFGS {
    var memory = 8
    var maximumIterations = 50
    /// Stop when the largest gradient entry is below this.
    var gradientTolerance = 1e-5
    /// Stop when an iteration improves the value by less than this relative amount.
    var relativeTolerance = 1e-9

    /// Minimises `f` (value and gradient) from `x`; returns the best point and value found.
    /// A non-finite value is treated as +infinity (the line search steps back).
    /// - Complexity: per iteration one or more evaluations of `f` plus O(memory · dimension).
    func minimize(_ x0: [Double], _ f: ([Double]) -> (Double, [Double])) -> (x: [Double], value: Double) {
        var x = x0
        var (fx, g) = f(x)
        if !fx.isFinite { return (x, .infinity) }
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        let n = x.count
        for _ in 0..<maximumIterations {
            if g.reduce(0, { max($0, abs($1)) }) < gradientTolerance { break }
            // Two-loop recursion: d = −H·g.
            var q = g
            var alpha = [Double](repeating: 0, count: s.count)
            for i in stride(from: s.count - 1, through: 0, by: -1) {
                alpha[i] = rho[i] * dot(s[i], q)
                for j in 0..<n { q[j] -= alpha[i] * y[i][j] }
            }
            if let last = s.indices.last {
                let gamma = dot(s[last], y[last]) / max(dot(y[last], y[last]), 1e-300)
                for j in 0..<n { q[j] *= gamma }
            } else {
                let norm = max(dot(g, g).squareRoot(), 1e-300)
                for j in 0..<n { q[j] /= norm }
            }
            for i in 0..<s.count {
                let beta = rho[i] * dot(y[i], q)
                for j in 0..<n { q[j] += s[i][j] * (alpha[i] - beta) }
            }
            var d = q.map { -$0 }
            var slope = dot(g, d)
            if !(slope < 0) { d = g.map { -$0 }; slope = -dot(g, g); s = []; y = []; rho = [] }
            // Backtracking line search.
            var step = 1.0
            var accepted = false
            var xn = x, fn = fx, gn = g
            for _ in 0..<30 {
                for j in 0..<n { xn[j] = x[j] + step * d[j] }
                (fn, gn) = f(xn)
                if fn.isFinite && fn <= fx + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            let sk = (0..<n).map { xn[$0] - x[$0] }, yk = (0..<n).map { gn[$0] - g[$0] }
            let sy = dot(sk, yk)
            if sy > 1e-12 {
                if s.count == memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
                s.append(sk); y.append(yk); rho.append(1 / sy)
            }
            let improvement = fx - fn
            x = xn; fx = fn; g = gn
            if improvement <= relativeTolerance * max(abs(fx), 1) { break }
        }
        return (x, fx)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var t = 0.0
        for i in a.indices { t += a[i] * b[i] }
        return t
    }
}
