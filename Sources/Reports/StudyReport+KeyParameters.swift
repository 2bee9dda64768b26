import Foundation
import Hyperfront

extension StudyReport {
    /// Parameters shown as columns at most; wider spaces show the ones that vary most on the front.
    public static let maximumKeyParameters = 8

    /// The searched parameters to show beside the front (space order): all of them when there
    /// are at most `maximumKeyParameters`, otherwise those that vary most across the front —
    /// numeric ones by their spread (standard deviation over the domain's range, in log space
    /// for log ranges), choices by how unevenly their values spread (1 − the share of the
    /// commonest value). Ties go to the earlier parameter.
    public var keyParameters: [Int] {
        let space = model.space
        let searched = space.parameters.indices.filter { if case .fixed = space[$0].domain { return false } else { return true } }
        if searched.count <= Self.maximumKeyParameters { return searched }
        let scored = searched.map { p in (p, variation(of: p)) }
        let top = scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(Self.maximumKeyParameters)
        return top.map(\.0).sorted()
    }

    /// How much parameter `p` varies across the front, in [0, 1].
    func variation(of p: Int) -> Double {
        let xs = front.map { trials[$0].configuration }.filter { p < $0.count }.map { $0[p] }.filter { !$0.isNaN }
        guard xs.count > 1 else { return 0 }
        switch model.space[p].domain {
        case .float(let lo, let hi, let log, _):
            let f: (Double) -> Double = log ? { Foundation.log(max($0, 1e-300)) } : { $0 }
            let range = f(hi) - f(lo)
            return range > 0 ? standardDeviation(xs.map(f)) / range : 0
        case .int(let lo, let hi, _, _):
            return hi > lo ? standardDeviation(xs) / Double(hi - lo) : 0
        case .ordinal(let v):
            return v.count > 1 ? standardDeviation(xs) / Double(v.count - 1) : 0
        case .categorical, .fixed:
            var counts: [Double: Int] = [:]
            for x in xs { counts[x, default: 0] += 1 }
            return 1 - Double(counts.values.max() ?? 0) / Double(xs.count)
        }
    }
}

func standardDeviation(_ xs: [Double]) -> Double {
    let mean = xs.reduce(0, +) / Double(xs.count)
    return (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)).squareRoot()
}
