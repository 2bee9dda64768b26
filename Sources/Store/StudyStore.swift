import Foundation
import GRDB
import Hyperfront

/// The study file: one SQLite database (WAL, busy timeout) holding the scenario, the seed and
/// every trial. It is the source of truth: reports read it, and a run resumes from it.
///
/// Schema (version table: GRDB's `grdb_migrations`):
/// - `study` — one row: name, scenario text and path, seed, trial budget, parameter and metric
///   names (JSON arrays), created time.
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
public final class StudyStore: @unchecked Sendable {
    public let path: String
    let db: DatabasePool

    /// Errors a person can act on.
    public enum StoreError: Error, CustomStringConvertible {
        case notAStudy(String, String)
        case exists(String)
        case missing(String)
        case database(String, String)
        case busy(String, String)

        public var description: String {
            switch self {
            case .notAStudy(let p, let why): return "\(p): not a Hyperfront study file (\(why))"
            case .exists(let p): return "\(p): a study file already exists here; add --resume to continue it, or give another --study path"
            case .missing(let p): return "\(p): no such study file; run 'hyperfront run SCENARIO --study \(p)' first"
            case .database(let p, let why): return "\(p): \(why)"
            case .busy(let p, let who): return "\(p): this study is being run by \(who); wait for it to finish or stop it (Ctrl-C), then continue with --resume"
            }
        }
    }

