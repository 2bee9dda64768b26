import Foundation
import Testing
import Hyperfront
import LinearAlgebra
@testable import Samplers

private func matern(_ r2: Double, _ s: Double) -> Double {
    let r = (5 * r2).squareRoot()
    return s * (1 + r + r * r / 3) * exp(-r)
}

/// Two training points in one dimension: the posterior is written out with the 2×2 inverse.
@Test func posteriorMatchesTheClosedForm() throws {
    try BLASLibrary.load()
    let p = GaussianProcess.Hyperparameters(inverseSquaredLengthscales: [4], scale: 1.5, noise: 0.01)
    let xs = [0.2, 0.7], ys = [1.0, 3.0]
    let gp = GaussianProcess(features: xs, targets: ys, dimension: 1, categorical: [false], parameters: p)
    // Standardised targets: mean 2, deviation 1 → (−1, 1).
    let z = [-1.0, 1.0]
    let k11 = 1.5 + 0.01, k22 = k11, k12 = matern(4 * 0.25, 1.5)
    let det = k11 * k22 - k12 * k12
    let inv = [[k22 / det, -k12 / det], [-k12 / det, k11 / det]]
    for x in [0.0, 0.2, 0.45, 0.9] {
        let ks = xs.map { matern(4 * ($0 - x) * ($0 - x), 1.5) }
        let a = [inv[0][0] * z[0] + inv[0][1] * z[1], inv[1][0] * z[0] + inv[1][1] * z[1]]
        let mean = 2 + (ks[0] * a[0] + ks[1] * a[1])
        let quad = ks[0] * (inv[0][0] * ks[0] + inv[0][1] * ks[1]) + ks[1] * (inv[1][0] * ks[0] + inv[1][1] * ks[1])
        let variance = 1.5 - quad
        let (mu, v) = gp.predict([x], count: 1)
        #expect(abs(mu[0] - mean) < 1e-10, "mean at \(x): \(mu[0]) vs \(mean)")
        #expect(abs(v[0] - variance) < 1e-10, "variance at \(x): \(v[0]) vs \(variance)")
    }
}

/// Appending a point (one-row Cholesky extension) gives the model refitted with it.
@Test func appendingAPointEqualsFactoringAgain() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 4)
    let d = 3, n = 12
    let x = (0..<(n * d)).map { _ in rng.nextUnit() }
    let y = (0..<n).map { i in sin(6 * x[i * d]) + x[i * d + 1] }
    let p = GaussianProcess.Hyperparameters(inverseSquaredLengthscales: [2, 1, 0.5], scale: 1, noise: 1e-4)
    var grown = GaussianProcess(features: Array(x[0..<((n - 1) * d)]), targets: Array(y[0..<(n - 1)]), dimension: d,
                                categorical: [false, false, false], parameters: p)
    // The appended target is given in raw units; the full model standardises with its own
    // mean, so compare against a model built with the same standardisation.
    grown.append(Array(x[((n - 1) * d)...]), target: y[n - 1])
    var direct = grown
    direct.refactor()
    let probe = (0..<(5 * d)).map { _ in rng.nextUnit() }
    let a = grown.predict(probe, count: 5), b = direct.predict(probe, count: 5)
    for j in 0..<5 {
        #expect(abs(a.mean[j] - b.mean[j]) < 1e-8)
        #expect(abs(a.variance[j] - b.variance[j]) < 1e-8)
    }
}

/// The marginal likelihood's gradient agrees with central differences.
@Test func likelihoodGradientMatchesFiniteDifferences() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 9)
    let d = 3, n = 15
    let x = (0..<(n * d)).map { i in i % d == 2 ? Double(Int(rng.nextUnit() * 3)) : rng.nextUnit() }
    let y = (0..<n).map { i in cos(4 * x[i * d]) * x[i * d + 1] + (x[i * d + 2] == 1 ? 0.5 : 0) }
    let gp = GaussianProcess(features: x, targets: y, dimension: d, categorical: [false, false, true],
                             parameters: .initial(dimension: d))
    let theta = [0.3, -0.2, 0.1, 0.2, -3.0]
    let (_, g) = gp.objective(theta)
    for i in theta.indices {
        var a = theta, b = theta
        a[i] += 1e-5; b[i] -= 1e-5
        let numeric = (gp.objective(a).0 - gp.objective(b).0) / 2e-5
        #expect(abs(numeric - g[i]) < 1e-4 * max(1, abs(numeric)), "θ[\(i)]: \(g[i]) vs \(numeric)")
    }
}

/// Fitting raises the marginal likelihood above the starting point's.
@Test func fittingImprovesTheLikelihood() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 2)
    let n = 20
    let x = (0..<(2 * n)).map { _ in rng.nextUnit() }
    let y = (0..<n).map { i in 3 * x[2 * i] * x[2 * i] }
    var gp = GaussianProcess(features: x, targets: y, dimension: 2, categorical: [false, false], parameters: .initial(dimension: 2))
    let before = gp.objective(GaussianProcess.theta(gp.parameters)).0
    gp.fit(from: [.initial(dimension: 2)], iterations: 50)
    let after = gp.objective(GaussianProcess.theta(gp.parameters)).0
    #expect(after < before)
    // The irrelevant second feature gets a longer length scale than the first.
    #expect(gp.parameters.inverseSquaredLengthscales[0] > gp.parameters.inverseSquaredLengthscales[1])
}

