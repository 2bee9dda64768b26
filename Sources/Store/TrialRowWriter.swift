import GRDB
internal import GRDBSQLite
import Hyperfront

/// Inserts trial rows through the prepared statements' SQLite handles, binding each column
/// directly: no boxed argument values and no `Data` per row (the parameter and metric arrays
/// are bound in place as little-endian float64 blobs). The study file's only raw SQLite calls
/// live here; every result code is checked.
///
/// A row is first written with a plain `INSERT`; only when its number is taken (a trial that
/// was stored as running, or a resumed study) is it written again with `INSERT OR REPLACE`.
/// SQLite runs a replacing statement inside a transaction with a statement journal — a copy of
/// every page it touches, 16 KB per row here — which the plain insert does not need.
struct TrialRowWriter {
    private let insertStatement: Statement
    private let replaceStatement: Statement
    private let connection: SQLiteConnection?

    private static let columns = """
        INTO trial (number, generation, state, params, metrics, violation, started_at, finished_at, failure)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The cached statements of `db` (use inside one write transaction).
    init(_ db: Database) throws {
        insertStatement = try db.cachedStatement(sql: "INSERT " + Self.columns)
        replaceStatement = try db.cachedStatement(sql: "INSERT OR REPLACE " + Self.columns)
        connection = db.sqliteConnection
    }

    /// Inserts (or replaces) one trial's row.
    func insert(_ t: Trial) throws {
        let code = try write(t, with: insertStatement)
        if code == SQLITE_DONE { return }
        // (The primary result code: extended result codes may be on.)
        guard code & 0xFF == SQLITE_CONSTRAINT else { throw failure(code, insertStatement) }
        // The number is taken: this row replaces the stored one.
        let again = try write(t, with: replaceStatement)
        guard again == SQLITE_DONE else { throw failure(again, replaceStatement) }
    }

    /// Binds `t` to `statement`, steps it once and resets it; returns the step's result code.
    private func write(_ t: Trial, with statement: Statement) throws -> CInt {
        let s = statement.sqliteStatement
        // Every parameter is bound on each call, so none needs clearing.
        defer { sqlite3_reset(s) }
        func check(_ code: CInt) throws { if code != SQLITE_OK { throw failure(code, statement) } }
        try check(sqlite3_bind_int64(s, 1, Int64(t.number)))
        try check(sqlite3_bind_int64(s, 2, Int64(t.generation)))
        try check(bindText(s, 3, t.state.rawValue))
        try check(bindDoubles(s, 4, t.configuration.values))
        let running = t.state == .running
        try check(running ? sqlite3_bind_null(s, 5) : bindDoubles(s, 5, t.metrics))
        try check(running || t.violation.isNaN ? sqlite3_bind_null(s, 6) : sqlite3_bind_double(s, 6, t.violation))
        try check(sqlite3_bind_double(s, 7, t.startedAt))
        try check(t.finishedAt.map { sqlite3_bind_double(s, 8, $0) } ?? sqlite3_bind_null(s, 8))
        try check(t.failure.map { bindText(s, 9, $0) } ?? sqlite3_bind_null(s, 9))
        return sqlite3_step(s)
    }

    /// Binds `values` as the study file's float64 blob (see `encodeDoubles`); SQLite copies it.
    private func bindDoubles(_ handle: SQLiteStatement, _ index: CInt, _ values: [Double]) -> CInt {
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

    private func bindText(_ handle: SQLiteStatement, _ index: CInt, _ text: String) -> CInt {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, CInt(chars.count), SQLITE_TRANSIENT)
            }
        }
    }

    private func failure(_ code: CInt, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: connection.map { String(cString: sqlite3_errmsg($0)) },
                      sql: statement.sql)
    }
}

/// SQLite's "copy the value now" destructor (SQLITE_TRANSIENT is a C macro Swift cannot import).
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
