import Foundation
import Hyperfront

/// Grid search: every combination of each parameter's grid values.
///
/// Continuous ranges contribute `points` evenly spaced values (in log space for log ranges);
/// int ranges at most `points` evenly spaced values; choices all their values. Combinations
/// that differ only in inactive parameters are one configuration. When the trial budget is
/// smaller than the grid, the grid is visited in a seeded random order, so a short run still
/// covers the whole space instead of its first corner.
public struct GridSampler: Sampler {
    public let space: SearchSpace
    private var queue: [Configuration]
    private var next = 0
    private var shuffled = false
    private let budget: Int

    /// Largest grid this sampler will enumerate.
    public static let maximumSize = 5_000_000

    public enum GridError: Error, CustomStringConvertible {
        case tooLarge(Int)
        public var description: String {
            "the grid has more than \(GridSampler.maximumSize) points (\(size)); lower search.grid_points, narrow the space, or use algorithm: random"
        }
        var size: Int { if case .tooLarge(let n) = self { return n } else { return 0 } }
    }

    public init(space: SearchSpace, points: Int, budget: Int) throws(GridError) {
        self.space = space
        self.budget = budget
        let axes = space.parameters.map { GridSampler.axis($0.domain, points: points) }
        var total = 1
        for a in axes {
            let (p, overflow) = total.multipliedReportingOverflow(by: a.count)
            if overflow || p > GridSampler.maximumSize { throw .tooLarge(overflow ? Int.max : p) }
            total = p
        }
        var seen = Set<Configuration>()
        var queue: [Configuration] = []
        var index = [Int](repeating: 0, count: axes.count)
        for _ in 0..<total {
            var c = Configuration(axes.indices.map { axes[$0][index[$0]] })
            space.normalize(&c) { _ in 0 }
            if seen.insert(c).inserted { queue.append(c) }
            // advance the mixed-radix counter (last parameter fastest)
            var k = axes.count - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < axes[k].count { break }
                index[k] = 0
                k -= 1
            }
        }
        self.queue = queue
    }

    /// Number of distinct configurations in the grid.
    public var size: Int { queue.count }

    static func axis(_ domain: Domain, points: Int) -> [Double] {
        switch domain {
        case .float(let lo, let hi, let log, _):
            let raw: [Double] = (0..<points).map { k in
                let t = Double(k) / Double(points - 1)
                return log ? Foundation.exp(Foundation.log(lo) + t * (Foundation.log(hi) - Foundation.log(lo))) : lo + t * (hi - lo)
            }
            var out: [Double] = []
            for v in raw.map(domain.clamp) where !out.contains(v) { out.append(v) }
            return out
        case .int(let lo, let hi, let log, let step):
            let n = (hi - lo) / step + 1
            if n <= points { return (0..<n).map { Double(lo + $0 * step) } }
            var out: [Double] = []
            for k in 0..<points {
                let t = Double(k) / Double(points - 1)
                let x = log ? Foundation.exp(Foundation.log(Double(lo)) + t * (Foundation.log(Double(hi)) - Foundation.log(Double(lo))))
                            : Double(lo) + t * Double(hi - lo)
                let v = domain.clamp(x)
                if !out.contains(v) { out.append(v) }
            }
            return out
        case .ordinal(let v): return (0..<v.count).map(Double.init)
        case .categorical(let v): return (0..<v.count).map(Double.init)
        case .fixed: return [0]
        }
    }

    public mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] {
        if !shuffled {
            shuffled = true
            if budget < queue.count { queue.shuffle(using: &rng) }
        }
        var out: [Proposal] = []
        while out.count < limit && next < queue.count {
            let c = queue[next]
            next += 1
            if !isKnown(c) { out.append(Proposal(configuration: c, generation: 0)) }
        }
        return out
    }

    public mutating func tell(_ observations: [Observation]) {}
}
