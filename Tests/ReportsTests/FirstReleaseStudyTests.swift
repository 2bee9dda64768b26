import Foundation
import Testing
import Hyperfront
import Store
import Studies
@testable import Reports

/// The first release's study files (Tests/Fixtures/first-release): read as they are, they report
/// what the first release reported; continued by a run, they store the model a new study of
/// the same scenario would store.
@Suite struct FirstReleaseStudyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/first-release")

    /// The built `hyperfront` beside the test bundle.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("hyperfront").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("hyperfront")
    }

    static func copy(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fr-\(UUID().uuidString)-\(name).sqlite").path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("\(name).sqlite").path, toPath: path)
        return path
    }

    @Test(arguments: ["zdt1", "mlp", "command"])
    func reportsWhatTheFirstReleaseReported(_ name: String) throws {
        let report = try StudyReport(storage: try StudyStore.open(path: try Self.copy(name), readOnly: true), registry: .standard)
        #expect(report.info.model == nil)
        let csv = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).report-all.csv"), encoding: .utf8)
        let table = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).report.txt"), encoding: .utf8)
        #expect(CSVFormat.render(report, all: true) == csv)
        // What the first release printed, then the sections added since (importance).
        #expect(TableFormat.render(report, all: false).hasPrefix(table))
    }

    @Test(arguments: [("zdt1", 40), ("mlp", 12), ("command", 10)])
    func aResumedStudyStoresTheModelOfItsScenario(_ name: String, _ trials: Int) throws {
        let study = try Self.copy(name)
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["run", "Tests/Fixtures/first-release/\(name).yaml", "--study", study, "--resume", "--trials", String(trials + 5), "--quiet"]
        p.currentDirectoryURL = Self.root
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)

        let scenario = try ScenarioLoader.load(path: Self.fixtures.appendingPathComponent("\(name).yaml").path)
        let expected = StudyModel(scenario: try StudySetup.make(scenario).scenario)
        let store = try StudyStore.open(path: study, readOnly: true)
        #expect(try store.schema() == 2)
        let info = try store.info()
        let model = try #require(info.model)
        #expect(info.trials == trials + 5)
        // Paths aside (resolved from another folder here), the same model.
        #expect(model.space == expected.space && model.objectives == expected.objectives && model.constraints == expected.constraints)
        #expect(model.resources == expected.resources && model.metrics == expected.metrics && model.search == expected.search)
        #expect(model.evaluator.kind == expected.evaluator.kind && model.name == expected.name)
        if name == "mlp" {
            // The built-in trainer's exact formulas are part of it, though the YAML names none.
            #expect(Set(model.resources.map(\.metric)) == ["params", "memory_bytes", "flops"])
        }
        // Reports read the stored model now: the same bytes for the first release's trials.
        let report = try StudyReport(storage: store, registry: .standard)
        let old = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).report-all.csv"), encoding: .utf8).split(separator: "\n")
        #expect(Array(CSVFormat.render(report, all: true).split(separator: "\n").prefix(old.count)) == old)
    }
}
