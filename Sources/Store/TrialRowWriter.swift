import GRDB
internal import GRDBSQLite
import Hyperfront

/// Inserts trial rows through the prepared statement's SQLite handle, binding each column
/// directly: no boxed argument values and no `Data` per row (the parameter and metric arrays
/// are bound in place as little-endian float64 blobs). The study file's only raw SQLite calls
/// live here; every result code is checked.
struct TrialRowWriter {
    private let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection?

    /// The cached insert statement of `db` (use inside one write transaction).
    init(_ db: Database) throws {
        statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO trial (number, generation, state, params, metrics, violation, started_at, finished_at, failure)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Inserts (or replaces) one trial's row.
    func insert(_ t: Trial) throws {
        let s = handle
        defer { sqlite3_reset(s); sqlite3_clear_bindings(s) }
        try check(sqlite3_bind_int64(s, 1, Int64(t.number)))
        try check(sqlite3_bind_int64(s, 2, Int64(t.generation)))
        try check(bindText(3, t.state.rawValue))
        try check(bindDoubles(4, t.configuration.values))
        let running = t.state == .running
        try check(running ? sqlite3_bind_null(s, 5) : bindDoubles(5, t.metrics))
        try check(running || t.violation.isNaN ? sqlite3_bind_null(s, 6) : sqlite3_bind_double(s, 6, t.violation))
        try check(sqlite3_bind_double(s, 7, t.startedAt))
        try check(t.finishedAt.map { sqlite3_bind_double(s, 8, $0) } ?? sqlite3_bind_null(s, 8))
        try check(t.failure.map { bindText(9, $0) } ?? sqlite3_bind_null(s, 9))
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Binds `values` as the study file's float64 blob (see `encodeDoubles`); SQLite copies it.
    private func bindDoubles(_ index: CInt, _ values: [Double]) -> CInt {
        // An empty array is an empty blob, not NULL (a nil pointer would bind NULL).
        if values.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
        #if _endian(little)
        return values.withUnsafeBytes { raw in
            sqlite3_bind_blob(handle, index, raw.baseAddress, CInt(raw.count), SQLITE_TRANSIENT)
        }
        #else
        let data = encodeDoubles(values)
        return data.withUnsafeBytes { raw in
            sqlite3_bind_blob(handle, index, raw.baseAddress, CInt(raw.count), SQLITE_TRANSIENT)
        }
        #endif
    }

    private func bindText(_ index: CInt, _ text: String) -> CInt {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, CInt(chars.count), SQLITE_TRANSIENT)
            }
        }
    }

    private func check(_ code: CInt) throws {
        if code != SQLITE_OK { throw failure(code) }
    }

    private func failure(_ code: CInt) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: connection.map { String(cString: sqlite3_errmsg($0)) },
                      sql: statement.sql)
    }
}

/// SQLite's "copy the value now" destructor (SQLITE_TRANSIENT is a C macro Swift cannot import).
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
