import Foundation
import Testing

@Suite(.enabled(if: ReportFixtures.available, "python3 is needed to write the synthetic study files"))
struct ReportWhereTests {
    @Test func whereFiltersWhatTheFrontShows() throws {
        let a = try ReportFixtures.study(trials: 120, seed: 3)
        let full = try CLI.run(["report", a, "--format", "json"])
        let cut = try CLI.run(["report", a, "--format", "json", "--where", "accuracy>=0.9", "--where", "memory_bytes < 400000"])
        #expect(full.status == 0 && cut.status == 0, "\(cut.stderr)")
        func trials(_ text: String) throws -> (all: [[String: Any]], obj: [String: Any]) {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (try #require(obj["trials"] as? [[String: Any]]), obj)
        }
        let (front, obj) = try trials(cut.stdout)
        #expect(!front.isEmpty)
        for t in front {
            let m = try #require(t["metrics"] as? [String: Double])
            #expect((m["accuracy"] ?? 0) >= 0.9 && (m["memory_bytes"] ?? .infinity) < 400000)
        }
        let filters = try #require(obj["filters"] as? [String: Any])
        #expect(filters["where"] as? [String] == ["accuracy>=0.9", "memory_bytes<400000"] && (filters["left_out"] as? Int ?? 0) > 0)
        // The knee is a shown trial.
        if let knee = obj["knee"] as? Int { #expect(front.contains { $0["trial"] as? Int == knee }) }
        #expect(try trials(full.stdout).obj["filters"] == nil)
        let table = try CLI.run(["report", a, "--where", "accuracy>=0.9"])
        #expect(table.stdout.contains("Shown: trials where accuracy>=0.9"))
    }

    @Test func badFiltersAreLocatedAndExitWithTwo() throws {
        let a = try ReportFixtures.study()
        let op = try CLI.run(["report", a, "--where", "accuracy>>0.9"])
        #expect(op.status == 2 && op.stderr.contains("--where 'accuracy>>0.9': at character 9: '>>' is not a comparison"), "\(op.stderr)")
        let metric = try CLI.run(["report", a, "--where", "acc>=0.9"])
        #expect(metric.status == 2 && metric.stderr.contains("the study has no metric 'acc' (it has "), "\(metric.stderr)")
        let number = try CLI.run(["report", a, "--where", "accuracy>=high"])
        #expect(number.status == 2 && number.stderr.contains("at character 11: 'high' is not a number"), "\(number.stderr)")
        let none = try CLI.run(["report", a, "--where", "accuracy"])
        #expect(none.status == 2 && none.stderr.contains("no comparison"))
    }
}
