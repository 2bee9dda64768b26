import Foundation
import Hyperfront
import Testing
@testable import Reports
import Store

/// The scenario's `report:` section: read with located errors, stored in the study's model,
/// applied by every report of the study, and replaced by the command line's own.
@Suite struct ScenarioReportSettingsTests {
    static func yaml(_ report: String) -> String { FixtureStudy.yaml(objectives: 3) + report }

    @Test func reportSectionIsReadAndStoredInTheModel() throws {
        let text = Self.yaml("""
        report:
          where: ["accuracy>=0.8", "memory_bytes<=400000"]
          tolerance: {train_seconds: 5%, accuracy: 0.002}

        """)
        let s = try ScenarioLoader.parse(text, path: "r.yaml", checkFiles: false)
        #expect(s.report.filters.map(\.description) == ["accuracy>=0.8", "memory_bytes<=400000"])
        #expect(s.report.tolerances == [ObjectiveTolerance(metric: "train_seconds", amount: .relative(0.05)),
                                        ObjectiveTolerance(metric: "accuracy", amount: .absolute(0.002))])
        let model = StudyModel(scenario: s)
        #expect(model.jsonText().contains("\"report\":{\"tolerance\":[\"train_seconds=5%\",\"accuracy=0.002\"],\"where\":[\"accuracy>=0.8\",\"memory_bytes<=400000\"]}"))
        #expect(try StudyModel.read(json: model.jsonText()) == model)
        // Without a report section the JSON has no "report" key (older files read the same).
        #expect(!StudyModel(scenario: try FixtureStudy.scenario(objectives: 3)).jsonText().contains("\"report\""))
        // A single string and a list of METRIC=AMOUNT read too.
        let other = try ScenarioLoader.parse(Self.yaml("report: {where: \"accuracy>0.5\", tolerance: [\"train_seconds=0.5s\"]}\n"), path: "r.yaml", checkFiles: false)
        #expect(other.report == ReportSettings(filters: [MetricFilter(metric: "accuracy", comparison: .above, value: 0.5)],
                                               tolerances: [ObjectiveTolerance(metric: "train_seconds", amount: .absolute(0.5))]))
    }

    @Test func badReportSettingsAreLocated() throws {
        func message(_ report: String) -> String {
            do { _ = try ScenarioLoader.parse(Self.yaml(report), path: "r.yaml", checkFiles: false); return "" } catch { return "\(error)" }
        }
        let lines = FixtureStudy.yaml(objectives: 3).split(separator: "\n", omittingEmptySubsequences: false).count
        let op = message("report:\n  where: [\"accuracy>>0.9\"]\n")
        #expect(op.contains("r.yaml:\(lines + 1):") && op.contains("report.where[0]") && op.contains("'>>' is not a comparison"), "\(op)")
        let metric = message("report:\n  tolerance: {acc: 5%}\n")
        #expect(metric.contains("r.yaml:\(lines + 1):") && metric.contains("report.tolerance.acc") && metric.contains("no metric 'acc'"), "\(metric)")
        let key = message("report:\n  filter: [\"accuracy>0.9\"]\n")
        #expect(key.contains("unknown key 'filter'") && key.contains("where, tolerance"), "\(key)")
    }

    @Test func studyReportsUseTheScenariosSettingsUnlessTheCommandLineGivesItsOwn() throws {
        let text = Self.yaml("report: {where: [\"accuracy>=0.8\"], tolerance: {train_seconds: 20%}}\n")
        let sc = try ScenarioLoader.parse(text, path: "fixture.yaml", checkFiles: false)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-settings-\(UUID().uuidString).sqlite").path
        let store = try StudyStore.create(path: path, info: FixtureStudy.info(sc, yaml: text, trials: 120))
        try store.save(FixtureStudy.trials(sc, count: 120, seed: 5))
        let r = try StudyReport(storage: try StudyStore.open(path: path, readOnly: true), registry: .standard)
        #expect(r.filters.map(\.description) == ["accuracy>=0.8"] && r.tolerances.map(\.description) == ["train_seconds=20%"])
        #expect(r.front.allSatisfy { r.metric("accuracy", of: $0)! >= 0.8 } && !r.filteredOut.isEmpty)
        // --where replaces the scenario's filters and keeps its tolerances; --tolerance the same the other way.
        let w = try r.selecting(where: ["accuracy>=0.7"], tolerance: [])
        #expect(w.filters.map(\.description) == ["accuracy>=0.7"] && w.tolerances == r.tolerances)
        let t = try r.selecting(where: [], tolerance: ["accuracy=0.01"])
        #expect(t.filters == r.filters && t.tolerances.map(\.description) == ["accuracy=0.01"])
        #expect(throws: StudyReport.SelectionError.self) { try r.selecting(where: ["acc>1"], tolerance: []) }
    }
}
