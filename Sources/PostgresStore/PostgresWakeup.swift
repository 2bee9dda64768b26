import Foundation
import Hyperfront
import PostgresNIO

/// A process's ear on a study's shared queue: one connection of its own that LISTENs on the
/// study's channels (`hyperfront_<study id>_<event>`) and counts what it hears; the statements
/// that change the queue send `pg_notify` to them (delivered when they commit).
///
/// A lost connection (a server restart) is opened again in the background, at most once every
/// 2 s: until then waits run to their timeouts, and the callers look at the queue after each.
final class PostgresWakeup: QueueSignals, @unchecked Sendable {
    private let configuration: PostgresConnection.Configuration
    private let study: Int64
    private let condition = NSCondition()
    private var counts = [Int](repeating: 0, count: QueueEvent.allCases.count)
    private var connection: PostgresConnection?
    private var connecting = false
    private var lastAttempt = Date.distantPast
    private var closed = false

    /// The channel of `event` for study row `study`.
    static func channel(_ event: QueueEvent, study: Int64) -> String {
        let names: [QueueEvent: String] = [.queued: "queued", .finished: "finished", .reports: "reports", .decisions: "decisions"]
        return "hyperfront_\(study)_\(names[event]!)"
    }

    init(configuration: PostgresConnection.Configuration, study: Int64) {
        self.configuration = configuration
        self.study = study
        reconnect()
    }

    /// Opens the connection and listens (in the background); does nothing while one is open or
    /// being opened, or within 2 s of the last attempt.
    private func reconnect() {
        condition.lock()
        defer { condition.unlock() }
        if closed || connecting || (connection.map { !$0.isClosed } ?? false) || Date().timeIntervalSince(lastAttempt) < 2 { return }
        connecting = true
        lastAttempt = Date()
        let future = PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                id: 2, logger: PostgresSession.logger)
        future.whenComplete { [weak self] result in
            guard let self else {
                if case .success(let c) = result { PostgresSession.dispose(c) }
                return
            }
            self.condition.lock()
            defer { self.condition.unlock() }
            self.connecting = false
            guard case .success(let c) = result else { return }
            if self.closed { PostgresSession.dispose(c); return }
            if let old = self.connection { PostgresSession.dispose(old) }
            self.connection = c
            for event in QueueEvent.allCases {
                c.addListener(channel: Self.channel(event, study: self.study)) { [weak self] _, _ in self?.heard(event) }
            }
            // Whatever happened while no one listened is not known: wake every waiter once.
            for i in self.counts.indices { self.counts[i] += 1 }
            self.condition.broadcast()
        }
    }

    private func heard(_ event: QueueEvent) {
        condition.lock()
        counts[event.rawValue] += 1
        condition.broadcast()
        condition.unlock()
    }

    func count(_ event: QueueEvent) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return counts[event.rawValue]
    }

    @discardableResult
    func wait(_ event: QueueEvent, after seen: Int, timeout: Double) -> Int {
        let lost = { [self] () -> Bool in
            condition.lock()
            defer { condition.unlock() }
            return connection.map(\.isClosed) ?? true
        }()
        if lost { reconnect() }
        let deadline = Date().addingTimeInterval(max(0, timeout))
        condition.lock()
        defer { condition.unlock() }
        while counts[event.rawValue] <= seen && !closed {
            if !condition.wait(until: deadline) { break }
        }
        return counts[event.rawValue]
    }

    func close() {
        condition.lock()
        closed = true
        let c = connection
        connection = nil
        condition.broadcast()
        condition.unlock()
        if let c { PostgresSession.dispose(c) }
    }

    deinit { if let c = connection { PostgresSession.dispose(c) } }
}

extension PostgresStudyStore {
    public func signals() -> (any QueueSignals)? {
        guard let configuration = try? PostgresSession.configuration(address) else { return nil }
        return PostgresWakeup(configuration: configuration, study: id)
    }
}
