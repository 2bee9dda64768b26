import Foundation

/// Logarithms of Gaussian quantities, computed without underflow far in the tails (as
/// log-EI needs; Ament, Daulton, Eriksson, Balandat & Bakshy, "Unexpected Improvements to
/// Expected Improvement for Bayesian Optimization", NeurIPS 2023, §4 and Appendix A).
enum NormalFunctions {
    static let logSqrt2Pi = 0.5 * Foundation.log(2 * Double.pi)

    /// log φ(z).
    @inline(__always)
    static func logDensity(_ z: Double) -> Double { -0.5 * z * z - logSqrt2Pi }

    /// Φ(z).
    @inline(__always)
    static func cdf(_ z: Double) -> Double { 0.5 * Foundation.erfc(-z / 2.0.squareRoot()) }

    /// log Φ(z), with the asymptotic series below z = −30 where erfc underflows.
    static func logCDF(_ z: Double) -> Double {
        if z > -30 { return Foundation.log(cdf(z)) }
        // Φ(z) = φ(z)/|z| · (1 − 1/z² + 3/z⁴ − …)
        let x2 = z * z
        return logDensity(z) - Foundation.log(-z) + Foundation.log1p(-1 / x2 + 3 / (x2 * x2))
    }

    /// h(z) = φ(z) + z·Φ(z), so that E[(c − Y)⁺] = σ·h((c − μ)/σ) for Y ~ N(μ, σ²).
    @inline(__always)
    static func h(_ z: Double) -> Double { Foundation.exp(logDensity(z)) + z * cdf(z) }

    /// log h(z): direct for z > −1; for smaller z, h(z) = φ(z)·(1 − x·R(x)) with x = −z and
    /// Mills' ratio R(x) = (1 − Φ(x))/φ(x) from erfc, and beyond x = 10 the asymptotic series
    /// 1 − x·R(x) = 1/x² − 3/x⁴ + 15/x⁶ − 105/x⁸ + ….
    static func logH(_ z: Double) -> Double {
        if z > -1 { return Foundation.log(h(z)) }
        let x = -z
        if x < 10 {
            let mills = 0.5 * Foundation.erfc(x / 2.0.squareRoot()) / Foundation.exp(logDensity(x))
            return logDensity(z) + Foundation.log(max(1 - x * mills, 1e-300))
        }
        let u = 1 / (x * x)
        return logDensity(z) + Foundation.log(u * (1 - u * (3 - u * (15 - u * (105 - 945 * u)))))
    }

    /// log(1 − eˣ) for x ≤ 0 (Mächler, "Accurately computing log(1 − exp(−|a|))", 2012).
    @inline(__always)
    static func log1mexp(_ x: Double) -> Double {
        x > -0.693147 ? Foundation.log(-Foundation.expm1(x)) : Foundation.log1p(-Foundation.exp(x))
    }
}
