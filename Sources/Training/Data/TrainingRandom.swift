import Foundation

/// The trainer's internal generator: xoshiro256** (Blackman & Vigna, 2018) seeded by
/// SplitMix64 (Steele, Lea & Flood, 2014) from one draw of the caller's generator, so that
/// the hot loops (shuffling, dropout masks, initial weights) use a concrete, inlinable type
/// while the whole stream still follows from the generator the caller passes in.
struct TrainingRandom: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var z = seed
        func splitmix() -> UInt64 {
            z &+= 0x9E37_79B9_7F4A_7C15
            var x = z
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            return x ^ (x >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    init(drawingFrom rng: inout some RandomNumberGenerator) { self.init(seed: rng.next()) }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1) with 24 random bits.
    @inline(__always)
    mutating func unitFloat() -> Float { Float(next() >> 40) * 0x1.0p-24 }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unitDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal draw (Box & Muller, 1958).
    mutating func normal() -> Double {
        let u1 = 1 - unitDouble()  // (0, 1]
        let u2 = unitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P) of `a` in place.
    mutating func shuffle<Element>(_ a: inout [Element]) {
        var i = a.count
        while i > 1 {
            let j = Int(next() % UInt64(i))
            i -= 1
            a.swapAt(i, j)
        }
    }
}
