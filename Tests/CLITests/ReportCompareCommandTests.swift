import Foundation
import Testing

@Suite(.enabled(if: ReportFixtures.available, "python3 is needed to write the synthetic study files"))
struct ReportCompareCommandTests {
    @Test func comparesStudiesAndCSVFrontsInEveryFormat() throws {
        let a = try ReportFixtures.study(seed: 1), b = try ReportFixtures.study(seed: 2)
        for format in ["table", "markdown", "json", "html"] {
            let r = try CLI.run(["compare", a, b, "--format", format])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(r.stdout == (try CLI.run(["compare", a, b, "--format", format])).stdout)
        }
        // A CSV written by report compares with the study it came from: identical fronts.
        let csv = ReportFixtures.temporary("front.csv")
        _ = try CLI.run(["report", a, "--format", "csv", "--output", csv])
        let j = try CLI.run(["compare", a, csv, "--format", "json"])
        #expect(j.status == 0, "\(j.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [String: Any]
        let coverage = obj["coverage"] as! [[Any]]
        #expect(coverage[0][1] as? Double == 1 && coverage[1][0] as? Double == 1)
    }

    @Test func severalRunsPerSideGiveSpreadAndAttainmentSurfaces() throws {
        let a = try (1...3).map { try ReportFixtures.study(trials: 60, seed: $0) }
        let b = try (4...6).map { try ReportFixtures.study(trials: 30, seed: $0) }
        let r = try CLI.run(["compare", "--runs", a.joined(separator: ","), "--runs", b.joined(separator: ","), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let sets = obj["sets"] as! [[String: Any]]
        #expect((sets[0]["runs"] as! [Any]).count == 3)
        #expect((sets[0]["attainment"] as! [[String: Any]]).map { $0["name"] as! String } == ["best", "median", "worst"])
    }

    @Test func badInputsExitWithTwo() throws {
        let a = try ReportFixtures.study()
        #expect(try CLI.run(["compare", a]).status == 2)
        let missing = try CLI.run(["compare", a, "/nonexistent.csv"])
        #expect(missing.status == 2 && missing.stderr.contains("/nonexistent.csv: no such file"))
        let other = ReportFixtures.temporary("other.csv")
        try "loss,params\n0.1,100\n".write(toFile: other, atomically: true, encoding: .utf8)
        let mismatch = try CLI.run(["compare", a, other])
        #expect(mismatch.status == 2 && mismatch.stderr.contains("no column 'accuracy'"))
    }
}
