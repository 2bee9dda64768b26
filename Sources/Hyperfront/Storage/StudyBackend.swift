import Synchronization

/// Where a study named by a URL stands: there, not yet (it may still be created), or never (the
/// place holds something else: why, with what to do instead).
public enum StudyPresence: Sendable, Equatable {
    case present
    case absent
    case foreign(String)
}

/// A study named by a URL (`postgresql://…?study=NAME`), read by its `StudyBackend`. Its
/// `description` is what messages show (never a password).
public protocol StudyAddress: Sendable, CustomStringConvertible {
    /// Opens the study, for writing unless `readOnly`.
    func open(readOnly: Bool) throws(StudyStorageError) -> any StudyStorage
    /// Creates the study holding `info`; refuses one that exists.
    func create(info: StudyInfo) throws(StudyStorageError) -> any StudyStorage
    /// Whether the study is there (throws when its server cannot be reached).
    func presence() throws(StudyStorageError) -> StudyPresence
}

/// A storage of studies named by URL, registered once by the program that links it
/// (`StudyBackends.register`), so that the modules that open studies — runs, reports, workers —
/// do not link its client library. SQLite study files need none: they are paths.
public protocol StudyBackend: Sendable {
    /// The URL schemes it reads (`postgresql`, `postgres`), lowercase.
    var schemes: [String] { get }
    /// Reads a URL of one of its schemes.
    func parse(_ text: String) throws(StudyStorageError) -> any StudyAddress
}

/// The registered storages of studies named by URL.
public enum StudyBackends {
    private static let registered = Mutex<[any StudyBackend]>([])

    /// Registers `backend` (again: replaces the one registered for its schemes).
    public static func register(_ backend: any StudyBackend) {
        registered.withLock { list in
            list.removeAll { !Set($0.schemes).isDisjoint(with: backend.schemes) }
            list.append(backend)
        }
    }

    /// The storage registered for `scheme`, or nil.
    public static func backend(scheme: String) -> (any StudyBackend)? {
        let s = scheme.lowercased()
        return registered.withLock { list in list.first { $0.schemes.contains(s) } }
    }

    /// The scheme of `text` when it reads as a URL (`letters://…`), lowercase; nil for a path.
    public static func scheme(of text: String) -> String? {
        guard let r = text.range(of: "://") else { return nil }
        let scheme = text[..<r.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
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
