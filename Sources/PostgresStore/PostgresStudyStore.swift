import Foundation
import Hyperfront
import PostgresNIO

/// A study in a PostgreSQL database: the second conformer of `StudyStorage`. One database
/// holds many studies, each named by the study URL's `study=NAME`; several processes on several
/// hosts may open one study at once.
///
/// Schema (see `PostgresStudyStore+Schema.swift`; version in `hyperfront_schema`):
/// - `hyperfront_study` — one row per study: `study` (the URL's name), then what the SQLite
///   file's `study` row holds (name, scenario text and path, seed, trial budget, parameter and
///   metric names as JSON arrays, created time, the model as JSON);
/// - `hyperfront_trial` — one row per trial, keyed by (study, number), with the SQLite file's
///   columns and encodings (parameters and metrics as little-endian float64 arrays);
/// - `hyperfront_intermediate`, `hyperfront_setting`, `hyperfront_run_lock` — as in the file,
///   keyed by study.
///
/// Every statement binds its values (`$1`…); the study name is also checked before use (see
/// `PostgresLocation.validate(study:)`).
public final class PostgresStudyStore: StudyStorage, @unchecked Sendable {
    public let address: PostgresLocation
    public let isReadOnly: Bool
    let session: PostgresSession
    /// The study's row id.
    let id: Int64

    public var location: String { address.description }

    private init(address: PostgresLocation, readOnly: Bool, session: PostgresSession, id: Int64) {
        self.address = address
        self.isReadOnly = readOnly
        self.session = session
        self.id = id
    }

    /// Opens an existing study; for writing unless `readOnly` (then nothing is written, not
    /// even a schema migration).
    public static func open(_ address: PostgresLocation, readOnly: Bool = false) throws(StudyStorageError) -> PostgresStudyStore {
        let session = try PostgresSession(address, readOnly: readOnly)
        do {
            let id: Int64 = try session.with { c in
                guard let v = try version(c) else {
                    throw StudyStorageError.database(address.description, "the database '\(address.database)' holds no Hyperfront studies (it has no hyperfront_schema table); create one with 'hyperfront run SCENARIO --study \(address)'")
                }
                if v > schemaVersion { throw StudyStorageError.newer(address.description) }
                if v < schemaVersion && !readOnly {
                    _ = try PostgresSession.run(c, "BEGIN")
                    do { try migrate(c, address); _ = try PostgresSession.run(c, "COMMIT") }
                    catch { _ = try? PostgresSession.run(c, "ROLLBACK"); throw error }
                }
                guard let found = try studyID(c, address.study) else {
                    let names = try PostgresSession.run(c, "SELECT study FROM hyperfront_study ORDER BY study LIMIT 20")
                        .map { try $0.decode(String.self) }
                    throw StudyStorageError.database(address.description, "the database '\(address.database)' has no study named '\(address.study)'" +
                        (names.isEmpty ? "" : " (it has: \(names.joined(separator: ", ")))") +
                        "; run 'hyperfront run SCENARIO --study \(address)' to create it")
                }
                return found
            }
            return PostgresStudyStore(address: address, readOnly: readOnly, session: session, id: id)
        } catch {
            session.close()
            throw PostgresSession.describe(error, address)
        }
    }

    /// Creates a new study (and the schema, in a database that has none); refuses an existing
    /// study of that name.
    public static func create(_ address: PostgresLocation, info: StudyInfo) throws(StudyStorageError) -> PostgresStudyStore {
        let session = try PostgresSession(address, readOnly: false)
        do {
            let id: Int64 = try session.transaction { c in
                try migrate(c, address)
                let seed = Int64(bitPattern: info.seed), trials = Int64(info.trials)
                let parameters = jsonArray(info.parameterNames), metrics = jsonArray(info.metricNames)
                let model = info.model?.jsonText()
                let rows = try PostgresSession.run(c, """
                    INSERT INTO hyperfront_study (study, name, scenario, scenario_path, seed, trials, parameters, metrics, created_at, model)
                    VALUES (\(address.study), \(info.name), \(info.scenario), \(info.scenarioPath), \(seed), \(trials),
                            \(parameters), \(metrics), \(info.createdAt), \(model))
                    ON CONFLICT (study) DO NOTHING RETURNING id
                    """)
                guard let row = rows.first else {
                    throw StudyStorageError.database(address.description, "a study named '\(address.study)' already exists in database '\(address.database)'; add --resume to continue it, or give another ?study=NAME")
                }
                return try row.decode(Int64.self)
            }
            return PostgresStudyStore(address: address, readOnly: false, session: session, id: id)
        } catch {
            session.close()
            throw PostgresSession.describe(error, address)
        }
    }

