/// Accuracy and macro-averaged precision, recall and F1 of predicted against true classes.
/// A class never predicted has precision 0, a class absent from the truth recall 0 (the
/// "zero division → 0" convention); macro averages run over all `classes` classes.
public struct ClassificationMetrics: Sendable, Hashable {
    public let accuracy: Double
    public let precision: Double
    public let recall: Double
    public let f1: Double

    /// - Complexity: O(rows + classes).
    public init(truth: [Int32], predicted: [Int32], classes: Int) {
        precondition(truth.count == predicted.count)
        var tp = [Int](repeating: 0, count: classes), predictedCount = tp, actualCount = tp
        var correct = 0
        for (t, p) in zip(truth, predicted) {
            actualCount[Int(t)] += 1
            predictedCount[Int(p)] += 1
            if t == p { tp[Int(t)] += 1; correct += 1 }
        }
        var ps = 0.0, rs = 0.0, fs = 0.0
        for c in 0..<classes {
            let p = predictedCount[c] > 0 ? Double(tp[c]) / Double(predictedCount[c]) : 0
            let r = actualCount[c] > 0 ? Double(tp[c]) / Double(actualCount[c]) : 0
            ps += p
            rs += r
            fs += p + r > 0 ? 2 * p * r / (p + r) : 0
        }
        let k = Double(max(classes, 1))
        accuracy = truth.isEmpty ? 0 : Double(correct) / Double(truth.count)
        precision = ps / k
        recall = rs / k
        f1 = fs / k
    }
}
