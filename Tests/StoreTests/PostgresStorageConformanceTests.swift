import Foundation
import Testing
import Hyperfront
@testable import PostgresStore

extension StorageFactory {
    /// A study in the test server's database: a fresh study name per study; another handle is
    /// another connection.
    static func postgres(_ base: PostgresLocation) -> StorageFactory {
        StorageFactory(
            name: "postgresql",
            create: { info in
                var location = base
                location.study = "c-\(UUID().uuidString.lowercased())"
                return try PostgresStudyStore.create(location, info: info)
            },
            open: { storage, readOnly in try PostgresStudyStore.open((storage as! PostgresStudyStore).address, readOnly: readOnly) })
    }
}

@Suite("StudyStorage conformance: PostgreSQL", .enabled(if: PostgresTestServer.enabled))
struct PostgresStorageConformanceTests {
    @Test(arguments: StudyStorageConformance.checks)
    func conforms(_ check: ConformanceCheck) throws {
        guard let base = PostgresTestServer.fresh() else { return }
        try check.run(.postgres(base))
    }
}