    /// Whether the study `address` names exists (false also when the database holds no
    /// Hyperfront tables); throws when the server cannot be reached.
    public static func exists(_ address: PostgresLocation) throws(StudyStorageError) -> Bool {
        let session = try PostgresSession(address, readOnly: true)
        defer { session.close() }
        do {
            return try session.with { c in
                guard try version(c) != nil else { return false }
                return try studyID(c, address.study) != nil
            }
        } catch { throw PostgresSession.describe(error, address) }
    }

    /// Whether a study is there, may still come (an empty database, or one with Hyperfront
    /// studies but not this one yet), or never will (a database that holds other tables).
    public enum Presence: Sendable, Equatable {
        case present
        case absent
        /// Not a Hyperfront database: why, with what to do instead.
        case foreign(String)
    }

    /// Where the study `address` names stands; throws when the server cannot be reached.
    public static func presence(_ address: PostgresLocation) throws(StudyStorageError) -> Presence {
        let session = try PostgresSession(address, readOnly: true)
        defer { session.close() }
        do {
            return try session.with { c in
                if try version(c) != nil { return try studyID(c, address.study) != nil ? .present : .absent }
                let others = try PostgresSession.run(c, """
                    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name LIMIT 5
                    """).map { try $0.decode(String.self) }
                // Hyperfront's own tables: the schema was made since `version` looked.
                if others.allSatisfy({ $0.hasPrefix("hyperfront_") }) { return .absent }
                return .foreign("the database '\(address.database)' holds other tables (\(others.joined(separator: ", "))) and no Hyperfront studies; give the database the coordinator's --study URL names")
            }
        } catch { throw PostgresSession.describe(error, address) }
    }

    static func studyID(_ c: PostgresConnection, _ name: String) throws -> Int64? {
        try PostgresSession.run(c, "SELECT id FROM hyperfront_study WHERE study = \(name)").first.map { try $0.decode(Int64.self) }
    }

    func writable() throws(StudyStorageError) {
        if isReadOnly { throw .readOnly(location) }
    }

    /// Runs `body` on the connection, mapping failures to `StudyStorageError`.
    @discardableResult
    func read<T>(_ what: String, _ body: (PostgresConnection) throws -> T) throws(StudyStorageError) -> T {
        do { return try session.with(body) } catch { throw failure(what, error) }
    }

    /// Runs `body` in one transaction, mapping failures to `StudyStorageError`.
    @discardableResult
    func write<T>(_ what: String, _ body: (PostgresConnection) throws -> T) throws(StudyStorageError) -> T {
        try writable()
        do { return try session.transaction(body) } catch { throw failure(what, error) }
    }

    private func failure(_ what: String, _ error: any Error) -> StudyStorageError {
        if let e = error as? StudyStorageError { return e }
        let described = PostgresSession.describe(error, address)
        if case .database(let p, let why) = described { return .database(p, "\(what): \(why)") }
        return described
    }

    // MARK: study

    public func info() throws(StudyStorageError) -> StudyInfo {
        let here = location
        return try read("cannot read the study") { c in
            guard let row = try PostgresSession.run(c, """
                SELECT name, scenario, scenario_path, seed, trials, parameters, metrics, created_at, model
                FROM hyperfront_study WHERE id = \(id)
                """).first else { throw StudyStorageError.database(here, "the study was deleted") }
            let (name, scenario, path, seed, trials, parameters, metrics, created, modelText) =
                try row.decode((String, String, String, Int64, Int64, String, String, Double, String?).self)
            var model: StudyModel? = nil
            if let modelText {
                do { model = try StudyModel.read(json: modelText) }
                catch { throw StudyStorageError.notAStudy(here, "its stored model does not read: \(error)") }
            }
            return StudyInfo(name: name, scenario: scenario, scenarioPath: path, seed: UInt64(bitPattern: seed), trials: Int(trials),
                             parameterNames: parseJSONArray(parameters), metricNames: parseJSONArray(metrics), createdAt: created, model: model)
        }
    }

    public func setModel(_ model: StudyModel) throws(StudyStorageError) {
        let text = model.jsonText()
        try write("cannot store the model") { c in try PostgresSession.run(c, "UPDATE hyperfront_study SET model = \(text) WHERE id = \(id)") }
    }

    public func setTrialBudget(_ trials: Int) throws(StudyStorageError) {
        let n = Int64(trials)
        try write("cannot set the trial budget") { c in try PostgresSession.run(c, "UPDATE hyperfront_study SET trials = \(n) WHERE id = \(id)") }
    }

    /// Nothing to do: a committed transaction is durable on the server.
    public func checkpoint() throws(StudyStorageError) {}

    public func close() throws(StudyStorageError) {
        session.close()
    }

}
