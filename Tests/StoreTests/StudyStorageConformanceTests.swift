import Foundation
import Testing
import Hyperfront
@testable import Store

extension StorageFactory {
    /// The SQLite study file: a fresh file per study; another handle is another connection pool.
    static let sqlite = StorageFactory(
        name: "sqlite",
        create: { info in try StudyStore.create(path: tempPath(), info: info) },
        open: { storage, readOnly in try StudyStore.open(path: storage.location, readOnly: readOnly) })
}

@Suite("StudyStorage conformance: SQLite")
struct SQLiteStorageConformanceTests {
    @Test(arguments: StudyStorageConformance.checks)
    func conforms(_ check: ConformanceCheck) throws {
        try check.run(.sqlite)
    }
}
