import Pareto

/// The non-dominated set of every evaluated point, kept incrementally (minimisation).
struct Archive {
    let dimension: Int
    var values: [Double] = []

    init(dimension: Int) { self.dimension = dimension }

    var count: Int { values.count / dimension }

    /// Adds `p` unless a member weakly dominates it; removes the members it dominates.
    /// - Complexity: O(M·A) for an archive of A points.
    mutating func insert(_ p: ArraySlice<Double>) {
        let d = dimension
        var i = 0
        while i < count {
            var better = false, worse = false
            for k in 0..<d {
                let a = values[i * d + k], b = p[p.startIndex + k]
                if a < b { better = true } else if a > b { worse = true }
            }
            if !worse { return }           // member weakly dominates p
            if !better {                   // p dominates member: swap-remove
                let last = count - 1
                if i != last { for k in 0..<d { values[i * d + k] = values[last * d + k] } }
                values.removeLast(d)
                continue
            }
            i += 1
        }
        values += p
    }

    var points: PointSet { PointSet(values: values, dimension: dimension) }
}

/// Exact hypervolume for 2 or 3 objectives by sweeping (the 3-D case slices along the last
/// objective and keeps the 2-D staircase of the points below the slice: O(n²)); used for
/// archives of thousands of points, where the reference kernel's recursion is too slow.
func sweepHypervolume(_ p: PointSet, reference r: [Double]) -> Double {
    let d = p.dimension
    var rows: [[Double]] = []
    for i in 0..<p.count {
        let row = p.row(i)
        if zip(row, r).allSatisfy({ $0 < $1 }) { rows.append(row) }
    }
    func area(_ pts: [(Double, Double)]) -> Double {
        // pts sorted by x ascending; non-dominated staircase
        var total = 0.0
        var lastY = r[1]
        var stair: [(Double, Double)] = []
        for q in pts where q.1 < lastY { stair.append(q); lastY = q.1 }
        for (k, q) in stair.enumerated() {
            let nextX = k + 1 < stair.count ? stair[k + 1].0 : r[0]
            total += (nextX - q.0) * (r[1] - q.1)
        }
        return total
    }
    if d == 2 {
        return area(rows.map { ($0[0], $0[1]) }.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) })
    }
    precondition(d == 3, "sweepHypervolume handles 2 or 3 objectives")
    rows.sort { $0[2] < $1[2] }
    var total = 0.0
    var slice: [(Double, Double)] = []
    for (i, row) in rows.enumerated() {
        let q = (row[0], row[1])
        let at = slice.firstIndex { $0.0 > q.0 || ($0.0 == q.0 && $0.1 > q.1) } ?? slice.count
        slice.insert(q, at: at)
        let hi = i + 1 < rows.count ? rows[i + 1][2] : r[2]
        if hi > row[2] { total += (hi - row[2]) * area(slice) }
    }
    return total
}
