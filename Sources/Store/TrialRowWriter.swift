import GRDB
internal import GRDBSQLite
import Hyperfront

/// Inserts trial rows through the prepared statements' SQLite handles, binding each column
/// directly: no boxed argument values and no `Data` per row. The parameter and metric arrays of
/// the rows of one statement are packed into a buffer the writer owns (little-endian float64
/// blobs) and the states are static strings, so SQLite binds them without copying (a copied
/// blob costs SQLite a free and a malloc per column). The study file's only raw SQLite calls
/// live here; every result code is checked.
///
/// Rows are written `chunk` at a time with one multi-row `INSERT` (one statement step per
/// chunk instead of per row: SQLite's per-statement work — begin, halt, reset — is most of the
/// cost of a small row). The rest, and every row of a chunk whose insert meets a taken number,
/// is written one row at a time: first with a plain `INSERT`, and only when its number is taken
/// (a trial that was stored as running, or a resumed study) again with `INSERT OR REPLACE`. A
/// failed multi-row statement is backed out whole by SQLite (its statement journal), so the
/// fallback writes every row of the chunk exactly once. SQLite runs a replacing statement with
/// a statement journal — a copy of every page it touches, 16 KB per row here — which the plain
/// single-row insert does not need; a chunk's journal covers its one or two pages.
///
/// Only a `running` row is replaced (an upsert whose update holds only for that state): a
/// finished trial never changes, and saving over one throws `Finished`.
struct TrialRowWriter {
    /// Rows per multi-row statement (9 parameters each: far below SQLite's limit of 32,766).
    static let chunk = 32

    private let chunkStatement: Statement
    private let insertStatement: Statement
    private let replaceStatement: Statement
    private let connection: SQLiteConnection?
    /// The blobs of the rows bound to a statement, valid until the statement is reset.
    private let blobs: BlobBuffer

    private static let columns = "INTO trial (number, generation, state, params, metrics, violation, started_at, finished_at, failure) VALUES "
    private static let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
    private static let columnCount: CInt = 9

    /// The cached statements of `db` (use inside one write transaction).
    init(_ db: Database) throws {
        chunkStatement = try db.cachedStatement(sql: "INSERT " + Self.columns + Array(repeating: Self.row, count: Self.chunk).joined(separator: ", "))
        insertStatement = try db.cachedStatement(sql: "INSERT " + Self.columns + Self.row)
        replaceStatement = try db.cachedStatement(sql: "INSERT " + Self.columns + Self.row + """
             ON CONFLICT(number) DO UPDATE SET generation = excluded.generation, state = excluded.state,
            params = excluded.params, metrics = excluded.metrics, violation = excluded.violation,
            started_at = excluded.started_at, finished_at = excluded.finished_at, failure = excluded.failure
            WHERE trial.state = 'running'
            """)
        connection = db.sqliteConnection
        blobs = BlobBuffer()
    }

    /// Inserts (or replaces) the rows of `trials`, in order.
    func insert(_ trials: [Trial]) throws {
        var start = trials.startIndex
        while trials.endIndex - start >= Self.chunk {
            let rows = trials[start..<(start + Self.chunk)]
            start += Self.chunk
            let code = try write(rows, with: chunkStatement)
            if code == SQLITE_DONE { continue }
            guard code & 0xFF == SQLITE_CONSTRAINT else { throw failure(code, chunkStatement) }
            // A number of the chunk is taken: nothing of it was written; go row by row.
            for t in rows { try insert(t) }
        }
        for t in trials[start...] { try insert(t) }
    }

    /// Inserts (or replaces) one trial's row.
    func insert(_ t: Trial) throws {
        let code = try write(CollectionOfOne(t), with: insertStatement)
        if code == SQLITE_DONE { return }
        // (The primary result code: extended result codes may be on.)
        guard code & 0xFF == SQLITE_CONSTRAINT else { throw failure(code, insertStatement) }
        // The number is taken: this row replaces the stored one if that one is still running.
        let again = try write(CollectionOfOne(t), with: replaceStatement)
        guard again == SQLITE_DONE else { throw failure(again, replaceStatement) }
        if let connection, sqlite3_changes(connection) != 1 { throw Finished(number: t.number) }
    }

