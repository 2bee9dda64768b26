import Foundation
import Hyperfront
import PostgresNIO

/// One coordinator runs a study at a time: it holds the study's lock row (pid, host, the
/// process's start time, a heartbeat in the server's clock). A lock whose holder is gone is
/// taken over: on the same host the holder is checked with `kill(pid, 0)` and its start time,
/// from another host its heartbeat must be older than `staleAfter` seconds.
extension PostgresStudyStore {
    /// Seconds without a heartbeat after which a lock held from another host counts as abandoned.
    public static let staleAfter = 60.0

    public func acquireRunLock() throws(StudyStorageError) {
        let me = Holder.current, here = location, study = id
        try write("cannot take the run lock") { c in
            // The study row, locked: two processes asking at once are served one after the other.
            try PostgresSession.run(c, "SELECT id FROM hyperfront_study WHERE id = \(study) FOR UPDATE")
            if let (holder, age) = try Self.holder(c, study), holder != me, holder.isAlive(age: age) {
                throw StudyStorageError.busy(here, "process \(holder.pid) on \(holder.host) (last heartbeat \(Int(age.rounded())) s ago)")
            }
            let pid = Int64(me.pid)
            try PostgresSession.run(c, """
                INSERT INTO hyperfront_run_lock (study, pid, host, process_start, started_at, heartbeat)
                VALUES (\(study), \(pid), \(me.host), \(me.start), extract(epoch FROM now()), extract(epoch FROM now()))
                ON CONFLICT (study) DO UPDATE SET pid = excluded.pid, host = excluded.host, process_start = excluded.process_start,
                    started_at = excluded.started_at, heartbeat = excluded.heartbeat
                """)
        }
    }

    public func heartbeat() {
        if isReadOnly { return }
        let me = Holder.current, pid = Int64(me.pid), study = id
        _ = try? session.with { c in
            try PostgresSession.run(c, """
                UPDATE hyperfront_run_lock SET heartbeat = extract(epoch FROM now())
                WHERE study = \(study) AND pid = \(pid) AND host = \(me.host)
                """)
        }
    }

    public func releaseRunLock() {
        if isReadOnly { return }
        let me = Holder.current, pid = Int64(me.pid), study = id
        _ = try? session.with { c in
            try PostgresSession.run(c, "DELETE FROM hyperfront_run_lock WHERE study = \(study) AND pid = \(pid) AND host = \(me.host)")
        }
    }

    public func runLockHolder() -> String? {
        let study = id
        return (try? session.with { c -> String? in
            guard let (holder, age) = try Self.holder(c, study), holder.isAlive(age: age) else { return nil }
            return "process \(holder.pid) on \(holder.host)"
        }) ?? nil
    }

    /// The lock row of `study` and its heartbeat's age in seconds (server clock).
    private static func holder(_ c: PostgresConnection, _ study: Int64) throws -> (Holder, Double)? {
        guard let row = try PostgresSession.run(c, """
            SELECT pid, host, process_start, extract(epoch FROM now())::float8 - heartbeat
            FROM hyperfront_run_lock WHERE study = \(study)
            """).first else { return nil }
        let (pid, host, start, age) = try row.decode((Int64, String, String, Double).self)
        return (Holder(pid: Int(pid), host: host, start: start), age)
    }

    /// A process as the lock records it.
    struct Holder: Equatable {
        var pid: Int
        var host: String
        /// The kernel's start time of the process (/proc/PID/stat field 22), "" where unknown.
        var start: String

        static let current = Holder(pid: Int(getpid()), host: ProcessInfo.processInfo.hostName, start: startTime(of: Int(getpid())) ?? "")

        func isAlive(age: Double) -> Bool {
            guard host == Holder.current.host else { return age < PostgresStudyStore.staleAfter }
            guard kill(pid_t(pid), 0) == 0 || errno == EPERM else { return false }
            if let now = Holder.startTime(of: pid), !start.isEmpty { return now == start }
            return true
        }

        static func startTime(of pid: Int) -> String? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = text.lastIndex(of: ")") else { return nil }
            let fields = text[text.index(after: close)...].split(separator: " ")
            if fields.first == "Z" || fields.first == "X" { return "gone" }
            return fields.count > 19 ? String(fields[19]) : nil
        }
    }
}
