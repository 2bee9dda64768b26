import Foundation
import GRDB
import Hyperfront

/// The study file: one SQLite database (WAL, busy timeout) holding the scenario, its model, the
/// seed and every trial. It is the source of truth: reports read it, and a run resumes from it.
/// The first conformer of `StudyStorage`.
///
/// Schema (see `StudyStore+Schema.swift`; versions by GRDB's `grdb_migrations`, and
/// `PRAGMA user_version` = `StudyStore.schemaVersion` from v2 on):
/// - `study` — one row: name, scenario text and path, seed, trial budget, parameter and metric
///   names (JSON arrays), created time; from v2 `model`, the parsed model as JSON
///   (`StudyModel`; NULL in a v1 file until a run continues it).
/// - `trial` — one row per trial: `number` (0-based, the proposal order), `generation`,
///   `state` (running/complete/failed), `params` (little-endian float64 per parameter in
///   space order: the value for float/int, the choice index for choices, NaN when inactive),
///   `metrics` (float64 per metric in the study's metric order, NaN = not reported),
///   `violation` (total normalised constraint violation; 0 = feasible), `started_at`,
///   `finished_at` (seconds since 1970), `failure` (reason, for failed trials).
/// - `intermediate` — intermediate reports of a trial (`trial`, `seq`, `json`).
/// - `run_lock` — at most one row: the process running the study (pid, host, process start
///   time, heartbeat); see `StudyStore+Lock.swift`.
/// - `setting` — key/value settings a resumed run must reuse (e.g. the pipeline depth).
///
/// Opened for writing (`open(path:)`, `create`), a file of an older schema is migrated; opened
/// for reading (`open(path:readOnly: true)`) nothing is written, not even to an older file.
public final class StudyStore: StudyStorage, @unchecked Sendable {
    public typealias StoreError = StudyStorageError

    public let path: String
    public let isReadOnly: Bool
    let db: any DatabaseWriter

    public var location: String { path }

