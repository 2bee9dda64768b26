/// A classification data set in memory: a row-major matrix of Float features and one class
/// index per row.
public struct Dataset: Sendable {
    /// Row-major features, `rows × features.count` values.
    public var values: [Float]
    /// Feature (column) names, in order.
    public var features: [String]
    /// Class index of each row, into `classes`.
    public var labels: [Int32]
    /// Class names, in index order (integers sorted numerically, otherwise names sorted).
    public var classes: [String]
    /// Where the rows came from (for messages).
    public var source: String

    public init(values: [Float], features: [String], labels: [Int32], classes: [String], source: String = "<memory>") {
        precondition(labels.isEmpty || values.count == labels.count * features.count, "values must be rows × features")
        self.values = values
        self.features = features
        self.labels = labels
        self.classes = classes
        self.source = source
    }

    public var rows: Int { labels.count }
    public var featureCount: Int { features.count }
    public var classCount: Int { classes.count }

    /// Rows per class, indexed like `classes`.
    public var classCounts: [Int] {
        var c = [Int](repeating: 0, count: classes.count)
        for l in labels { c[Int(l)] += 1 }
        return c
    }

    /// The rows at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        let f = featureCount
        var v = [Float]()
        v.reserveCapacity(indices.count * f)
        var l = [Int32]()
        l.reserveCapacity(indices.count)
        for i in indices {
            precondition(i >= 0 && i < rows, "row index \(i) out of range 0..<\(rows)")
            v.append(contentsOf: values[(i * f)..<((i + 1) * f)])
            l.append(labels[i])
        }
        return Dataset(values: v, features: features, labels: l, classes: classes, source: source)
    }
}
