import Randomness
import Testing
@testable import Training

/// Stratified k-fold assignment: the documented rule, stratification, disjoint folds, errors.
struct DatasetFoldTests {
    static func data(_ labels: [Int32], classes: [String]) -> Dataset {
        Dataset(values: labels.indices.map(Float.init), features: ["x"], labels: labels, classes: classes, source: "t.csv")
    }

    @Test func theRuleIsClassThenPositionModuloK() throws {
        // Class 0 at rows 1, 3, 4, 6 (order positions 0–3), class 1 at rows 0, 2, 5 (positions 4–6).
        let d = Self.data([1, 0, 1, 0, 0, 1, 0], classes: ["a", "b"])
        #expect(try d.stratifiedFolds(2) == [0, 0, 1, 1, 0, 0, 1])
    }

    @Test(arguments: [2, 3, 5, 7])
    func foldsAreStratifiedBalancedAndDisjoint(k: Int) throws {
        // Unbalanced classes, shuffled order: 40, 23 and 7 rows.
        var labels: [Int32] = Array(repeating: 0, count: 40) + Array(repeating: 1, count: 23) + Array(repeating: 2, count: 7)
        var rng = RandomSource(seed: 3)
        rng.shuffle(&labels)
        let d = Self.data(labels, classes: ["a", "b", "c"])
        let folds = try d.stratifiedFolds(k)
        #expect(folds.count == d.rows && folds.allSatisfy { (0..<k).contains($0) })
        let sizes = (0..<k).map { f in folds.filter { $0 == f }.count }
        #expect(sizes.max()! - sizes.min()! <= 1)
        for (c, n) in d.classCounts.enumerated() {
            let perFold = (0..<k).map { f in zip(folds, labels).filter { $0.0 == f && $0.1 == Int32(c) }.count }
            #expect(perFold.allSatisfy { $0 == n / k || $0 == (n + k - 1) / k }, "class \(c): \(perFold)")
        }
        var validated = Set<Float>()
        for f in 0..<k {
            let (train, validation) = d.fold(f, of: folds)
            let tv = Set(train.values), vv = Set(validation.values)
            #expect(tv.isDisjoint(with: vv) && tv.count + vv.count == d.rows)
            #expect(validated.isDisjoint(with: vv))
            validated.formUnion(vv)
        }
        #expect(validated.count == d.rows)   // every row validated exactly once
    }

    @Test func tooFewRowsOrFoldsAreRefused() {
        let d = Self.data([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2], classes: ["a", "b", "c"])
        #expect(throws: DataError.self) { try d.stratifiedFolds(1) }
        do { _ = try d.stratifiedFolds(4); Issue.record("4 folds with a class of 3 rows") }
        catch { #expect(error.description.contains("class 'a' has 3 row(s), fewer than the 4 folds") && error.hint.contains("cv: 3")) }
        #expect((try? d.stratifiedFolds(3)) != nil)
    }
}
