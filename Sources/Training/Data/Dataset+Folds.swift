extension Dataset {
    /// Stratified k-fold assignment, deterministic and easy to reproduce elsewhere: the rows
    /// are ordered by class (in `classes` order), then by their position in the data, and the
    /// j-th row in that order goes to fold `j mod k`. Every class is spread over the folds as
    /// evenly as it can be (each fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ of its n_c rows) and the folds'
    /// sizes differ by at most one. In NumPy: `fold[np.lexsort((np.arange(n), y))] = np.arange(n) % k`.
    ///
    /// - Returns: the fold (0 ..< k) of each row.
    /// - Throws: `DataError.badSetting` when k < 2 or a class has fewer than k rows (a fold
    ///   would miss it).
    /// - Complexity: O(rows).
    public func stratifiedFolds(_ k: Int) throws(DataError) -> [Int] {
        guard k >= 2 else {
            throw DataError(.badSetting, file: source, line: 1, message: "cross-validation needs at least 2 folds, found \(k)", hint: "write e.g. cv: 5")
        }
        let counts = classCounts
        if let (c, n) = counts.enumerated().filter({ $0.element < k }).min(by: { $0.element < $1.element }) {
            throw DataError(.badSetting, file: source, line: 1,
                            message: "class '\(classes[c])' has \(n) row(s), fewer than the \(k) folds asked for (each fold needs a row of every class)",
                            hint: "write cv: \(max(2, n)) or fewer, or add rows of that class")
        }
        var start = [Int](repeating: 0, count: counts.count)
        for c in 1..<max(1, counts.count) { start[c] = start[c - 1] + counts[c - 1] }
        var fold = [Int](repeating: 0, count: rows)
        for (i, l) in labels.enumerated() {
            fold[i] = start[Int(l)] % k
            start[Int(l)] += 1
        }
        return fold
    }

    /// The training and validation rows of fold `f` of `folds` (as `stratifiedFolds` gives them).
    public func fold(_ f: Int, of folds: [Int]) -> (train: Dataset, validation: Dataset) {
        var train: [Int] = [], validation: [Int] = []
        for (i, g) in folds.enumerated() { if g == f { validation.append(i) } else { train.append(i) } }
        return (subset(train), subset(validation))
    }
}
