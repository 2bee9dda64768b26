import Pareto

/// A small seeded generator (SplitMix64) so every test case is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Sample {
    /// `n` points uniform in [0, 1)^d.
    static func uniform(_ n: Int, _ d: Int, _ rng: inout SplitMix64) -> PointSet {
        PointSet(values: (0..<(n * d)).map { _ in Double.random(in: 0..<1, using: &rng) }, dimension: d)
    }

    /// `n` points on a coarse grid {0, 0.25, …, 1}^d: many ties and duplicates.
    static func grid(_ n: Int, _ d: Int, _ rng: inout SplitMix64) -> PointSet {
        PointSet(values: (0..<(n * d)).map { _ in Double(Int.random(in: 0...4, using: &rng)) / 4 }, dimension: d)
    }

    /// `n` mutually non-dominated points on the unit sphere's positive part.
    static func sphere(_ n: Int, _ d: Int, _ rng: inout SplitMix64) -> PointSet {
        var values: [Double] = []
        for _ in 0..<n {
            let raw = (0..<d).map { _ in Double.random(in: 0.01..<1, using: &rng) }
            let norm = raw.map { $0 * $0 }.reduce(0, +).squareRoot()
            values += raw.map { $0 / norm }
        }
        return PointSet(values: values, dimension: d)
    }
}

func relativeError(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    return abs(a - b) / max(abs(a), abs(b))
}
