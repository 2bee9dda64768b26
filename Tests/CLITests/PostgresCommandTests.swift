import Foundation
import Testing

/// Study URLs on the command line, against the test server (`HYPERFRONT_TEST_POSTGRES_URL`,
/// started by scripts/test.sh): copy between study files and PostgreSQL both ways, report,
/// status, compare and size on a study URL, and every kind of bad URL refused with exit code
/// 2 and the password never printed. Without a server the tests are skipped, except under CI,
/// where they fail.
@Suite("PostgreSQL on the command line", .enabled(if: PostgresServer.enabled))
struct PostgresCommandTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/first-release")

    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test("SQLite → PostgreSQL → SQLite: the same report --all --format csv bytes, for every first-release study", arguments: ["zdt1", "mlp", "command"])
    func copyRoundTrip(_ name: String) throws {
        guard let server = PostgresServer.fresh(study: "copy-\(name)-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let source = Self.fixtures.appendingPathComponent("\(name).sqlite").path
        let back = temp("\(name)-back.sqlite")
        let there = try CLI.run(["copy", source, server])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr.contains("copied") && !there.stderr.contains(PostgresServer.password))
        let again = try CLI.run(["copy", server, back])
        #expect(again.status == 0, "\(again.stderr)")
        let original = try CLI.run(["report", source, "--all", "--format", "csv"])
        let remote = try CLI.run(["report", server, "--all", "--format", "csv"])
        let copied = try CLI.run(["report", back, "--all", "--format", "csv"])
        #expect(original.status == 0 && remote.status == 0 && copied.status == 0, "\(remote.stderr) \(copied.stderr)")
        #expect(!original.stdout.isEmpty)
        #expect(remote.stdout == original.stdout)
        #expect(Data(copied.stdout.utf8) == Data(original.stdout.utf8))
        // The table report and the status read the same study.
        #expect(try CLI.run(["report", server]).stdout == CLI.run(["report", source]).stdout)
        let status = try CLI.run(["status", server])
        #expect(status.status == 0 && !status.stdout.contains(PostgresServer.password), "\(status.stderr)")
        // compare takes study URLs beside files.
        let compared = try CLI.run(["compare", server, source])
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(!compared.stdout.contains(PostgresServer.password))
        // A copy never replaces a study: both ways refused, nothing changed.
        let overDatabase = try CLI.run(["copy", source, server])
        #expect(overDatabase.status == 2 && overDatabase.stderr.contains("already exists"), "\(overDatabase.stderr)")
        let overFile = try CLI.run(["copy", server, back])
        #expect(overFile.status == 2 && overFile.stderr.contains("already exists"), "\(overFile.stderr)")
        #expect(try CLI.run(["report", back, "--all", "--format", "csv"]).stdout == original.stdout)
        try? FileManager.default.removeItem(atPath: back)
    }

    @Test("run on a study URL: the same trials as a study file with the same seed, also when resumed to a larger budget")
    func runOnURL() throws {
        guard let url = PostgresServer.fresh(study: "run-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let scenario = "Scenarios/benchmarks/zdt1.yaml", file = temp("zdt1.sqlite")
        let first = try CLI.run(["run", scenario, "--study", url, "--trials", "60", "--workers", "2", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try CLI.run(["run", scenario, "--study", url, "--trials", "60", "--quiet"])
        #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again.stderr)")
        let resumed = try CLI.run(["run", scenario, "--study", url, "--trials", "120", "--workers", "3", "--resume", "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let local = try CLI.run(["run", scenario, "--study", file, "--trials", "120", "--quiet"])
        #expect(local.status == 0, "\(local.stderr)")
        for r in [first, again, resumed] { #expect(!r.stderr.contains(PostgresServer.password) && !r.stdout.contains(PostgresServer.password)) }
        let remote = try CLI.run(["report", url, "--all", "--format", "csv"]), mine = try CLI.run(["report", file, "--all", "--format", "csv"])
        #expect(remote.status == 0 && remote.stdout.split(separator: "\n").count == 121, "\(remote.stderr)")
        #expect(remote.stdout == mine.stdout)
        try? FileManager.default.removeItem(atPath: file)
    }

    @Test("bad study URLs: each a clear message and exit code 2, the password never shown")
    func badURLs() throws {
        guard let good = PostgresServer.fresh(study: "absent-\(UUID().uuidString.prefix(8).lowercased())") else { return }
        let secret = PostgresServer.password
        let cases: [(url: String, says: String)] = [
            (PostgresServer.url(port: PostgresServer.freePort(), study: "x"), "cannot connect to the server at 127.0.0.1:"),
            (PostgresServer.url(password: "wrong-\(secret.prefix(4))", study: "x"), "refused the password of user"),
            (PostgresServer.url(database: "not_hyperfront", study: "x"), "holds no Hyperfront studies"),
            (PostgresServer.url(database: "no_such_database", study: "x"), "has no database 'no_such_database'"),
            (good, "has no study named"),
            (PostgresServer.url(study: "x%27%3B%20DROP%20TABLE%20hyperfront_trial%3B--"), "is not allowed"),
            (PostgresServer.url(study: "x';DROP TABLE hyperfront_trial;--"), "not a usable study URL"),
            (PostgresServer.url(study: "") , "the study name is empty"),
            (PostgresServer.base + "?sslmode=sometimes&study=x", "sslmode 'sometimes' is not one of"),
        ]
        for (url, says) in cases {
            for command in [["report"], ["status"], ["size", "--target", "phone:params<=10"]] {
                let r = try CLI.run([command[0], url] + command.dropFirst())
                #expect(r.status == 2, "\(command[0]) \(StudyURL.mask(url)): status \(r.status): \(r.stderr)")
                #expect(r.stderr.contains(says), "\(command[0]) \(StudyURL.mask(url)): \(r.stderr)")
                #expect(!r.stderr.contains(secret) && !r.stdout.contains(secret), "the password was printed")
                if url.contains("wrong-") { #expect(!r.stderr.contains("wrong-")) }
            }
        }
        // A copy into a database that holds other tables is refused before anything is written.
        let intoOther = try CLI.run(["copy", Self.fixtures.appendingPathComponent("zdt1.sqlite").path,
                                     PostgresServer.url(database: "not_hyperfront", study: "x")])
        #expect(intoOther.status == 2 && intoOther.stderr.contains("holds other tables (inventory)"), "\(intoOther.stderr)")
        let stillOther = try CLI.run(["report", PostgresServer.url(database: "not_hyperfront", study: "x")])
        #expect(stillOther.stderr.contains("holds no Hyperfront studies"), "\(stillOther.stderr)")
    }
}

/// The test server's URL pieces.
enum PostgresServer {
    static let raw = ProcessInfo.processInfo.environment["HYPERFRONT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let enabled: Bool = {
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        if raw == nil && !ci { print("note: PostgreSQL command tests skipped: HYPERFRONT_TEST_POSTGRES_URL is not set") }
        return raw != nil || ci
    }()
    static var parts: URLComponents { URLComponents(string: raw ?? "postgresql://u:p@127.0.0.1:1/db")! }
    static var password: String { parts.password ?? "" }
    static var base: String { url(study: "").components(separatedBy: "?").first! }

    /// The test database's URL for `study`, or nil after recording that there is no server (CI).
    static func fresh(study: String) -> String? {
        if raw == nil { Issue.record("HYPERFRONT_TEST_POSTGRES_URL is not set: the PostgreSQL server for the tests did not start"); return nil }
        return url(study: study)
    }

    static func url(port: Int? = nil, password: String? = nil, database: String? = nil, study: String) -> String {
        let p = parts
        return "postgresql://\(p.user ?? ""):\(password ?? p.password ?? "")@\(p.host ?? ""):\(port ?? p.port ?? 5432)/\(database ?? String(p.path.dropFirst()))?study=\(study)"
    }

    /// A loopback port nothing listens on (bound and released).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

enum StudyURL {
    static func mask(_ url: String) -> String { url.replacingOccurrences(of: PostgresServer.password, with: "***") }
}
