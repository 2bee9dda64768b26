/// A set of points in objective space, stored flat and row-major: point `i` occupies
/// `values[i * dimension ..< (i + 1) * dimension]`. Every kernel in this module assumes
/// **minimisation**; negate maximised objectives once, where they are read.
public struct PointSet: Sendable, Equatable {
    public private(set) var values: [Double]
    public let dimension: Int

    /// - Precondition: `values.count` is a multiple of `dimension`, and `dimension >= 1`.
    public init(values: [Double], dimension: Int) {
        precondition(dimension >= 1, "dimension must be at least 1")
        precondition(values.count % dimension == 0, "values.count must be a multiple of dimension")
        self.values = values
        self.dimension = dimension
    }

    public init(rows: [[Double]]) {
        let d = rows.first?.count ?? 1
        var flat: [Double] = []
        flat.reserveCapacity(rows.count * d)
        for r in rows {
            precondition(r.count == d, "every row must have the same length")
            flat.append(contentsOf: r)
        }
        self.init(values: flat, dimension: d)
    }

    public var count: Int { values.count / dimension }
    public var isEmpty: Bool { values.isEmpty }

    public subscript(i: Int) -> ArraySlice<Double> {
        values[(i * dimension)..<((i + 1) * dimension)]
    }

    public func row(_ i: Int) -> [Double] { Array(self[i]) }

    public mutating func append(_ point: some Collection<Double>) {
        precondition(point.count == dimension)
        values.append(contentsOf: point)
    }

    /// The subset of rows at `indices`, in that order.
    public func subset(_ indices: some Sequence<Int>) -> PointSet {
        var out: [Double] = []
        for i in indices { out.append(contentsOf: self[i]) }
        return PointSet(values: out, dimension: dimension)
    }
}
