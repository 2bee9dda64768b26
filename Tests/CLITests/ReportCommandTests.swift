import Foundation
import Testing

@Suite(.enabled(if: ReportFixtures.available, "python3 is needed to write the synthetic study files"))
struct ReportCommandTests {
    @Test func everyFormatIsStableAndOutputFileEqualsStandardOutput() throws {
        let study = try ReportFixtures.study()
        for format in ["table", "markdown", "csv", "json", "html"] {
            let a = try CLI.run(["report", study, "--format", format])
            let b = try CLI.run(["report", study, "--format", format])
            #expect(a.status == 0, "\(format): \(a.stderr)")
            #expect(!a.stdout.isEmpty)
            #expect(a.stdout == b.stdout, "\(format) output changed between two runs")
            let out = ReportFixtures.temporary("report.\(format)")
            let c = try CLI.run(["report", study, "--format", format, "--output", out])
            #expect(c.status == 0 && c.stdout.isEmpty)
            #expect(try String(contentsOfFile: out, encoding: .utf8) == a.stdout)
        }
    }

    @Test func tableMarksKneeAndBestsAndSummarises() throws {
        let study = try ReportFixtures.study()
        let r = try CLI.run(["report", study])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Study synthetic-2d: 120 trials"))
        #expect(r.stdout.contains("hypervolume"))
        #expect(r.stdout.contains("knee"))
        #expect(r.stdout.contains("best accuracy") && r.stdout.contains("best memory_bytes"))
        #expect(r.stdout.contains("slack train_seconds"))
        let all = try CLI.run(["report", study, "--all", "--format", "csv"])
        #expect(all.stdout.split(separator: "\n").count == 121)
    }

    @Test func jsonParsesAndHtmlIsSelfContained() throws {
        let study = try ReportFixtures.study(objectives: 3)
        let j = try CLI.run(["report", study, "--format", "json"])
        let obj = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any]
        #expect(obj?["schema"] as? Int == 1)
        #expect((obj?["trials"] as? [Any])?.isEmpty == false)
        let h = try CLI.run(["report", study, "--format", "html"])
        #expect(h.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!h.stdout.contains("http://") && !h.stdout.contains("https://") && !h.stdout.contains("src="))
        #expect(["scatter-view", "parallel-view", "history-view", "table-view", "page-data"].allSatisfy { h.stdout.contains("id=\"\($0)\"") })
    }

    @Test func missingStudyIsBadInput() throws {
        let r = try CLI.run(["report", "/nonexistent/study.sqlite"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no such study file"))
    }
}
