import Foundation
import Hyperfront
import PostgresStore
import Store

/// Where a study lives: a SQLite study file, or a study in a PostgreSQL database
/// (`postgresql://USER@HOST:5432/DATABASE?study=NAME`). Every command that takes a study
/// reads its argument with `parse` and opens it with `open`/`create`, so a study URL is
/// accepted wherever a study path is.
public enum StudyLocation: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case postgres(PostgresLocation)

    /// Reads a study argument: a `postgresql://` (or `postgres://`) URL, else a file path.
    public static func parse(_ text: String) throws(StudyStorageError) -> StudyLocation {
        guard PostgresLocation.isURL(text) else { return .file(text) }
        do { return .postgres(try PostgresLocation.parse(text)) }
        catch { throw .database(masked(text), "not a usable study URL: \(error.why)") }
    }

    /// The study as messages name it (a URL without its password).
    public var description: String {
        switch self {
        case .file(let path): return path
        case .postgres(let location): return location.description
        }
    }

    /// Whether `text` names a study in a database (a `postgresql://` URL) rather than a file.
    public static func isURL(_ text: String) -> Bool { PostgresLocation.isURL(text) }

    /// Whether this is a study file.
    public var isFile: Bool { if case .file = self { return true } else { return false } }

    /// Opens the study, for writing unless `readOnly`.
    public func open(readOnly: Bool = false) throws(StudyStorageError) -> any StudyStorage {
        switch self {
        case .file(let path): return try StudyStore.open(path: path, readOnly: readOnly)
        case .postgres(let location): return try PostgresStudyStore.open(location, readOnly: readOnly)
        }
    }

    /// Creates the study holding `info`; refuses one that exists.
    public func create(info: StudyInfo) throws(StudyStorageError) -> any StudyStorage {
        switch self {
        case .file(let path): return try StudyStore.create(path: path, info: info)
        case .postgres(let location): return try PostgresStudyStore.create(location, info: info)
        }
    }

    /// Whether a study (or, for a file path, anything) is there.
    public func exists() throws(StudyStorageError) -> Bool {
        switch self {
        case .file(let path): return FileManager.default.fileExists(atPath: path)
        case .postgres(let location): return try PostgresStudyStore.exists(location)
        }
    }

    /// Reads `text` and opens the study it names, for writing unless `readOnly`.
    public static func openStorage(_ text: String, readOnly: Bool = false) throws(StudyStorageError) -> any StudyStorage {
        try parse(text).open(readOnly: readOnly)
    }

    /// `text` with the password of a URL in it left out (`postgresql://user:secret@host` →
    /// `postgresql://user@host`), for messages about a URL that did not read.
    public static func masked(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.prefix(while: { $0 != "?" }).lastIndex(of: "@") else { return text }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<scheme.upperBound]) + credentials[..<colon] + rest[at...]
    }
}
