import Foundation
import Hyperfront
import Pareto

extension BenchmarkSpec {
    /// About `points` points on the problem's true Pareto front (minimisation), for IGD and
    /// hypervolume ceilings: closed forms for ZDT; the Das–Dennis simplex lattice on the
    /// DTLZ1 hyperplane and the DTLZ2–4 sphere; the optimal curve of DTLZ5/6; for DTLZ7 a grid of
    /// its position variables at g = 1, non-dominated points kept.
    public func trueFront(points: Int = 1000) -> PointSet {
        let m = objectives
        switch problem {
        case .zdt1, .zdt4: return PointSet(rows: ZDT.front(1, points: points))
        case .zdt2: return PointSet(rows: ZDT.front(2, points: points))
        case .zdt3:
            let p = PointSet(rows: ZDT.front(3, points: points))
            return p.subset(NondominatedSorting.nondominatedIndices(p))
        case .zdt6: return PointSet(rows: ZDT.front(6, points: points))
        case .dtlz1, .dtlz2, .dtlz3, .dtlz4:
            var h = 1
            while binomial(h + 1 + m - 1, m - 1) <= points { h += 1 }
            let lattice = DTLZ.simplexLattice(objectives: m, divisions: h)
            if problem == .dtlz1 { return PointSet(rows: lattice.map { $0.map { 0.5 * $0 } }) }
            return PointSet(rows: lattice.map { w in
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return w.map { $0 / norm }
            })
        case .dtlz5, .dtlz6:
            let distance = problem == .dtlz5 ? 0.5 : 0.0
            let count = Swift.max(points, 2)
            return PointSet(rows: (0..<count).map { k in
                var x = [Double](repeating: distance, count: variables)
                x[0] = Double(k) / Double(count - 1)
                for j in 1..<(m - 1) { x[j] = 0.5 }
                return BenchmarkEvaluator(spec: self).objectives(x)
            })
        case .dtlz7:
            let perAxis = Swift.max(2, Int(pow(Double(Swift.max(points, 2)) * 4, 1 / Double(m - 1)).rounded(.up)))
            var rows: [[Double]] = []
            var digits = [Int](repeating: 0, count: m - 1)
            let evaluator = BenchmarkEvaluator(spec: self)
            repeat {
                var x = [Double](repeating: 0, count: variables)
                for j in 0..<(m - 1) { x[j] = Double(digits[j]) / Double(perAxis - 1) }
                rows.append(evaluator.objectives(x))
                var j = 0
                while j < m - 1 { digits[j] += 1; if digits[j] < perAxis { break }; digits[j] = 0; j += 1 }
                if j == m - 1 { break }
            } while true
            let p = PointSet(rows: rows)
            return p.subset(NondominatedSorting.nondominatedIndices(p))
        }
    }
}

private func binomial(_ n: Int, _ k: Int) -> Int {
    var r = 1
    for i in 0..<k { r = r * (n - i) / (i + 1) }
    return r
}

private func pow(_ a: Double, _ b: Double) -> Double { Foundation.pow(a, b) }
