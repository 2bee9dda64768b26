import Pareto
import Randomness

enum Sample {
    /// `n` points uniform in [0, 1)^d.
    static func uniform(_ n: Int, _ d: Int, _ rng: inout RandomSource) -> PointSet {
        PointSet(values: (0..<(n * d)).map { _ in Double.random(in: 0..<1, using: &rng) }, dimension: d)
    }

    /// `n` points on a coarse grid {0, 0.25, …, 1}^d: many ties and duplicates.
    static func grid(_ n: Int, _ d: Int, _ rng: inout RandomSource) -> PointSet {
        PointSet(values: (0..<(n * d)).map { _ in Double(Int.random(in: 0...4, using: &rng)) / 4 }, dimension: d)
    }

    /// `n` mutually non-dominated points on the unit sphere's positive part.
    static func sphere(_ n: Int, _ d: Int, _ rng: inout RandomSource) -> PointSet {
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
