import Foundation
import GRDB

/// One process runs a study at a time. The runner holds a lock row (pid, host, the process's
/// start time, a heartbeat); another process asking for the study is refused with who holds it
/// — never "database is locked". A lock left by a process that no longer exists (killed with
/// SIGKILL, machine rebooted) is taken over: on the same host the holder is checked with
/// `kill(pid, 0)` and its start time (so a reused pid does not count), on another host the
/// heartbeat must be older than `staleAfter` seconds.
extension StudyStore {
    /// Seconds without a heartbeat after which a lock held from another host counts as abandoned.
    public static let staleAfter = 60.0

    /// Takes the study's run lock for this process, or throws `.busy` naming the holder.
    public func acquireRunLock() throws(StoreError) {
        try writable()
        let me = ProcessIdentity.current
        do {
            try db.write { db in
                if let row = try Row.fetchOne(db, sql: "SELECT pid, host, process_start, started_at, heartbeat FROM run_lock WHERE id = 1") {
                    let holder = ProcessIdentity(pid: row["pid"], host: row["host"], start: row["process_start"])
                    let heartbeat: Double = row["heartbeat"], started: Double = row["started_at"]
                    if holder != me && holder.isAlive(heartbeat: heartbeat) {
                        let age = Date().timeIntervalSince1970 - heartbeat
                        let since = Date(timeIntervalSince1970: started)
                        throw StoreError.busy(path, "process \(holder.pid) on \(holder.host) (running since \(StudyStore.clock(since)), last heartbeat \(Int(age.rounded())) s ago)")
                    }
                }
                let now = Date().timeIntervalSince1970
                try db.execute(sql: "INSERT OR REPLACE INTO run_lock (id, pid, host, process_start, started_at, heartbeat) VALUES (1, ?, ?, ?, ?, ?)",
                               arguments: [me.pid, me.host, me.start, now, now])
            }
        } catch let e as StoreError { throw e } catch {
            if let e = error as? DatabaseError, [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_FULL].contains(e.resultCode) {
                throw StudyStore.openingError(path, error)
            }
            throw .database(path, "cannot take the run lock: \(error)")
        }
    }

    /// Refreshes the heartbeat of the lock this process holds.
    public func heartbeat() {
        if isReadOnly { return }
        let me = ProcessIdentity.current
        _ = try? db.write { db in
            try db.execute(sql: "UPDATE run_lock SET heartbeat = ? WHERE id = 1 AND pid = ? AND host = ?",
                           arguments: [Date().timeIntervalSince1970, me.pid, me.host])
        }
    }

    /// Gives the lock up (only if this process holds it).
    public func releaseRunLock() {
        if isReadOnly { return }
        let me = ProcessIdentity.current
        _ = try? db.write { db in
            try db.execute(sql: "DELETE FROM run_lock WHERE id = 1 AND pid = ? AND host = ?", arguments: [me.pid, me.host])
        }
    }

    /// The live holder of the run lock, described ("process 123 on host"), or nil.
    public func runLockHolder() -> String? {
        (try? db.read { db -> String? in
            guard let row = try Row.fetchOne(db, sql: "SELECT pid, host, process_start, heartbeat FROM run_lock WHERE id = 1") else { return nil }
            let holder = ProcessIdentity(pid: row["pid"], host: row["host"], start: row["process_start"])
            return holder.isAlive(heartbeat: row["heartbeat"]) ? "process \(holder.pid) on \(holder.host)" : nil
        }) ?? nil
    }

    // MARK: settings

    /// A stored run setting.
    public func setting(_ key: String) throws(StoreError) -> String? {
        do { return try db.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) } }
        catch { throw .database(path, "\(error)") }
    }

    /// Every stored run setting.
    public func settings() throws(StoreError) -> [String: String] {
        do {
            return try db.read { db in
                Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM setting").map { ($0["key"] as String, $0["value"] as String) },
                           uniquingKeysWith: { a, _ in a })
            }
        } catch { throw .database(path, "\(error)") }
    }

    public func setSetting(_ key: String, _ value: String) throws(StoreError) {
        try writable()
        do { try db.write { db in try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value]) } }
        catch { throw StudyStore.writeError(path, error) }
    }

    static func clock(_ d: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f.string(from: d)
    }
}

/// A process as the lock records it.
struct ProcessIdentity: Equatable {
    var pid: Int
    var host: String
    /// The kernel's start time of the process (/proc/PID/stat field 22), "" where unknown.
    var start: String

    static let current = ProcessIdentity(pid: Int(getpid()), host: ProcessInfo.processInfo.hostName,
                                         start: startTime(of: Int(getpid())) ?? "")

    func isAlive(heartbeat: Double) -> Bool {
        guard host == ProcessIdentity.current.host else {
            return Date().timeIntervalSince1970 - heartbeat < StudyStore.staleAfter
        }
        guard kill(pid_t(pid), 0) == 0 || errno == EPERM else { return false }
        if let now = ProcessIdentity.startTime(of: pid), !start.isEmpty { return now == start }
        return true
    }

    static func startTime(of pid: Int) -> String? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name: state is field 3; start time is field 22.
        let fields = text[text.index(after: close)...].split(separator: " ")
        // A zombie (killed, not yet reaped) counts as gone.
        if fields.first == "Z" || fields.first == "X" { return "gone" }
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