    /// Binds `rows` to `statement` (one row's columns after another), steps it once and resets
    /// it; returns the step's result code.
    private func write(_ rows: some Collection<Trial>, with statement: Statement) throws -> CInt {
        let s = statement.sqliteStatement
        // Every parameter is bound on each call; the blobs stay in `blobs` until the reset,
        // and the bindings are cleared after it, so no statement keeps a pointer into them.
        defer { sqlite3_reset(s); sqlite3_clear_bindings(s) }
        func check(_ code: CInt) throws { if code != SQLITE_OK { throw failure(code, statement) } }
        var size = 0
        for t in rows { size += t.configuration.count + (t.state == .running ? 0 : t.metrics.count) }
        blobs.reserve(size)
        var offset = 0
        func bindDoubles(_ index: CInt, _ values: [Double]) -> CInt {
            // An empty array is an empty blob, not NULL (a nil pointer would bind NULL).
            if values.isEmpty { return sqlite3_bind_zeroblob(s, index, 0) }
            let start = blobs.base + offset
            for (i, v) in values.enumerated() { (start + i).pointee = Double(bitPattern: v.bitPattern.littleEndian) }
            offset += values.count
            return sqlite3_bind_blob(s, index, UnsafeRawPointer(start), CInt(values.count * 8), SQLITE_STATIC)
        }
        var base: CInt = 0
        for t in rows {
            try check(sqlite3_bind_int64(s, base + 1, Int64(t.number)))
            try check(sqlite3_bind_int64(s, base + 2, Int64(t.generation)))
            try check(bindState(s, base + 3, t.state))
            try check(bindDoubles(base + 4, t.configuration.values))
            let running = t.state == .running
            try check(running ? sqlite3_bind_null(s, base + 5) : bindDoubles(base + 5, t.metrics))
            try check(running || t.violation.isNaN ? sqlite3_bind_null(s, base + 6) : sqlite3_bind_double(s, base + 6, t.violation))
            try check(sqlite3_bind_double(s, base + 7, t.startedAt))
            try check(t.finishedAt.map { sqlite3_bind_double(s, base + 8, $0) } ?? sqlite3_bind_null(s, base + 8))
            try check(t.failure.map { bindText(s, base + 9, $0) } ?? sqlite3_bind_null(s, base + 9))
            base += Self.columnCount
        }
        return sqlite3_step(s)
    }

    /// Binds the text of `state` (a static string: SQLite need not copy it).
    private func bindState(_ handle: SQLiteStatement, _ index: CInt, _ state: TrialState) -> CInt {
        let text: StaticString
        switch state {
        case .running: text = "running"
        case .complete: text = "complete"
        case .failed: text = "failed"
        case .pruned: text = "pruned"
        }
        assert(text.description == state.rawValue)
        return text.utf8Start.withMemoryRebound(to: CChar.self, capacity: text.utf8CodeUnitCount) { chars in
            sqlite3_bind_text(handle, index, chars, CInt(text.utf8CodeUnitCount), SQLITE_STATIC)
        }
    }

    private func bindText(_ handle: SQLiteStatement, _ index: CInt, _ text: String) -> CInt {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, CInt(chars.count), SQLITE_TRANSIENT)
            }
        }
    }

    /// A trial stored as finished was saved again.
    struct Finished: Error { let number: Int }

    private func failure(_ code: CInt, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code),
                      message: connection.map { String(cString: sqlite3_errmsg($0)) },
                      sql: statement.sql)
    }
}

/// SQLite's "copy the value now" and "the value outlives the binding" destructors (C macros
/// Swift cannot import).
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
private let SQLITE_STATIC = unsafeBitCast(0, to: sqlite3_destructor_type.self)

/// A growable block of float64 values owned by one `TrialRowWriter`.
private final class BlobBuffer {
    private(set) var base: UnsafeMutablePointer<Double>
    private var capacity: Int

    init() {
        capacity = 1024
        base = .allocate(capacity: capacity)
    }

    /// Makes room for `count` values (the contents are not kept).
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        capacity = Swift.max(count, 2 * capacity)
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}
