import Foundation
import Hyperfront
import PostgresNIO

/// One connection to the server, used by one thread at a time, with the synchronous calls the
/// `StudyStorage` API needs over postgres-nio's futures: each call is sent on the shared event
/// loop group and waited for on the calling thread (never an event-loop thread).
///
/// A connection the server closed (a restart, a network cut) is opened again on the next call,
/// retried with a growing pause (0.1 s doubling to 5 s) for up to `reconnectFor` seconds; a
/// call cut by a lost connection runs again on the new one unless its COMMIT had been sent.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let readOnly: Bool
    private let lock = NSLock()
    private var connection: PostgresConnection?
    /// How long a lost connection is retried before the call fails.
    static let reconnectFor = 60.0

    static let logger: Logger = {
        var l = Logger(label: "hyperfront.postgres")
        l.logLevel = .critical
        return l
    }()

    /// Connects now (so that a wrong host, password or database is told at once).
    init(_ location: PostgresLocation, readOnly: Bool) throws(StudyStorageError) {
        self.location = location
        self.readOnly = readOnly
        configuration = try PostgresSession.configuration(location)
        do { connection = try connect() } catch { throw PostgresSession.describe(error, location) }
    }

    static func configuration(_ location: PostgresLocation) throws(StudyStorageError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch location.tls {
            case .disable: tls = .disable
            case .prefer, .require:
                var c = TLSConfiguration.makeClientConfiguration()
                c.certificateVerification = .none
                let context = try NIOSSLContext(configuration: c)
                tls = location.tls == .prefer ? .prefer(context) : .require(context)
            case .verifyCA, .verifyFull:
                var c = TLSConfiguration.makeClientConfiguration()
                c.certificateVerification = location.tls == .verifyFull ? .fullVerification : .noHostnameVerification
                if let root = location.rootCertificate { c.trustRoots = .file(root) }
                tls = .require(try NIOSSLContext(configuration: c))
            }
        } catch { throw .database(location.description, "cannot set up TLS: \(error)") }
        var config = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                      password: location.password(), database: location.database, tls: tls)
        config.options.connectTimeout = .seconds(10)
        config.options.additionalStartupParameters = [("application_name", "hyperfront")]
        return config
    }

    private func connect() throws -> PostgresConnection {
        let c = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                               id: 1, logger: Self.logger).wait()
        if readOnly {
            do { _ = try c.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", logger: Self.logger).wait() }
            catch { Self.dispose(c); throw error }
        }
        return c
    }

    /// Runs `body` with the connection (reconnecting first when it was lost), holding it alone.
    /// A call cut by a lost connection runs again on a new one, unless it had sent a COMMIT
    /// (then whether it was committed is unknown, and the error is thrown).
    func with<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(Self.reconnectFor)
        var pause = 0.1
        while true {
            committing = false
            do {
                let c: PostgresConnection
                if let existing = connection, !existing.isClosed { c = existing } else {
                    connection = nil
                    c = try connect()
                    connection = c
                }
                return try body(c)
            } catch {
                guard Self.isConnectionLoss(error), !committing, Date() < deadline else { throw error }
                if let c = connection { Self.dispose(c) }
                connection = nil
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 5)
            }
        }
    }

    /// Whether the running call has sent its COMMIT (guarded by `lock`).
    private var committing = false

    /// Runs `body` inside one transaction (rolled back when it throws).
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try with { c in
            _ = try c.query("BEGIN", logger: Self.logger).wait()
            do {
                let value = try body(c)
                committing = true
                _ = try c.query("COMMIT", logger: Self.logger).wait()
                return value
            } catch {
                if !committing { _ = try? c.query("ROLLBACK", logger: Self.logger).wait() }
                throw error
            }
        }
    }

    /// Sends one statement and collects its rows.
    @discardableResult
    static func run(_ c: PostgresConnection, _ query: PostgresQuery) throws -> PostgresQueryResult {
        try c.query(query, logger: logger).wait()
    }

    /// Runs trusted SQL text (no values from outside) and returns each row's first column as text.
    func texts(trustedSQL sql: String) throws -> [String] {
        try with { c in try Self.run(c, PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String.self) } }
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        if let c = connection { try? c.close().wait() }
        connection = nil
    }

    deinit { if let c = connection { Self.dispose(c) } }

    /// Closes `c` without waiting, keeping it alive until it is closed (postgres-nio requires a
    /// connection to be closed before it is released).
    static func dispose(_ c: PostgresConnection) {
        if c.isClosed { return }
        c.close().whenComplete { _ in withExtendedLifetime(c) {} }
    }

    static func isConnectionLoss(_ error: any Error) -> Bool {
        guard let e = error as? PSQLError else { return error is ChannelError || error is IOError }
        switch e.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        case .server:
            // The server is shutting down or starting (admin_shutdown, cannot_connect_now).
            return ["57P01", "57P02", "57P03"].contains(e.serverInfo?[.sqlState] ?? "")
        default: return false
        }
    }

    /// A failure to connect or to run a statement, in words a person can act on. The
    /// password never appears: messages name the URL without it.
    static func describe(_ error: any Error, _ location: PostgresLocation) -> StudyStorageError {
        let here = location.description
        let server = "\(location.host):\(location.port)"
        if let e = error as? PSQLError {
            let state = e.serverInfo?[.sqlState] ?? ""
            let message = e.serverInfo?[.message] ?? ""
            switch (e.code, state) {
            case (.server, "28P01"),
                 (.server, "28000") where message.contains("password"):
                return .database(here, "the server refused the password of user '\(location.user)'; give the right one in PGPASSWORD, ~/.pgpass or the URL")
            case (.server, "28000"):
                return .database(here, "the server refused the connection: \(message); check the user and the server's pg_hba.conf (sslmode=require if it accepts TLS connections only)")
            case (.server, "3D000"):
                return .database(here, "the server has no database '\(location.database)'; create it (createdb \(location.database)) or name another in the URL")
            case (.server, "42501"):
                return .database(here, "the user '\(location.user)' may not do this here: \(message)")
            case (.server, "25006"):
                return .readOnly(here)
            case (.authMechanismRequiresPassword, _):
                return .database(here, "the server asks for a password for user '\(location.user)'; give it in PGPASSWORD, ~/.pgpass or the URL")
            case (.sslUnsupported, _):
                return .database(here, "the server at \(server) does not offer TLS, which sslmode=\(location.tls.rawValue) requires; use sslmode=prefer or enable ssl on the server")
            case (.connectionError, _):
                return .database(here, "cannot connect to the server at \(server) (\(e.underlying.map { "\($0)" } ?? "no answer")); check the host and port and that the server runs")
            case (.server, _):
                return .database(here, "the server answered: \(message)" + (state.isEmpty ? "" : " (SQLSTATE \(state))"))
            default:
                return .database(here, "\(e.code)" + (e.underlying.map { ": \($0)" } ?? ""))
            }
        }
        if let e = error as? StudyStorageError { return e }
        return .database(here, "cannot connect to the server at \(server) (\(error)); check the host and port and that the server runs")
    }
}
