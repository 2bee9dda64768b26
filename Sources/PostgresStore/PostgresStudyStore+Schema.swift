import Hyperfront
import PostgresNIO

extension PostgresStudyStore {
    /// The schema this version writes (`hyperfront_schema.version`).
    public static let schemaVersion = 4

    /// The migrations, oldest first: migration `i` takes the schema from version `i` to `i + 1`.
    /// They run in one transaction under an advisory lock, so that processes starting at once
    /// on one database migrate it once; a handle opened for reading never migrates.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE hyperfront_study (
                id BIGSERIAL PRIMARY KEY,
                study TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                scenario TEXT NOT NULL,
                scenario_path TEXT NOT NULL,
                seed BIGINT NOT NULL,
                trials BIGINT NOT NULL,
                parameters TEXT NOT NULL,
                metrics TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                model TEXT
            )
            """,
            """
            CREATE TABLE hyperfront_trial (
                study BIGINT NOT NULL REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                number BIGINT NOT NULL,
                generation BIGINT NOT NULL,
                state TEXT NOT NULL,
                params BYTEA NOT NULL,
                metrics BYTEA,
                violation DOUBLE PRECISION,
                started_at DOUBLE PRECISION NOT NULL,
                finished_at DOUBLE PRECISION,
                failure TEXT,
                PRIMARY KEY (study, number)
            )
            """,
            """
            CREATE TABLE hyperfront_intermediate (
                study BIGINT NOT NULL REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                trial BIGINT NOT NULL,
                seq INTEGER NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (study, trial, seq)
            )
            """,
            """
            CREATE TABLE hyperfront_setting (
                study BIGINT NOT NULL REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (study, key)
            )
            """,
            """
            CREATE TABLE hyperfront_run_lock (
                study BIGINT PRIMARY KEY REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                pid BIGINT NOT NULL,
                host TEXT NOT NULL,
                process_start TEXT NOT NULL,
                started_at DOUBLE PRECISION NOT NULL,
                heartbeat DOUBLE PRECISION NOT NULL
            )
            """,
        ],
        [
            // The work queue of the study's trials for workers on any host (see
            // PostgresStudyStore+Queue.swift): a row per trial proposed and not yet taken back
            // finished by the coordinator.
            """
            CREATE TABLE hyperfront_queue (
                study BIGINT NOT NULL REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                number BIGINT NOT NULL,
                generation BIGINT NOT NULL,
                params BYTEA NOT NULL,
                worker TEXT,
                heartbeat_at TIMESTAMPTZ,
                attempts INTEGER NOT NULL DEFAULT 0,
                done BOOLEAN NOT NULL DEFAULT false,
                PRIMARY KEY (study, number)
            )
            """,
        ],
        [
            // Intermediate reports of trials that workers run under early stopping, until the
            // coordinator's scheduler answers them (see PostgresStudyStore+Reports.swift):
            // `names` a JSON array, `vals` the little-endian float64 values, `decision` NULL
            // while unanswered, then 'continue' or 'stop'.
            """
            CREATE TABLE hyperfront_report (
                study BIGINT NOT NULL REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                trial BIGINT NOT NULL,
                attempt INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                step BIGINT NOT NULL,
                names TEXT NOT NULL,
                vals BYTEA NOT NULL,
                decision TEXT,
                PRIMARY KEY (study, trial, attempt, seq)
            )
            """,
            "CREATE INDEX hyperfront_report_undecided ON hyperfront_report (study) WHERE decision IS NULL",
        ],
        [
            // The worker processes of a study and their last heartbeat (server clock), for
            // `hyperfront status`; a row goes when its worker stops.
            """
            CREATE TABLE hyperfront_worker (
                study BIGINT NOT NULL REFERENCES hyperfront_study(id) ON DELETE CASCADE,
                worker TEXT NOT NULL,
                seen_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (study, worker)
            )
            """,
        ],
    ]

    /// The schema version of the database: nil when it holds no Hyperfront tables.
    static func version(_ c: PostgresConnection) throws -> Int? {
        let exists = try PostgresSession.run(c, "SELECT to_regclass('hyperfront_schema') IS NOT NULL AS present")
        guard let row = exists.first, try row.decode(Bool.self) else { return nil }
        let rows = try PostgresSession.run(c, "SELECT version FROM hyperfront_schema")
        return try rows.first.map { try Int($0.decode(Int32.self)) } ?? 0
    }

    /// Creates or migrates the schema to `schemaVersion` (inside the caller's transaction);
    /// throws `.newer` for a database written by a newer version.
    static func migrate(_ c: PostgresConnection, _ location: PostgresLocation) throws {
        // One key for every Hyperfront process: the schema is made once.
        try PostgresSession.run(c, "SELECT pg_advisory_xact_lock(7243019488210375)")
        var current = try version(c)
        if current == nil {
            // Tables are made only in an empty schema: a database that holds something else is
            // not made a Hyperfront one behind its owner's back.
            let others = try PostgresSession.run(c, """
                SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name LIMIT 5
                """).map { try $0.decode(String.self) }
            if !others.isEmpty {
                throw StudyStorageError.database(location.description, "the database '\(location.database)' holds other tables (\(others.joined(separator: ", "))) and no Hyperfront studies; give an empty database (createdb NAME) or one that holds Hyperfront studies")
            }
            try PostgresSession.run(c, "CREATE TABLE hyperfront_schema (version INTEGER NOT NULL)")
            try PostgresSession.run(c, "INSERT INTO hyperfront_schema (version) VALUES (0)")
            current = 0
        }
        guard var v = current else { return }
        if v > schemaVersion { throw StudyStorageError.newer(location.description) }
        while v < schemaVersion {
            for statement in migrations[v] { try PostgresSession.run(c, PostgresQuery(unsafeSQL: statement)) }
            v += 1
        }
        let n = Int32(v)
        try PostgresSession.run(c, "UPDATE hyperfront_schema SET version = \(n)")
    }
}