/// A model extended by new rows (its factor and inverse grown row by row, targets
/// standardised anew) predicts what a model factored from scratch on all rows predicts.
@Test func extendingAModelEqualsBuildingItAnew() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 11)
    let d = 3, n = 20, extra = 4
    let x = (0..<((n + extra) * d)).map { i in i % d == 2 ? Double(Int(rng.nextUnit() * 3)) : rng.nextUnit() }
    let y = (0..<(n + extra)).map { i in sin(5 * x[i * d]) - x[i * d + 1] + (x[i * d + 2] == 1 ? 0.3 : 0) }
    let p = GaussianProcess.Hyperparameters(inverseSquaredLengthscales: [3, 1, 0.5], scale: 1.2, noise: 1e-3)
    let small = GaussianProcess(features: Array(x[0..<(n * d)]), targets: Array(y[0..<n]), dimension: d,
                                categorical: [false, false, true], parameters: p)
    let grown = try #require(small.extended(features: x, targets: y))
    let direct = GaussianProcess(features: x, targets: y, dimension: d, categorical: [false, false, true], parameters: p)
    #expect(grown.count == n + extra && grown.mean == direct.mean && grown.deviation == direct.deviation)
    let probe = (0..<(6 * d)).map { i in i % d == 2 ? Double(Int(rng.nextUnit() * 3)) : rng.nextUnit() }
    let a = grown.predict(probe, count: 6), b = direct.predict(probe, count: 6)
    for j in 0..<6 {
        #expect(abs(a.mean[j] - b.mean[j]) < 1e-9, "mean \(j): \(a.mean[j]) vs \(b.mean[j])")
        #expect(abs(a.variance[j] - b.variance[j]) < 1e-9, "variance \(j): \(a.variance[j]) vs \(b.variance[j])")
    }
    // The grown K⁻¹ (used by the gradients) equals the one factored anew.
    let ga = grown.predictWithGradient(probe, count: 6), gb = direct.predictWithGradient(probe, count: 6)
    for e in 0..<(6 * d) {
        #expect(abs(ga.dMean[e] - gb.dMean[e]) < 1e-8, "∂mean \(e): \(ga.dMean[e]) vs \(gb.dMean[e])")
        #expect(abs(ga.dVariance[e] - gb.dVariance[e]) < 1e-8, "∂variance \(e): \(ga.dVariance[e]) vs \(gb.dVariance[e])")
    }
    for j in 0..<6 { #expect(abs(ga.variance[j] - b.variance[j]) < 1e-9) }
    // Rows that are not an extension (the first row changed) are refused.
    var other = x
    other[0] += 0.1
    #expect(small.extended(features: other, targets: y) == nil)
}

/// L⁻¹ from `lowerInverse` times L is the identity, and L⁻ᵀ·(L⁻¹·b) solves with L·Lᵀ.
@Test func lowerInverseAndProductsSolveTheFactoredSystem() throws {
    try BLASLibrary.load()
    var rng = RandomSource(seed: 5)
    let n = 7, columns = 3
    let a = (0..<(n * n)).map { _ in rng.nextUnit() - 0.5 }
    var k = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { k[i * n + j] = (0..<n).reduce(0) { $0 + a[i * n + $1] * a[j * n + $1] } + (i == j ? 1 : 0) } }
    var factor = k
    #expect(LAPACK.choleskyFactor(&factor, n: n))
    var inverse = factor
    #expect(LAPACK.lowerInverse(&inverse, n: n))
    // L (column-major lower = row-major upper): L[i][j] = factor[j·n + i] for j ≤ i.
    func lower(_ t: [Double], _ i: Int, _ j: Int) -> Double { j <= i ? t[j * n + i] : 0 }
    for i in 0..<n {
        for j in 0..<n {
            let product = (0..<n).reduce(0) { $0 + lower(inverse, i, $1) * lower(factor, $1, j) }
            #expect(abs(product - (i == j ? 1 : 0)) < 1e-12, "(L⁻¹L)[\(i)][\(j)] = \(product)")
        }
    }
    let b = (0..<(n * columns)).map { _ in rng.nextUnit() }
    var x = b
    LAPACK.lowerMultiply(inverse, n: n, &x, columns: columns, transpose: false)
    LAPACK.lowerMultiply(inverse, n: n, &x, columns: columns, transpose: true)
    for i in 0..<n {
        for c in 0..<columns {
            let row = (0..<n).reduce(0) { $0 + k[i * n + $1] * x[$1 * columns + c] }
            #expect(abs(row - b[i * columns + c]) < 1e-10, "(K·x)[\(i)][\(c)] = \(row), b = \(b[i * columns + c])")
        }
    }
}
