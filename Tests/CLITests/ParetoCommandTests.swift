import Testing
import Foundation

/// The `hv` and `nondominated` commands, run as the built binary.
@Suite struct ParetoCommandTests {
    /// Point sets with exact oracle values computed by moocore (see Tests/Fixtures/pareto/README.md).
    static let data = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/pareto")

    /// Writes `text` to a fresh temporary file and returns its path.
    func file(_ text: String, _ name: String = "points.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hyperfront-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func hypervolumeOfASmallFile() throws {
        let path = try file("1,3\n2,2\n3,1\n5,5\n")
        let r = try CLI.run(["hv", path, "--ref", "4,4"])
        #expect(r.status == 0)
        #expect(r.stdout == "6\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func hypervolumePrintsSeventeenDigitsAndTimesWithRepeat() throws {
        let path = try file("0.1,0.7,0.3\n0.5,0.2,0.4\n")
        let r = try CLI.run(["hv", path, "--ref", "1,1,1", "--repeat", "3"])
        #expect(r.status == 0)
        // 0.9*0.3*0.7 + 0.5*0.8*0.6 - overlap 0.5*0.3*0.6 = 0.189 + 0.24 - 0.09
        let value = try #require(Double(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(abs(value - 0.339) < 1e-15)
        #expect(r.stderr.hasPrefix("seconds: "))
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(Double(first.dropFirst(9)) != nil)
        #expect(r.stderr.contains("cpu-seconds: "))
    }

    @Test func nondominatedPointsAndRanks() throws {
        let path = try file("1,5\n2,2\n3,3\n5,1\n2,2\n4,4\n0.1,6\n")
        let front = try CLI.run(["nondominated", path])
        #expect(front.status == 0)
        #expect(front.stdout == "1.0,5.0\n2.0,2.0\n5.0,1.0\n2.0,2.0\n0.1,6.0\n")
        let ranks = try CLI.run(["nondominated", path, "--ranks"])
        #expect(ranks.status == 0)
        #expect(ranks.stdout == "1\n1\n2\n1\n1\n3\n1\n")
    }

    @Test func valuesRoundTrip() throws {
        let values = ["0.1", "0.30000000000000004", "1e-300", "123456789.12345679"]
        let path = try file(values.joined(separator: ",") + "\n")
        let r = try CLI.run(["nondominated", path])
        #expect(r.status == 0)
        let back = r.stdout.trimmingCharacters(in: .newlines).split(separator: ",").map { Double(String($0))! }
        #expect(back == values.map { Double($0)! })
    }

    @Test(arguments: [
        ("1,2\n3,x\n", "points.csv:2:3:", "not a number"),
        ("1,2\n3\n", "points.csv:2:", "1 value, but the first row has 2"),
        ("1,2\n3,4,5\n", "points.csv:2:", "more than 2 values"),
        ("\n\n", "points.csv:1:1:", "no points"),
        ("1,,2\n", "points.csv:1:3:", "empty value"),
        ("1,nan\n", "points.csv:1:3:", "not a finite number"),
    ])
    func badFilesAreReportedWithTheirPlace(text: String, place: String, message: String) throws {
        let path = try file(text)
        for args in [["hv", path, "--ref", "1,1"], ["nondominated", path]] {
            let r = try CLI.run(args)
            #expect(r.status == 2)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(place), "\(r.stderr)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(!r.stderr.contains("Stack"), "no backtrace")
        }
    }

    @Test func badArgumentsExitWithTwo() throws {
        let path = try file("1,2\n")
        let missing = try CLI.run(["hv", "/nonexistent/points.csv", "--ref", "1,1"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/points.csv"))
        let wrongDimension = try CLI.run(["hv", path, "--ref", "1,1,1"])
        #expect(wrongDimension.status == 2)
        #expect(wrongDimension.stderr.contains("3 values"))
        let notNumeric = try CLI.run(["hv", path, "--ref", "1,abc"])
        #expect(notNumeric.status == 2)
        #expect(notNumeric.stderr.contains("'abc'"))
        let badRepeat = try CLI.run(["nondominated", path, "--repeat", "0"])
        #expect(badRepeat.status == 2)
    }

    /// Every fixture front against its exact hypervolume.
    @Test(arguments: ["hv-d2-n1000", "hv-d3-n1000", "hv-d4-n400", "hv-d5-n500", "hv-d6-n200"])
    func fixtureFrontsMatchTheirExactHypervolume(name: String) throws {
        let inputs = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.data.appendingPathComponent("inputs.json"))) as! [String: Any]
        let fronts = inputs["hv_fronts"] as! [[String: Any]]
        let entry = try #require(fronts.first { ($0["file"] as! String) == name + ".csv" })
        let exact = entry["hypervolume_exact"] as! Double
        let ref = (entry["reference_point"] as! [Double]).map { String($0) }.joined(separator: ",")
        let r = try CLI.run(["hv", Self.data.appendingPathComponent(name + ".csv").path, "--ref", ref])
        #expect(r.status == 0, "\(r.stderr)")
        let value = try #require(Double(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(abs(value - exact) / exact <= 1e-12)
    }

    /// Every fixture set's front ranks against moocore's (0-based there, 1-based here).
    @Test(arguments: ["nds-M2-N1000", "nds-M3-N1000", "nds-M5-N400"])
    func fixtureSortingSetsMatchTheirRanks(name: String) throws {
        let oracle = try String(contentsOf: Self.data.appendingPathComponent(name + ".ranks.csv"), encoding: .utf8)
            .split(separator: "\n").map { Int($0)! + 1 }
        #expect(oracle.count > 100 && Set(oracle).count > 5, "the oracle has many fronts")
        let r = try CLI.run(["nondominated", Self.data.appendingPathComponent(name + ".csv").path, "--ranks"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").map { Int($0)! } == oracle)
    }
}
