import Foundation
import Hyperfront
import Store

/// Where a study lives: a SQLite study file, or a study named by a URL in a registered storage
/// (`StudyBackends`; e.g. `postgresql://USER@HOST:5432/DATABASE?study=NAME` once the program
/// registered `PostgresBackend`). Every command that takes a study reads its argument with
/// `parse` and opens it with `open`/`create`, so a study URL is accepted wherever a study path
/// is — and only the program links the URL storages' client libraries.
public enum StudyLocation: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case url(any StudyAddress)

    /// Reads a study argument: a URL (`scheme://…`) of a registered storage, else a file path.
    public static func parse(_ text: String) throws(StudyStorageError) -> StudyLocation {
        guard let scheme = StudyBackends.scheme(of: text) else { return .file(text) }
        guard let backend = StudyBackends.backend(scheme: scheme) else {
            throw .database(masked(text), "no storage for \(scheme):// study URLs is built into this program; give a study file (a path), or a postgresql:// URL")
        }
        return .url(try backend.parse(text))
    }

    /// The study as messages name it (a URL without its password).
    public var description: String {
        switch self {
        case .file(let path): return path
        case .url(let address): return address.description
        }
    }

    public static func == (a: StudyLocation, b: StudyLocation) -> Bool {
        switch (a, b) {
        case (.file(let x), .file(let y)): return x == y
        case (.url(let x), .url(let y)): return type(of: x) == type(of: y) && x.description == y.description
        default: return false
        }
    }

    /// Whether `text` names a study by a URL rather than a file path.
    public static func isURL(_ text: String) -> Bool { StudyBackends.scheme(of: text) != nil }

    /// Whether this is a study file.
    public var isFile: Bool { if case .file = self { return true } else { return false } }

    /// Opens the study, for writing unless `readOnly`.
    public func open(readOnly: Bool = false) throws(StudyStorageError) -> any StudyStorage {
        switch self {
        case .file(let path): return try StudyStore.open(path: path, readOnly: readOnly)
        case .url(let address): return try address.open(readOnly: readOnly)
        }
    }

    /// Creates the study holding `info`; refuses one that exists.
    public func create(info: StudyInfo) throws(StudyStorageError) -> any StudyStorage {
        switch self {
        case .file(let path): return try StudyStore.create(path: path, info: info)
        case .url(let address): return try address.create(info: info)
        }
    }

    /// Whether a study (or, for a file path, anything) is there.
    public func exists() throws(StudyStorageError) -> Bool {
        switch self {
        case .file(let path): return FileManager.default.fileExists(atPath: path)
        case .url(let address): return try address.presence() == .present
        }
    }

    /// Reads `text` and opens the study it names, for writing unless `readOnly`.
    public static func openStorage(_ text: String, readOnly: Bool = false) throws(StudyStorageError) -> any StudyStorage {
        try parse(text).open(readOnly: readOnly)
    }

    /// `text` with the password of a URL in it left out (see `StudyBackends.masked`).
    public static func masked(_ text: String) -> String { StudyBackends.masked(text) }
}
