import Foundation
import Testing
import Randomness
@testable import Training

/// CSV reading, its errors (each naming line and column), the stratified split and
/// standardisation.
struct DatasetTests {
    func error(_ text: String, label: String = "label") -> DataError? {
        do { _ = try Dataset.parse(csv: text, source: "d.csv", label: label); return nil } catch { return error }
    }

    @Test func readsIntegerAndStringLabels() throws {
        let d = try Dataset.parse(csv: "a,b,label\n1,2,10\n3,4,2\r\n\n5,6,2.0\n7,8,10\n", source: "d.csv")
        #expect(d.features == ["a", "b"])
        #expect(d.classes == ["2", "10"])  // numeric order, not text order
        #expect(d.labels == [1, 0, 0, 1])
        #expect(d.values == [1, 2, 3, 4, 5, 6, 7, 8])
        let s = try Dataset.parse(csv: "species,x\nsetosa,1\n\"vir,ginica\",2\nsetosa,3\n", label: "species")
        #expect(s.classes == ["setosa", "vir,ginica"])
        #expect(s.labels == [0, 1, 0])
        #expect(s.features == ["x"])
    }

    @Test func badDataIsLocated() {
        var e = error("")
        #expect(e?.kind == .emptyFile && e?.line == 1)
        e = error("a,label\n")
        #expect(e?.kind == .emptyFile && e?.line == 2)
        e = error("a,b,target\n1,2,0\n")
        #expect(e?.kind == .missingLabelColumn && e?.line == 1)
        #expect(e?.description.contains("'label'") == true)
        e = error("a,b,label\n1,2,0\n3,4\n")
        #expect(e?.kind == .raggedRow && e?.line == 3 && e?.column == 3)
        e = error("a,b,label\n1,2,0\n3,x4,1\n")
        #expect(e?.kind == .nonNumeric && e?.line == 3 && e?.column == 2 && e?.columnName == "b")
        #expect(e?.description.hasPrefix("d.csv:3:2 (column 'b'): not a number: 'x4'") == true)
        e = error("a,b,label\n1,2,0\n\n3,,1\n")
        #expect(e?.kind == .nonNumeric && e?.line == 4 && e?.column == 2)
        e = error("a,b,label\n1,nan,0\n3,4,1\n")
        #expect(e?.kind == .nonFinite && e?.line == 2 && e?.column == 2)
        e = error("a,b,label\n1,inf,0\n")
        #expect(e?.kind == .nonFinite)
        e = error("a,b,label\n1,2,0\n3,4,0\n")
        #expect(e?.kind == .oneClass && e?.column == 3)
        e = error("a,label,b\n1,,2\n")
        #expect(e?.kind == .nonNumeric && e?.column == 2 && e?.columnName == "label")
    }

    @Test func validationFileMustMatchTraining() {
        #expect(throws: DataError.self) { try Dataset.parse(csv: "a,c,label\n1,2,0\n", features: ["a", "b"], classes: ["0", "1"]) }
        do {
            _ = try Dataset.parse(csv: "a,b,label\n1,2,0\n1,2,7\n", source: "v.csv", features: ["a", "b"], classes: ["0", "1"])
            Issue.record("an unknown class was accepted")
        } catch {
            #expect(error.kind == .unknownLabel && error.line == 3 && error.column == 3)
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: DataError.self) { try Dataset.load(csv: "/nonexistent/dir/x.csv") }
    }

    @Test func stratifiedSplitKeepsClassProportions() throws {
        // 3 classes of 50, 30, 20 rows.
        var labels: [Int32] = []
        for (c, n) in [50, 30, 20].enumerated() { labels += [Int32](repeating: Int32(c), count: n) }
        let d = Dataset(values: (0..<100).map(Float.init), features: ["x"], labels: labels, classes: ["a", "b", "c"])
        var r1 = RandomSource(seed: 3), r2 = RandomSource(seed: 3), r3 = RandomSource(seed: 4)
        let (train, validation) = try d.stratifiedSplit(validationFraction: 0.2, using: &r1)
        #expect(validation.classCounts == [10, 6, 4])
        #expect(train.classCounts == [40, 24, 16])
        // Every row lands in exactly one part.
        #expect(Set(train.values + validation.values) == Set(d.values) && train.rows + validation.rows == 100)
        let again = try d.stratifiedSplit(validationFraction: 0.2, using: &r2)
        #expect(again.validation.values == validation.values)
        let other = try d.stratifiedSplit(validationFraction: 0.2, using: &r3)
        #expect(other.validation.values != validation.values)
    }

    @Test func tooFewRowsForTheClasses() {
        let d = Dataset(values: [1, 2, 3, 4, 5, 6], features: ["x"], labels: [0, 1, 2, 0, 1, 2], classes: ["a", "b", "c"], source: "t.csv")
        var rng = RandomSource(seed: 1)
        do {
            _ = try d.stratifiedSplit(validationFraction: 0.2, using: &rng)
            Issue.record("a split with 1 validation row for 3 classes was accepted")
        } catch {
            #expect(error.kind == .tooFewRows && error.file == "t.csv")
        }
    }

    @Test func standardisationUsesTrainingStatisticsOnly() {
        let train = Dataset(values: [1, 10, 3, 10, 5, 10], features: ["a", "b"], labels: [0, 1, 0], classes: ["0", "1"])
        let s = Standardizer(fitting: train)
        #expect(s.mean == [3, 10])
        #expect(abs(s.scale[0] - Float((8.0 / 3).squareRoot())) < 1e-6)
        #expect(s.scale[1] == 1)  // constant column
        let t = s.apply(to: train)
        #expect(abs(t.values[0] + t.values[2] + t.values[4]) < 1e-6)
        let validation = Dataset(values: [3, 12], features: ["a", "b"], labels: [1], classes: ["0", "1"])
        #expect(s.apply(to: validation).values == [0, 2])
    }
}