    /// Opens an existing study file; for writing unless `readOnly` (a report, a status).
    public static func open(path: String, readOnly: Bool = false) throws(StoreError) -> StudyStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path) }
        if isDirectory.boolValue { throw .notAStudy(path, "it is a directory") }
        if readOnly { return try StudyStore(readingOnly: path) }
        // Look before touching: a file that is not a study (another SQLite database, an empty
        // file) must be left exactly as it is, so the check uses a read-only connection and
        // migrations run only on a study file.
        let probe = try StudyStore(readingOnly: path)
        do { try probe.close() } catch {}
        return try StudyStore(writing: path)
    }

    /// Creates a new study file (its folder too); refuses to overwrite one.
    public static func create(path: String, info: StudyInfo) throws(StoreError) -> StudyStore {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .notAStudy(path, "it is a directory; give a file path such as \(path)/study.sqlite") }
            throw .exists(path)
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try StudyStore.writeNew(path: path, info: info)
        return try StudyStore(writing: path)
    }

    /// Writes a complete new study file beside `path` and links it into place, so that a run
    /// killed while creating its study leaves no half-made file at `path` (only a hidden
    /// `.NAME.creating-PID` file, replaced by the next attempt).
    private static func writeNew(path: String, info: StudyInfo) throws(StoreError) {
        let dir = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        let temp = (dir.isEmpty ? "" : dir + "/") + ".\(name).creating-\(getpid())"
        unlink(temp)
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384") }
        do {
            let queue = try DatabaseQueue(path: temp, configuration: config)
            try migrator.migrate(queue)
            try queue.write { db in try insert(info, db) }
            try queue.close()
        } catch {
            unlink(temp)
            throw openingError(path, error)
        }
        // link() refuses an existing target: a study made meanwhile by another process is kept.
        defer { unlink(temp) }
        if link(temp, path) == 0 { return }
        let code = errno
        if code == EEXIST { throw .exists(path) }
        guard code == EPERM || code == ENOTSUP || code == EXDEV,
              !FileManager.default.fileExists(atPath: path), rename(temp, path) == 0 else {
            throw .notWritable(path, String(cString: strerror(code)))
        }
    }

    private init(writing path: String) throws(StoreError) {
        self.path = path
        self.isReadOnly = false
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.label = "study"
        config.prepareDatabase { db in
            // Larger pages: a trial row is ~300 bytes, and a run writes many at once. Only
            // takes effect when the file is created (before its first write).
            try db.execute(sql: "PRAGMA page_size = 16384")
            // WAL without an fsync per commit (still crash-consistent); checkpoint every
            // ~32 MB of log instead of SQLite's 4 MB (a run's background writer checkpoints
            // after each batch itself: see `checkpoint()`).
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 2000")
        }
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: config) }
        catch { throw StudyStore.openingError(path, error) }
        do {
            if try pool.read({ db in try StudyStore.migrator.hasBeenSuperseded(db) }) { throw StoreError.newer(path) }
            try StudyStore.migrator.migrate(pool)
        } catch let e as StoreError { throw e } catch { throw StudyStore.openingError(path, error) }
        db = pool
    }

    init(path: String, readOnlyQueue: DatabaseQueue) {
        self.path = path
        self.isReadOnly = true
        self.db = readOnlyQueue
    }

    /// What a failure to open or migrate the file means, in words.
    static func openingError(_ path: String, _ error: any Error) -> StoreError {
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
                return .notWritable(path, e.message ?? "\(e.resultCode)")
            case .SQLITE_FULL:
                return diskFull(path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notAStudy(path, e.message ?? "\(e.resultCode)")
            default: break
            }
        }
        return .notAStudy(path, "\(error)")
    }

    /// A failed write, in words: a full disk as `.diskFull` (with where), anything else as a
    /// database error saying what was being done.
    static func writeError(_ path: String, _ error: any Error, doing what: String? = nil) -> StoreError {
        if let e = error as? DatabaseError, e.resultCode == .SQLITE_FULL { return diskFull(path) }
        return .database(path, what.map { "\($0): \(error)" } ?? "\(error)")
    }

    /// `.diskFull` for the study file at `path`: the folder it is written in, and what is free there.
    static func diskFull(_ path: String) -> StoreError {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.path
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: dir))?[.systemFreeSize] as? NSNumber
        return .diskFull(path, folder: dir, free: free?.int64Value)
    }

    func writable() throws(StoreError) {
        if isReadOnly { throw .readOnly(path) }
    }

    // MARK: study

    private static func insert(_ info: StudyInfo, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO study (id, name, scenario, scenario_path, seed, trials, parameters, metrics, created_at, model)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [info.name, info.scenario, info.scenarioPath, Int64(bitPattern: info.seed), info.trials,
                             jsonArray(info.parameterNames), jsonArray(info.metricNames), info.createdAt, info.model?.jsonText()])
    }

    /// The study's description (with its model, when the file stores one).
    public func info() throws(StoreError) -> StudyInfo {
        do {
            return try db.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM study WHERE id = 1") else {
                    throw StoreError.notAStudy(path, "its study table is empty")
                }
                var model: StudyModel? = nil
                if let text = row["model"] as String? {
                    do { model = try StudyModel.read(json: text) }
                    catch { throw StoreError.notAStudy(path, "its stored model does not read: \(error)") }
                }
                return StudyInfo(name: row["name"], scenario: row["scenario"], scenarioPath: row["scenario_path"],
                                 seed: UInt64(bitPattern: row["seed"] as Int64), trials: row["trials"],
                                 parameterNames: parseJSONArray(row["parameters"]), metricNames: parseJSONArray(row["metrics"]),
                                 createdAt: row["created_at"], model: model)
            }
        } catch let e as StoreError { throw e } catch { throw .database(path, "\(error)") }
    }

    /// Stores the study's model (a study made by the first release has none until continued).
    public func setModel(_ model: StudyModel) throws(StoreError) {
        try writable()
        do { try db.write { db in try db.execute(sql: "UPDATE study SET model = ? WHERE id = 1", arguments: [model.jsonText()]) } }
        catch { throw StudyStore.writeError(path, error, doing: "cannot store the model") }
    }

    /// Raises the trial budget (a resumed run asked for more).
    public func setTrialBudget(_ trials: Int) throws(StoreError) {
        try writable()
        do { try db.write { db in try db.execute(sql: "UPDATE study SET trials = ? WHERE id = 1", arguments: [trials]) } }
        catch { throw StudyStore.writeError(path, error) }
    }

    /// Copies what is committed in the write-ahead log into the study file itself (a passive
    /// checkpoint: it never waits for readers and copies what their snapshots allow). A writer
    /// that commits in the background calls this after each batch, so the copy and its disk
    /// syncs happen while the search goes on instead of when the study is closed.
    public func checkpoint() throws(StoreError) {
        if isReadOnly { return }
        do { try db.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) } }
        catch { throw StudyStore.writeError(path, error, doing: "cannot checkpoint") }
    }

    /// Closes the study file now: the last connection copies the log into the file and removes
    /// it. The store cannot be used afterwards.
    public func close() throws(StoreError) {
        // Reader connections first (closed by releasing them), so that the writer's is the
        // last one and can remove the log.
        (db as? DatabasePool)?.releaseMemory()
        do { try db.close() } catch { throw .database(path, "cannot close the study file: \(error)") }
    }
}
