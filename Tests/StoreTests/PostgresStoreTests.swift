import Foundation
import Testing
import Hyperfront
@testable import PostgresStore

/// The PostgreSQL storage against the test server, beyond the conformance suite: TLS in use,
/// the schema version, many studies in one database, and bad input (an unreachable server, a
/// wrong password, a database that is not a Hyperfront one, a missing study) refused with a
/// message that names what to do, without writing anything and without the password.
@Suite("PostgreSQL storage", .enabled(if: PostgresTestServer.enabled))
struct PostgresStoreTests {
    typealias Conformance = StudyStorageConformance

    /// Runs `sql` on a fresh connection to `location` and returns the first column of each row as text.
    static func query(_ location: PostgresLocation, _ sql: String) throws -> [String] {
        let session = try PostgresSession(location, readOnly: false)
        defer { session.close() }
        return try session.texts(trustedSQL: sql)
    }

    @Test("the test server asks for TLS, and connections use it (sslmode=prefer and require); sslmode=disable is refused with a hint")
    func tls() throws {
        guard var l = PostgresTestServer.fresh() else { return }
        for mode in [PostgresLocation.TLSMode.prefer, .require] {
            l.tls = mode
            #expect(try Self.query(l, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == ["true"])
        }
        l.tls = .disable
        do {
            _ = try Self.query(l, "SELECT 1::text")
            Issue.record("a connection without TLS was accepted")
        } catch {
            let e = PostgresSession.describe(error, l)
            #expect(e.description.contains("sslmode=require"), "\(e)")
        }
    }

    @Test("many studies in one database; the schema is versioned")
    func manyStudies() throws {
        guard let a = PostgresTestServer.fresh("a"), var b = PostgresTestServer.fresh("b") else { return }
        let sa = try PostgresStudyStore.create(a, info: Conformance.info)
        var other = Conformance.info
        other.name = "other"
        other.seed = 77
        let sb = try PostgresStudyStore.create(b, info: other)
        try sa.save([Conformance.trial(0, .complete)])
        try sb.save([Conformance.trial(0, .failed), Conformance.trial(1, .complete)])
        #expect(try sa.trials().count == 1 && sb.trials().count == 2 && sb.info().seed == 77 && sa.info().seed == 9)
        #expect(try Self.query(a, "SELECT version::text FROM hyperfront_schema") == ["\(PostgresStudyStore.schemaVersion)"])
        // The same name twice is refused, and the first study is unchanged.
        b.study = a.study
        #expect { try PostgresStudyStore.create(b, info: other) } throws: { "\($0)".contains("already exists") }
        #expect(try PostgresStudyStore.open(a, readOnly: true).info() == Conformance.info)
    }

    @Test("bad input: unreachable, wrong password, not a Hyperfront database, missing study — nothing written, no password shown")
    func badInput() throws {
        guard let good = PostgresTestServer.fresh(), let neighbour = PostgresTestServer.fresh("neighbour") else { return }
        // Another study makes the test database a Hyperfront one whichever test runs first, so
        // that the missing study is told apart from a database without the schema.
        _ = try PostgresStudyStore.create(neighbour, info: Conformance.info)
        let secret = good.urlPassword ?? ""
        var unreachable = good
        unreachable.port = 1
        var wrong = good
        wrong.urlPassword = "not-the-password"
        var foreign = good
        foreign.database = "not_hyperfront"
        let cases: [(PostgresLocation, String)] = [
            (unreachable, "cannot connect to the server at 127.0.0.1:1"),
            (wrong, "refused the password of user"),
            (foreign, "holds no Hyperfront studies"),
            (good, "has no study named '\(good.study)'"),
        ]
        for (location, says) in cases {
            for readOnly in [true, false] {
                do {
                    _ = try PostgresStudyStore.open(location, readOnly: readOnly)
                    Issue.record("\(location) opened")
                } catch {
                    #expect(error.description.contains(says), "\(error)")
                    #expect(!error.description.contains(secret) && !error.description.contains("not-the-password"))
                }
            }
        }
        // Creating a study in a database that holds other tables is refused; it stays as it was.
        #expect { try PostgresStudyStore.create(foreign, info: Conformance.info) } throws: { "\($0)".contains("holds other tables (inventory)") }
        #expect(try Self.query(foreign, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'") == ["inventory"])
        // Opening the missing study made nothing.
        #expect(try !PostgresStudyStore.exists(good))
    }
}
