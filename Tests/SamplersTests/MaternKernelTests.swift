import Foundation
import Testing
@testable import Samplers

/// The vector kernel against the scalar formula with the library's `exp`, on buffers of every
/// length up to three full vectors (the partial last vector included) and over the whole range
/// of squared distances, out to where the kernel underflows.
@Test func vectorKernelMatchesTheScalarFormula() {
    var rng = SystemRandomNumberGenerator()
    let scale = 1.7
    for length in Array(0...12) + [1001] {
        let r2 = (0..<length).map { i -> Double in
            switch i % 4 {
            case 0: Double(i) * 1e-3
            case 1: Double.random(in: 0...4, using: &rng)
            case 2: Double.random(in: 4...2000, using: &rng)
            default: Double.random(in: 2000...200_000, using: &rng)
            }
        }
        var values = r2, slopes = [Double](repeating: .nan, count: length), alone = r2
        MaternKernel.apply(&values, slopes: &slopes, scale: scale)
        MaternKernel.apply(&alone, scale: scale)
        for i in 0..<length {
            let r = (5 * r2[i]).squareRoot(), e = exp(-r)
            let k = scale * (1 + r + r * r / 3) * e, slope = -5.0 / 6.0 * scale * (1 + r) * e
            #expect(alone[i] == values[i])
            #expect(MaternKernel.value(r2[i], scale: scale) == values[i])
            if r < 700 {
                #expect(abs(values[i] - k) <= 1e-15 * k, "k(\(r2[i])) = \(values[i]), expected \(k)")
                #expect(abs(slopes[i] - slope) <= 1e-15 * abs(slope), "k′(\(r2[i])) = \(slopes[i]), expected \(slope)")
            } else {
                #expect(values[i] >= 0 && values[i] < 1e-290, "k(\(r2[i])) = \(values[i]) should underflow")
            }
        }
    }
    #expect(MaternKernel.value(0, scale: scale) == scale)
}
