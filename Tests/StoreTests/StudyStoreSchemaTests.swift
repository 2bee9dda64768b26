import Foundation
import Testing
import GRDB
import Hyperfront
@testable import Store

/// First-release study files: read as they are (nothing written), migrated only when opened
/// for writing; files of a newer version are refused for writing.
@Suite struct StudyStoreSchemaTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/first-release")

    static func copy(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("st-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(name).sqlite").path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("\(name).sqlite").path, toPath: path)
        return path
    }

    @Test(arguments: ["zdt1", "mlp", "command"])
    func firstReleaseFileReadsWithoutBeingWritten(_ name: String) throws {
        let path = try Self.copy(name)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try StudyStore.open(path: path, readOnly: true)
        #expect(try store.schema() == 1)
        let info = try store.info()
        #expect(info.model == nil && !info.scenario.isEmpty && info.scenarioPath == "Tests/Fixtures/first-release/\(name).yaml")
        let trials = try store.trials()
        #expect(!trials.isEmpty && trials.allSatisfy { $0.state == .complete })
        #expect(try store.counts() == [.complete: trials.count])
        #expect(try store.setting("pipeline") != nil)
        if name != "zdt1" { #expect(try !store.intermediate(trial: 0).isEmpty) }
        try store.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["\(name).sqlite"])
    }

    @Test func openingForWritingMigratesToTheCurrentSchema() throws {
        let path = try Self.copy("command")
        let old = try StudyStore.open(path: path, readOnly: true)
        let trials = try old.trials(), info = try old.info()
        try old.close()
        let store = try StudyStore.open(path: path)
        #expect(try store.schema() == StudyStore.schemaVersion)
        let version = try store.db.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == 2)
        // Same description and trials; the model comes from the run that continues the study.
        #expect(try store.info() == info)
        let after = try store.trials()
        #expect(after.count == trials.count)
        for (a, b) in zip(after, trials) { #expect(a.configuration == b.configuration && a.metrics == b.metrics && a.number == b.number) }
        try store.close()
    }

    @Test func aFileFromANewerVersionIsNotWritten() throws {
        let path = tempPath()
        let store = try StudyStore.create(path: path, info: sampleInfo)
        try store.db.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('schema9-future')") }
        try store.close()
        do {
            _ = try StudyStore.open(path: path)
            Issue.record("a newer file was opened for writing")
        } catch {
            #expect(error.description.contains("newer version of Hyperfront"))
        }
        // Reading it is still possible.
        #expect(try StudyStore.open(path: path, readOnly: true).info().name == sampleInfo.name)
    }

    @Test func readOnlyHandleSeesTrialsStillInTheLogOfALiveWriter() throws {
        let path = tempPath()
        let writer = try StudyStore.create(path: path, info: sampleInfo)
        try writer.save([Trial(number: 0, generation: 0, configuration: Configuration([1, 2]), state: .complete,
                               metrics: [1, 2], violation: 0, startedAt: 0, finishedAt: 1, failure: nil)])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let reader = try StudyStore.open(path: path, readOnly: true)
        #expect(try reader.trials().count == 1)
        try writer.close()
    }

    @Test func writeFailuresSayTheFileCannotBeWritten() {
        let readOnly = StudyStore.openingError("s.sqlite", DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database"))
        #expect(readOnly.description.contains("cannot write the study file") && !readOnly.description.contains("not a Hyperfront study file"))
        let full = StudyStore.openingError("s.sqlite", DatabaseError(resultCode: .SQLITE_FULL))
        #expect(full.description.contains("disk is full"))
        let notADatabase = StudyStore.openingError("s.sqlite", DatabaseError(resultCode: .SQLITE_NOTADB))
        #expect(notADatabase.description.contains("not a Hyperfront study file"))
    }

    @Test func creatingLeavesNoHalfMadeFileAndRefusesAnExistingOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("st-create-\(UUID().uuidString)").path
        let path = dir + "/nested/study.sqlite"
        _ = try StudyStore.create(path: path, info: sampleInfo)
        #expect(throws: StudyStorageError.self) { _ = try StudyStore.create(path: path, info: sampleInfo) }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/nested")
        #expect(files.contains("study.sqlite") && !files.contains { $0.contains(".creating-") }, "\(files)")

    }
}