    /// Opens an existing study file.
    public static func open(path: String) throws(StoreError) -> StudyStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path) }
        if isDirectory.boolValue { throw .notAStudy(path, "it is a directory") }
        // Look before touching: a file that is not a study (another SQLite database, an empty
        // file) must be left exactly as it is, so the check uses a read-only connection and
        // migrations run only on a study file.
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let probe = try DatabaseQueue(path: path, configuration: readOnly)
            let ok = try probe.read { db in try db.tableExists("study") && db.tableExists("trial") }
            try probe.close()
            if !ok { throw StoreError.notAStudy(path, "it has no study table") }
        } catch let e as StoreError { throw e } catch { throw .notAStudy(path, "\(error)") }
        return try StudyStore(path: path)
    }

    /// Creates a new study file (its folder too); refuses to overwrite one.
    public static func create(path: String, info: StudyInfo) throws(StoreError) -> StudyStore {
        if FileManager.default.fileExists(atPath: path) { throw .exists(path) }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let store = try StudyStore(path: path)
        do {
            try store.db.write { db in try store.insert(info, db) }
        } catch { throw .database(path, "cannot write the study: \(error)") }
        return store
    }

    private init(path: String) throws(StoreError) {
        self.path = path
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
        do {
            db = try DatabasePool(path: path, configuration: config)
            try StudyStore.migrator.migrate(db)
        } catch {
            throw .notAStudy(path, "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE study (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    name TEXT NOT NULL,
                    scenario TEXT NOT NULL,
                    scenario_path TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    trials INTEGER NOT NULL,
                    parameters TEXT NOT NULL,
                    metrics TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE trial (
                    number INTEGER PRIMARY KEY,
                    generation INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    params BLOB NOT NULL,
                    metrics BLOB,
                    violation REAL,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    failure TEXT
                );
                CREATE TABLE intermediate (
                    trial INTEGER NOT NULL REFERENCES trial(number) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    json TEXT NOT NULL,
                    PRIMARY KEY (trial, seq)
                );
                """)
        }
        m.registerMigration("v2-lock-and-settings") { db in
            try db.execute(sql: """
                CREATE TABLE run_lock (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    pid INTEGER NOT NULL,
                    host TEXT NOT NULL,
                    process_start TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    heartbeat REAL NOT NULL
                );
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        return m
    }

    // MARK: study

    private func insert(_ info: StudyInfo, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO study (id, name, scenario, scenario_path, seed, trials, parameters, metrics, created_at)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [info.name, info.scenario, info.scenarioPath, Int64(bitPattern: info.seed), info.trials,
                             jsonArray(info.parameterNames), jsonArray(info.metricNames), info.createdAt])
    }

    /// The study's description.
    public func info() throws(StoreError) -> StudyInfo {
        do {
            return try db.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM study WHERE id = 1") else {
                    throw StoreError.notAStudy(path, "its study table is empty")
                }
                return StudyInfo(name: row["name"], scenario: row["scenario"], scenarioPath: row["scenario_path"],
                                 seed: UInt64(bitPattern: row["seed"] as Int64), trials: row["trials"],
                                 parameterNames: parseJSONArray(row["parameters"]), metricNames: parseJSONArray(row["metrics"]),
                                 createdAt: row["created_at"])
            }
        } catch let e as StoreError { throw e } catch { throw .database(path, "\(error)") }
    }

    /// Raises the trial budget (a resumed run asked for more).
    public func setTrialBudget(_ trials: Int) throws(StoreError) {
        do { try db.write { db in try db.execute(sql: "UPDATE study SET trials = ? WHERE id = 1", arguments: [trials]) } }
        catch { throw .database(path, "\(error)") }
    }

    // MARK: trials

    /// Writes trials (insert or replace by number) in one transaction.
    /// - Complexity: O(total size of the trials); no allocation per trial (see
    ///   `TrialRowWriter`).
    public func save(_ trials: [Trial], intermediate: [Int: [String]] = [:]) throws(StoreError) {
        if trials.isEmpty { return }
        do {
            try db.write { db in
                let rows = try TrialRowWriter(db)
                try rows.insert(trials)
                if !intermediate.isEmpty {
                    let ist = try db.cachedStatement(sql: "INSERT OR REPLACE INTO intermediate (trial, seq, json) VALUES (?, ?, ?)")
                    for (trial, lines) in intermediate {
                        for (i, line) in lines.enumerated() {
                            ist.setUncheckedArguments([trial, i, line])
                            try ist.execute()
                        }
                    }
                }
            }
        } catch { throw .database(path, "cannot save trials: \(error)") }
    }

    /// Copies what is committed in the write-ahead log into the study file itself (a passive
    /// checkpoint: it never waits for readers and copies what their snapshots allow). A writer
    /// that commits in the background calls this after each batch, so the copy and its disk
    /// syncs happen while the search goes on instead of when the study is closed.
    public func checkpoint() throws(StoreError) {
        do { try db.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) } }
        catch { throw .database(path, "cannot checkpoint: \(error)") }
    }

    /// Closes the study file now: the last connection copies the log into the file and removes
    /// it. The store cannot be used afterwards.
    public func close() throws(StoreError) {
        // Reader connections first (closed by releasing them), so that the writer's is the
        // last one and can remove the log.
        db.releaseMemory()
        do { try db.close() } catch { throw .database(path, "cannot close the study file: \(error)") }
    }

    /// Every trial, by number.
    public func trials() throws(StoreError) -> [Trial] {
        do {
            return try db.read { db in
                var out: [Trial] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT number, generation, state, params, metrics, violation, started_at, finished_at, failure
                    FROM trial ORDER BY number
                    """)
                while let row = try rows.next() {
                    let stateText: String = row[2]
                    let metricsData: Data? = row[4]
                    out.append(Trial(number: row[0], generation: row[1], configuration: Configuration(decodeDoubles(row[3])),
                                     state: TrialState(rawValue: stateText) ?? .failed,
                                     metrics: metricsData.map(decodeDoubles) ?? [],
                                     violation: row[5] ?? .nan, startedAt: row[6], finishedAt: row[7], failure: row[8]))
                }
                return out
            }
        } catch { throw .database(path, "cannot read trials: \(error)") }
    }

    /// Intermediate reports of one trial, in order (JSON lines).
    public func intermediate(trial: Int) throws(StoreError) -> [String] {
        do {
            return try db.read { db in
                try String.fetchAll(db, sql: "SELECT json FROM intermediate WHERE trial = ? ORDER BY seq", arguments: [trial])
            }
        } catch { throw .database(path, "\(error)") }
    }

    /// Number of trials in each state (states without trials are left out).
    /// - Complexity: one pass over the trial table, no sorting.
    public func counts() throws(StoreError) -> [TrialState: Int] {
        let states = TrialState.allCases
        let sql = "SELECT " + states.map { "COUNT(*) FILTER (WHERE state = '\($0.rawValue)')" }.joined(separator: ", ") + " FROM trial"
        do {
            return try db.read { db in
                guard let row = try Row.fetchOne(db, sql: sql) else { return [:] }
                var out: [TrialState: Int] = [:]
                for (i, s) in states.enumerated() where (row[i] as Int) > 0 { out[s] = row[i] }
                return out
            }
        } catch { throw .database(path, "\(error)") }
    }
}

/// A study's description, stored once when it is created.
public struct StudyInfo: Sendable, Equatable {
    public var name: String
    public var scenario: String
    public var scenarioPath: String
    public var seed: UInt64
    public var trials: Int
    public var parameterNames: [String]
    public var metricNames: [String]
    public var createdAt: Double

    public init(name: String, scenario: String, scenarioPath: String, seed: UInt64, trials: Int,
                parameterNames: [String], metricNames: [String], createdAt: Double) {
        self.name = name
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.seed = seed
        self.trials = trials
        self.parameterNames = parameterNames
        self.metricNames = metricNames
        self.createdAt = createdAt
    }
}
