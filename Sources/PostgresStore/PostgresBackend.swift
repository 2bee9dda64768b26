import Hyperfront

/// Studies in PostgreSQL as a registered storage (`StudyBackends`): `postgresql://` and
/// `postgres://` URLs. The program that links this module registers it once
/// (`PostgresBackend.register()`); every command then takes a study URL where it takes a path.
public struct PostgresBackend: StudyBackend {
    public init() {}

    public var schemes: [String] { ["postgresql", "postgres"] }

    /// Registers the backend.
    public static func register() { StudyBackends.register(PostgresBackend()) }

    public func parse(_ text: String) throws(StudyStorageError) -> any StudyAddress {
        do { return try PostgresLocation.parse(text) }
        catch { throw .database(StudyBackends.masked(text), "not a usable study URL: \(error.why)") }
    }
}

extension PostgresLocation: StudyAddress {
    public func open(readOnly: Bool) throws(StudyStorageError) -> any StudyStorage {
        try PostgresStudyStore.open(self, readOnly: readOnly)
    }

    public func create(info: StudyInfo) throws(StudyStorageError) -> any StudyStorage {
        try PostgresStudyStore.create(self, info: info)
    }

    public func presence() throws(StudyStorageError) -> StudyPresence {
        switch try PostgresStudyStore.presence(self) {
        case .present: return .present
        case .absent: return .absent
        case .foreign(let why): return .foreign(why)
        }
    }
}

extension PostgresStudyStore {
    public func reopen() throws(StudyStorageError) -> any TrialQueueStorage {
        try PostgresStudyStore.open(address)
    }
}
