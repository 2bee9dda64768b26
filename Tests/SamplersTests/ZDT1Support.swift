import Hyperfront
import Pareto

/// ZDT1 (Zitzler, Deb & Thiele 2000) on a configuration whose parameters are all in [0, 1]:
/// f1 = x0, f2 = g·(1 − √(x0/g)) with g = 1 + 9·mean(x1…).
func zdt1(_ c: Configuration) -> [Double] {
    let rest = (1..<c.count).map { c[$0] }
    let g = 1 + 9 * rest.reduce(0, +) / Double(rest.count)
    return [c[0], g * (1 - (c[0] / g).squareRoot())]
}

/// The hypervolume the configurations' ZDT1 values dominate up to the reference point (1.1, 1.1).
func zdt1Hypervolume(_ cs: [Configuration]) -> Double {
    Hypervolume.compute(PointSet(values: cs.flatMap(zdt1), dimension: 2), reference: [1.1, 1.1])
}
