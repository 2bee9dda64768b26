import Foundation
import Hyperfront

extension QueueSnapshot {
    /// Seconds since its last heartbeat within which a worker counts as live (three missed
    /// heartbeats).
    public static let liveWithin = 3 * SharedQueue.heartbeatInterval

    /// What `hyperfront status` says of a study's shared queue: trials waiting, running (worker
    /// and heartbeat age, at most `limit` listed), done (`done`: the study's finished trials),
    /// and the workers live now.
    public func statusLines(done: Int, limit: Int = 10) -> [String] {
        var lines = ["queue: \(waiting) waiting, \(claims.count) running, \(done) done"
                     + (untaken > 0 ? " (\(untaken) not yet read back by the coordinator)" : "")]
        for c in claims.prefix(limit) {
            let stale = c.heartbeatAge > Self.liveWithin ? " — no heartbeat lately: taken over once older than the workers' --reclaim-after" : ""
            let again = c.attempts > 1 ? ", claim \(c.attempts)" : ""
            lines.append("  trial \(c.number): \(Self.describe(c.worker)), heartbeat \(Self.age(c.heartbeatAge)) ago\(again)\(stale)")
        }
        if claims.count > limit { lines.append("  … and \(claims.count - limit) more running") }
        let live = workers.filter { $0.seenAge <= Self.liveWithin }
        let running = Dictionary(grouping: claims, by: \.worker).mapValues(\.count)
        if live.isEmpty {
            lines.append("workers: none live" + (waiting > 0 ? " — start some with 'hyperfront worker URL'" : ""))
        } else {
            let listed = live.prefix(limit).map { w in "\(Self.describe(w.name)) (\(running[w.name].map { "\($0) running" } ?? "idle"))" }
            lines.append("workers: \(live.count) live — " + listed.joined(separator: ", ") + (live.count > limit ? ", …" : ""))
        }
        let gone = workers.count - live.count
        if gone > 0, let last = workers.first(where: { $0.seenAge > Self.liveWithin }) {
            lines.append("  \(gone) worker(s) stopped answering without signing off (the latest \(Self.age(last.seenAge)) ago)")
        }
        return lines
    }

    /// `host:pid:tag` → `host pid 123`.
    static func describe(_ worker: String) -> String {
        let parts = worker.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return worker }
        return "\(parts.dropLast(2).joined(separator: ":")) pid \(parts[parts.count - 2])"
    }

    static func age(_ seconds: Double) -> String {
        seconds < 10 ? String(format: "%.1f s", max(0, seconds)) : seconds < 600 ? "\(Int(seconds)) s" : "\(Int(seconds / 60)) min"
    }
}
