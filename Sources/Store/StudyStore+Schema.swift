import GRDB

extension StudyStore {
    /// The schema a file written by this version has: 1 = the first release's (migrations
    /// `v1`, `v2-lock-and-settings`), 2 = the model stored as JSON (`schema2-model`).
    public static let schemaVersion = 2

    /// The study file's migrations, oldest first. A migration runs only when the file is opened
    /// for writing (a run); reading an older file reads it as it is.
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
        // Schema 2: the study describes itself. A first-release study gets its model from the
        // run that continues it (the evaluator's resources are known only there).
        m.registerMigration("schema2-model") { db in
            try db.execute(sql: "ALTER TABLE study ADD COLUMN model TEXT; PRAGMA user_version = 2")
        }
        return m
    }

    /// The schema version of the open file (1 for a first-release file read as it is).
    public func schema() throws(StoreError) -> Int {
        do {
            return try db.read { db in
                try db.columns(in: "study").contains { $0.name == "model" } ? 2 : 1
            }
        } catch { throw .database(path, "\(error)") }
    }
}
