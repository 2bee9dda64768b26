import Foundation

/// The Matérn-5/2 kernel, k(r²) = s·(1 + r + r²/3)·e⁻ʳ with r = √(5r²), evaluated over whole
/// buffers of squared distances four lanes at a time. The kernel pass is the costliest part of
/// a prediction after the matrix products; the vector form is about 1.3–1.4 times as fast as
/// the scalar one with the library's `exp` (its exponential within 2 units in the last place
/// of the library's, the kernel within 10⁻¹⁵ relative of the scalar form).
enum MaternKernel {
    /// 2^(j/64), j = 0..<64, as bit patterns.
    private static let powers: [Int64] = (0..<64).map { Int64(bitPattern: Foundation.exp2(Double($0) / 64).bitPattern) }

    /// eˣ per lane for x ≤ 0 (x clamped below at −708, where eˣ ≈ 3·10⁻³⁰⁸). Table-driven:
    /// x = (64m + j)·ln 2/64 + t with |t| ≤ ln 2/128 (ln 2 split in two parts, Cody & Waite),
    /// eˣ = 2ᵐ · 2^(j/64) · e^t, e^t by its Taylor polynomial of degree 6 (error below 2⁻⁵⁹).
    @inline(__always)
    static func exponential(_ x: SIMD4<Double>, _ powers: UnsafePointer<Int64>) -> SIMD4<Double> {
        let x = SIMD4(Swift.max(x[0], -708), Swift.max(x[1], -708), Swift.max(x[2], -708), Swift.max(x[3], -708))
        // Adding 1.5·2⁵² rounds x·64/ln 2 to an integer k, held in the low bits of the sum.
        let shifter = SIMD4<Double>(repeating: 6755399441055744.0)
        let shifted = x * (64 / 0.693147180559945309417232121458) + shifter
        let k = shifted - shifter
        let t = (x - k * (6.93147180369123816490e-01 / 64)) - k * (1.90821492927058770002e-10 / 64)
        var p = SIMD4<Double>(repeating: 1.0 / 720)
        p = p * t + 1.0 / 120
        p = p * t + 1.0 / 24
        p = p * t + 1.0 / 6
        p = p * t + 0.5
        p = p * t + 1
        p = p * t + 1
        let integer = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- Int64(bitPattern: shifter[0].bitPattern)
        let j = integer & 63
        let table = SIMD4(powers[Int(j[0])], powers[Int(j[1])], powers[Int(j[2])], powers[Int(j[3])])
        return p * unsafeBitCast(table &+ ((integer &>> 6) &<< 52), to: SIMD4<Double>.self)
    }

    /// k and k′(r²) = −(5/6)·s·(1 + r)·e⁻ʳ per lane.
    @inline(__always)
    static func valueAndSlope(_ r2: SIMD4<Double>, scale s: Double, _ powers: UnsafePointer<Int64>) -> (SIMD4<Double>, SIMD4<Double>) {
        let r = (5 * r2).squareRoot(), e = exponential(-r, powers)
        return (s * (1 + r + r * r * (1.0 / 3)) * e, (-5.0 / 6.0 * s) * (1 + r) * e)
    }

    /// k(r²) for one squared distance (the same arithmetic as the buffers).
    static func value(_ r2: Double, scale s: Double) -> Double {
        powers.withUnsafeBufferPointer { valueAndSlope(SIMD4(repeating: r2), scale: s, $0.baseAddress!).0[0] }
    }

    /// Replaces each squared distance by its kernel value.
    static func apply(_ values: inout [Double], scale s: Double) {
        values.withUnsafeMutableBufferPointer { transform($0, slopes: nil, scale: s) }
    }

    /// Replaces each squared distance in a part of a buffer (a row's lower triangle, say) by its
    /// kernel value.
    static func apply(_ values: UnsafeMutableBufferPointer<Double>, scale s: Double) {
        transform(values, slopes: nil, scale: s)
    }

    /// Replaces each squared distance by its kernel value and writes k′(r²) to `slopes`.
    static func apply(_ values: inout [Double], slopes: inout [Double], scale s: Double) {
        precondition(slopes.count == values.count, "MaternKernel: \(slopes.count) slopes for \(values.count) values")
        values.withUnsafeMutableBufferPointer { v in
            slopes.withUnsafeMutableBufferPointer { transform(v, slopes: $0.baseAddress, scale: s) }
        }
    }

    @inline(__always)
    private static func transform(_ v: UnsafeMutableBufferPointer<Double>, slopes: UnsafeMutablePointer<Double>?, scale s: Double) {
        guard let base = v.baseAddress else { return }
        let raw = UnsafeMutableRawPointer(base), out = slopes.map { UnsafeMutableRawPointer($0) }
        powers.withUnsafeBufferPointer { table in
            var i = 0
            while i < v.count {
                let lanes = min(4, v.count - i)
                let (k, slope) = valueAndSlope(load(raw, i, lanes), scale: s, table.baseAddress!)
                store(k, raw, i, lanes)
                if let out { store(slope, out, i, lanes) }
                i += 4
            }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutableRawPointer, _ i: Int, _ lanes: Int) -> SIMD4<Double> {
        if lanes == 4 { return p.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self) }
        var x = SIMD4<Double>(repeating: 0)
        for l in 0..<lanes { x[l] = p.load(fromByteOffset: (i + l) * 8, as: Double.self) }
        return x
    }

    @inline(__always)
    private static func store(_ x: SIMD4<Double>, _ p: UnsafeMutableRawPointer, _ i: Int, _ lanes: Int) {
        if lanes == 4 { p.storeBytes(of: x, toByteOffset: i * 8, as: SIMD4<Double>.self); return }
        for l in 0..<lanes { p.storeBytes(of: x[l], toByteOffset: (i + l) * 8, as: Double.self) }
    }
}
