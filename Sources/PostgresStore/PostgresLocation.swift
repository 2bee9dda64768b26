import Foundation

/// Where a study lives in a PostgreSQL database, read from a study URL
/// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE?study=NAME[&sslmode=MODE][&sslrootcert=FILE]`.
///
/// The password comes from the URL, else `PGPASSWORD`, else `~/.pgpass` (libpq's rules: the
/// first matching `host:port:database:user:password` line, `*` matching anything, the file
/// ignored unless only its owner can read it). It never appears in `description`: messages
/// show the URL without it.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// How TLS is used (libpq's `sslmode`).
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it (the default); the certificate is not checked.
        case prefer
        /// Always; the certificate is not checked (libpq's meaning).
        case require
        /// Always; the certificate must chain to `sslrootcert` (or the system's roots).
        case verifyCA = "verify-ca"
        /// Always; the certificate must chain to a trusted root and name the host.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// The study's name inside the database (letters, digits, `.`, `_`, `-`; at most 64).
    public var study: String
    public var tls: TLSMode
    /// A PEM file of roots for `verify-ca` / `verify-full`.
    public var rootCertificate: String?
    /// The password given in the URL itself, if any (see `password(environment:)`).
    var urlPassword: String?

    /// The URL without its password (what every message shows).
    public var description: String {
        var text = "postgresql://\(Self.escape(user))@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(Self.escape(database))?study=\(study)"
        if tls != .prefer { text += "&sslmode=\(tls.rawValue)" }
        return text
    }

    /// Whether `text` is meant as a PostgreSQL study URL (rather than a file path).
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Reads a study URL; a message naming what to write instead when it does not read.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresURLError) -> PostgresLocation {
        guard isURL(text) else { throw .init("it does not start with postgresql://") }
        guard let parts = URLComponents(string: text) else {
            throw .init("it is not a valid URL; write postgresql://USER@HOST:5432/DATABASE?study=NAME (percent-encode special characters in the password)")
        }
        let host = parts.host.map { $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0 } ?? ""
        let port = parts.port ?? 5432
        guard (1...65535).contains(port) else { throw .init("port \(port) is out of range (1-65535)") }
        let user = parts.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        var path = parts.percentEncodedPath
        if path.hasPrefix("/") { path.removeFirst() }
        let database = path.removingPercentEncoding ?? path
        guard !host.isEmpty else { throw .init("it names no host; write postgresql://USER@HOST:5432/DATABASE?study=NAME") }
        guard !database.isEmpty, !database.contains("/") else {
            throw .init("it names no database; write postgresql://USER@HOST:\(port)/DATABASE?study=NAME")
        }
        var study: String? = nil, mode = TLSMode.prefer, root: String? = nil
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "study": study = item.value ?? ""
            case "sslmode":
                guard let m = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw .init("sslmode '\(item.value ?? "")' is not one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = m
            case "sslrootcert": root = item.value
            default:
                throw .init("unknown URL parameter '\(item.name)'; the parameters are study, sslmode and sslrootcert")
            }
        }
        guard let study else { throw .init("it names no study; add ?study=NAME (a database holds many studies)") }
        if let why = validate(study: study) { throw .init(why) }
        return PostgresLocation(host: host, port: port, user: user, database: database, study: study, tls: mode,
                                rootCertificate: root, urlPassword: parts.password.flatMap { $0.removingPercentEncoding })
    }

    /// Why `name` cannot name a study, or nil.
    public static func validate(study name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        if name.isEmpty { return "the study name is empty; write ?study=NAME" }
        if name.count > 64 || !name.allSatisfy(allowed.contains) || !(name.first!.isLetter || name.first!.isNumber) {
            return "the study name '\(name.prefix(80))' is not allowed; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        }
        return nil
    }

    /// The password: the URL's, else `PGPASSWORD`, else the first matching `~/.pgpass` line.
    func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let urlPassword { return urlPassword }
        if let p = environment["PGPASSWORD"] { return p }
        let file = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        return PostgresLocation.passFileEntry(file, host: host, port: port, database: database, user: user)
    }

    /// The password of the first line of a `.pgpass` file matching the connection, or nil
    /// (also when the file can be read by others than its owner, as libpq does).
    static func passFileEntry(_ file: String, host: String, port: Int, database: String, user: String) -> String? {
        var st = stat()
        guard stat(file, &st) == 0, st.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], current = "", escaped = false
            for c in line {
                if escaped { current.append(c); escaped = false }
                else if c == "\\" { escaped = true }
                else if c == ":" && fields.count < 4 { fields.append(current); current = "" }
                else { current.append(c) }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// A study URL that does not read, with what to write instead.
public struct PostgresURLError: Error, CustomStringConvertible, Sendable {
    public let why: String
    init(_ why: String) { self.why = why }
    public var description: String { why }
}
