import Foundation
import Hyperfront
import Testing
@testable import Reports

/// The interactive page: its data (golden), its outline (golden: the elements, not the script's
/// bytes), the data embedded unchanged and safely, and the data agreeing with the report.
@Suite struct HTMLPageTests {
    /// The page with the style sheet and the script's text left out: the sections and the
    /// elements the script renders into.
    static func outline(_ page: String) -> String {
        var out: [String] = []
        var skipping = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<style>") || line == "<script>" || line.hasPrefix("<script type=\"application/json\"") {
                out.append(String(line)); skipping = true; continue
            }
            if skipping {
                if line.hasPrefix("</style>") || line.hasPrefix("</script>") { out.append(String(line)); skipping = false }
                continue
            }
            out.append(String(line))
        }
        return out.joined(separator: "\n")
    }

    /// The JSON text between `<script type="application/json" id="page-data">` and `</script>`.
    static func embedded(_ page: String) throws -> String {
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"page-data\">\n"))
        let end = try #require(page.range(of: "\n</script>", range: start.upperBound..<page.endIndex))
        return String(page[start.upperBound..<end.lowerBound])
    }

    @Test func dataAndOutlineMatchGoldenFiles() throws {
        let r = try fixtureReport()
        try Golden.check(HTMLFormat.data(r, all: false) + "\n", "report-2d.page-data.json")
        try Golden.check(Self.outline(HTMLFormat.render(r, all: false)), "report-2d.page-outline.html")
    }

    @Test func embeddedDataParsesAndAgreesWithTheReport() throws {
        let r = try fixtureReport(objectives: 3, count: 80)
        let page = HTMLFormat.render(r, all: false)
        let json = try Self.embedded(page)
        #expect(json == HTMLFormat.data(r, all: false))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(o["format"] as? Int == 1)
        let trials = try #require(o["trials"] as? [[String: Any]])
        #expect(trials.count == r.trials.count)
        #expect(o["front"] as? [Int] == r.front.map { r.trials[$0].number })
        #expect(o["knee"] as? Int == r.knee.map { r.trials[$0].number })
        #expect((o["objectives"] as? [[String: Any]])?.map { $0["metric"] as? String } == r.model.objectives.map(\.metric))
        let groups = Dictionary(grouping: trials, by: { $0["group"] as? String ?? "" }).mapValues(\.count)
        #expect(groups["feasible"] == r.feasible.count && groups["infeasible"] ?? 0 == r.infeasible.count && groups["failed"] ?? 0 == r.failed.count)
        // Every parameter's value list names each categorical choice.
        let params = try #require(o["parameters"] as? [[String: Any]])
        #expect(params.first { $0["name"] as? String == "activation" }?["values"] as? [String] == ["relu", "tanh", "sigmoid"])
        // The importance bars get the report's shares, objective by objective.
        let importance = try #require(o["importance"] as? [[String: Any]])
        #expect(!r.importance.isEmpty)
        #expect(importance.map { $0["objective"] as? String } == r.importance.map(\.objective))
        for (page, report) in zip(importance, r.importance) {
            let shares = try #require(page["shares"] as? [[String: Any]])
            #expect(shares.map { $0["parameter"] as? String } == report.shares.map(\.parameter))
            #expect(zip(shares, report.shares).allSatisfy { abs(($0["share"] as? Double ?? -1) - $1.share) < 1e-12 })
        }
        let hv = try #require(o["hypervolume"] as? [String: Any])
        #expect((hv["history"] as? [[Double]])?.last?[1] == r.hypervolumeHistory.last?.value)
        // Self-contained: no address, no file the page would fetch.
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("src="))
        for id in ["scatter-view", "filters-view", "parallel-view", "history-view", "table-view", "details"] {
            #expect(page.contains("id=\"\(id)\""), "no element \(id)")
        }
        #expect(!page.contains("id=\"curves-view\""), "a study without intermediate reports has no learning-curve section")
    }

    @Test func learningCurvesAreEmbeddedFrontFirstWithinTheLimit() throws {
        let r = try fixtureReport()
        let curves = r.trials.map { t in
            IntermediateReports.Curve(trial: t.number, state: t.state, reports: (1...3).map { ["step": Double($0), "loss": 1 / Double($0 + t.number)] })
        }
        let page = HTMLFormat.render(r, all: false, curves: curves)
        #expect(page.contains("id=\"curves-view\""))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(try Self.embedded(page).utf8)) as? [String: Any])
        let c = try #require(o["curves"] as? [String: Any])
        #expect(c["metrics"] as? [String] == ["loss"])
        let rows = try #require(c["trials"] as? [[String: Any]])
        #expect(rows.count == r.trials.count)
        #expect((rows.first?["reports"] as? [[Double]])?.map { $0[0] } == [1, 2, 3])
    }

    @Test func aStudyNameCannotEndTheScriptEarly() throws {
        let r = try fixtureReport()
        var info = r.info
        info.name = "x</script><script>alert(1)</script><!--"
        let page = HTMLFormat.render(StudyReport(info: info, model: r.model, trials: r.trials), all: false)
        #expect(!page.contains("<script>alert"))
        #expect(page.components(separatedBy: "</script>").count - 1 == 2)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(try Self.embedded(page).utf8)) as? [String: Any])
        #expect(o["study"] as? String == info.name)
    }

    @Test func everyTrialFailedShowsTheReasonAndNoPlots() throws {
        let r = try fixtureReport { ts in for k in ts.indices { ts[k].state = .failed; ts[k].failure = "exit status 1"; ts[k].violation = .infinity } }
        let page = HTMLFormat.render(r, all: false)
        #expect(page.contains("class=\"empty\">Every trial failed (60)"))
        #expect(!page.contains("id=\"scatter-view\"") && !page.contains("id=\"table-view\""))
    }
}
