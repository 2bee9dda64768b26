import Foundation
import Testing
import Hyperfront
@testable import PostgresStore

/// The PostgreSQL server the tests use: `HYPERFRONT_TEST_POSTGRES_URL` (a database the tests
/// may write to; `scripts/test.sh` starts a throwaway server and sets it). Without it, the
/// tests that need a server are skipped, except under CI (`CI=true`), where they fail.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["HYPERFRONT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether the tests that need a server run (under CI they always do, and fail without one).
    static let enabled: Bool = {
        if url == nil && !inCI {
            print("note: PostgreSQL tests skipped: HYPERFRONT_TEST_POSTGRES_URL is not set (scripts/test.sh starts a server and sets it)")
        }
        return url != nil || inCI
    }()

    /// The server's database with a fresh study name, or nil after recording why (CI without a server).
    static func fresh(_ prefix: String = "t") -> PostgresLocation? {
        guard let url else {
            Issue.record("HYPERFRONT_TEST_POSTGRES_URL is not set: the PostgreSQL server for the tests did not start (see scripts/postgres-test-server.sh)")
            return nil
        }
        do {
            var location = try PostgresLocation.parse(url + (url.contains("?") ? "&" : "?") + "study=placeholder")
            location.study = "\(prefix)-\(UUID().uuidString.lowercased())"
            return location
        } catch {
            Issue.record("HYPERFRONT_TEST_POSTGRES_URL does not read: \(error)")
            return nil
        }
    }

    /// The URL text of `location`, with the test server's password.
    static func urlText(_ location: PostgresLocation, database: String? = nil, password: String? = nil) -> String {
        let pass = password ?? location.urlPassword ?? ""
        return "postgresql://\(location.user):\(PostgresLocation.escape(pass))@\(location.host):\(location.port)/\(database ?? location.database)?study=\(location.study)"
    }
}
