import Randomness

extension Dataset {
    /// A stratified train/validation split: every class contributes the same fraction of its
    /// rows to the validation set (rounded so the total is ⌈rows · fraction⌉ as in scikit-learn, each class
    /// keeping at least one training row), rows drawn at random with `rng`.
    ///
    /// - Throws: `DataError.tooFewRows` when the validation or training part would have fewer
    ///   rows than there are classes, or the fraction is not in (0, 1).
    /// - Complexity: O(rows).
    public func stratifiedSplit(validationFraction: Double, using rng: inout some RandomNumberGenerator) throws(DataError)
        -> (train: Dataset, validation: Dataset) {
        guard validationFraction > 0, validationFraction < 1 else {
            throw DataError(.badSetting, file: source, line: 1, message: "validation fraction \(validationFraction) is not between 0 and 1",
                            hint: "write e.g. validation_fraction: 0.2")
        }
        let k = classCount
        let total = Int((Double(rows) * validationFraction - 1e-9).rounded(.up))
        if total < k || rows - total < k {
            throw DataError(.tooFewRows, file: source, line: rows + 1,
                            message: "\(rows) rows are too few for \(k) classes: a \(Int((validationFraction * 100).rounded()))% validation split gives \(total) validation and \(rows - total) training rows, and each part needs at least one row per class",
                            hint: "add rows (at least \(2 * k)), or change validation_fraction, or give a separate validation_dataset")
        }
        var byClass = [[Int]](repeating: [], count: k)
        for (i, l) in labels.enumerated() { byClass[Int(l)].append(i) }
        // Largest-remainder allocation of `total` validation rows over the classes.
        var take = byClass.map { Int((Double($0.count) * validationFraction).rounded(.down)) }
        var remainders = byClass.enumerated().map { (c, rows) in (c, Double(rows.count) * validationFraction - Double(take[c])) }
        remainders.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var missing = total - take.reduce(0, +)
        var pass = 0
        while missing > 0 && pass < 2 {
            for (c, _) in remainders where missing > 0 && take[c] < byClass[c].count - 1 {
                take[c] += 1
                missing -= 1
            }
            pass += 1
        }
        var random = RandomSource(drawingFrom: &rng)
        var train: [Int] = [], validation: [Int] = []
        for c in 0..<k {
            var idx = byClass[c]
            random.shuffle(&idx)
            validation += idx.prefix(take[c])
            train += idx.dropFirst(take[c])
        }
        train.sort()
        validation.sort()
        return (subset(train), subset(validation))
    }
}
