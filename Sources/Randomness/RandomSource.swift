import Foundation

/// The one seedable random number generator of Hyperfront: xoshiro256** (Blackman & Vigna,
/// 2018), seeded through SplitMix64. Every random choice — a run's proposals, repairs, the
/// trainer's splits, initial weights, shuffles and dropout masks — flows from a value of this
/// type, passed explicitly (`inout`), so the same scenario and seed give the same trials.
public struct RandomSource: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        // SplitMix64 is a bijection of consecutive states, so four zero outputs cannot occur;
        // the guard only documents that xoshiro's state must not be all zero.
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A generator seeded by one draw of `rng`: a concrete, inlinable type for hot loops whose
    /// whole stream still follows from the caller's generator.
    public init(drawingFrom rng: inout some RandomNumberGenerator) {
        self.init(seed: rng.next())
    }

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = RandomSource.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = RandomSource.rotl(s3, 45)
        return result
    }

    /// An independent generator for a numbered sub-stream (e.g. one per generation or per trial),
    /// so that work done in any order still draws the same numbers.
    public func derived(_ stream: UInt64) -> RandomSource {
        var sm = SplitMix64(state: s0 ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ RandomSource.rotl(s2, 17))
        return RandomSource(seed: sm.next() ^ s1 ^ s3)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform float in [0, 1) with 24 random bits.
    @inlinable @inline(__always)
    public mutating func uniformFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A standard normal draw by the Box–Muller transform (Box & Muller, 1958); two uniforms
    /// per draw.
    public mutating func normal() -> Double {
        let u1 = 1 - uniform()  // (0, 1]
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Fisher–Yates shuffle (Knuth, TAOCP vol. 2, Algorithm P) of `a` in place, drawing
    /// `next() % i` for each position from the end.
    /// - Complexity: O(n).
    @inlinable
    public mutating func shuffle<Element>(_ a: inout [Element]) {
        var i = a.count
        while i > 1 {
            let j = Int(next() % UInt64(i))
            i -= 1
            a.swapAt(i, j)
        }
    }
}
