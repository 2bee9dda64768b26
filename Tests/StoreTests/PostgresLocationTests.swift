import Foundation
import Testing
@testable import PostgresStore

/// Study URLs: what they read as, what they refuse, where the password comes from, and that
/// the password never appears in what is printed. No server needed.
@Suite("PostgreSQL study URLs")
struct PostgresLocationTests {
    @Test func reads() throws {
        let l = try PostgresLocation.parse("postgresql://ann:s%40cret@db.example:6543/lab?study=mlp-2&sslmode=require", environment: [:])
        #expect(l.host == "db.example" && l.port == 6543 && l.user == "ann" && l.database == "lab" && l.study == "mlp-2" && l.tls == .require)
        #expect(l.password(environment: ["PGPASSWORD": "other"]) == "s@cret")
        #expect(l.description == "postgresql://ann@db.example:6543/lab?study=mlp-2&sslmode=require")
        let d = try PostgresLocation.parse("postgres://h/lab?study=a", environment: ["USER": "bob"])
        #expect(d.port == 5432 && d.user == "bob" && d.tls == .prefer && d.password(environment: ["PGPASSWORD": "pw", "HOME": "/nonexistent"]) == "pw")
    }

    @Test("refused: each with what to write instead", arguments: [
        ("postgresql://h/lab", "it names no study; add ?study=NAME"),
        ("postgresql://h/?study=a", "it names no database"),
        ("postgresql:///lab?study=a", "it names no host"),
        ("postgresql://h/lab?study=a&sslmode=maybe", "sslmode 'maybe' is not one of disable, prefer, require, verify-ca, verify-full"),
        ("postgresql://h/lab?study=a&colour=red", "unknown URL parameter 'colour'"),
        ("postgresql://h/lab?study=x%27%3B%20DROP%20TABLE%20hyperfront_study%3B--", "is not allowed; use 1 to 64 letters"),
        ("postgresql://h/lab?study=-a", "is not allowed"),
        ("postgresql://h/lab?study=", "the study name is empty"),
        ("postgresql://h/lab?study=" + String(repeating: "a", count: 65), "is not allowed"),
        ("postgresql://h:99999/lab?study=a", "out of range"),
    ])
    func refused(_ url: String, _ says: String) {
        do {
            _ = try PostgresLocation.parse(url, environment: [:])
            Issue.record("\(url) was accepted")
        } catch { #expect(error.description.contains(says), "\(error)") }
    }

    @Test("~/.pgpass: the first matching line, wildcards and escapes; ignored when others can read it")
    func passFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try """
            # comment
            other:5432:lab:ann:no
            db.example:6543:lab:ann:first\\:one
            *:*:*:ann:second
            """.write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let l = try PostgresLocation.parse("postgresql://ann@db.example:6543/lab?study=a", environment: [:])
        #expect(l.password(environment: ["PGPASSFILE": file]) == "first:one")
        var other = l
        other.database = "elsewhere"
        #expect(other.password(environment: ["PGPASSFILE": file]) == "second")
        chmod(file, 0o644)
        #expect(l.password(environment: ["PGPASSFILE": file]) == nil)
        try? FileManager.default.removeItem(atPath: file)
    }
}
