import Foundation
import Hyperfront
import PostgresNIO

/// The study's work queue (`hyperfront_queue`): one row per trial the coordinator proposed and
/// no worker finished yet; `worker` and `heartbeat_at` (the server's clock) are set while a
/// worker holds it. A claim picks rows with `FOR UPDATE SKIP LOCKED`, so concurrent workers
/// never wait for each other nor take the same row.
extension PostgresStudyStore: TrialQueueStorage {
    public func enqueue(_ trials: [QueuedTrial]) throws(StudyStorageError) {
        if trials.isEmpty { return }
        let study = id
        try write("cannot queue trials") { c in
            var start = 0
            while start < trials.count {
                let rows = trials[start..<min(start + 2_000, trials.count)]
                start = rows.endIndex
                let numbers = rows.map { Int64($0.number) }, generations = rows.map { Int64($0.generation) }
                let params = rows.map { hex(encodeDoubles($0.configuration.values)) }
                try PostgresSession.run(c, """
                    INSERT INTO hyperfront_queue (study, number, generation, params)
                    SELECT \(study), n, g, decode(p, 'hex') FROM unnest(\(numbers)::bigint[], \(generations)::bigint[], \(params)::text[]) AS u(n, g, p)
                    WHERE NOT EXISTS (SELECT 1 FROM hyperfront_trial t WHERE t.study = \(study) AND t.number = u.n AND t.state <> 'running')
                    ON CONFLICT (study, number) DO NOTHING
                    """)
            }
        }
    }

    public func claim(worker: String, limit: Int, staleAfter: Double, startedAt: Double) throws(StudyStorageError) -> [QueuedTrial] {
        let study = id, here = location, count = Int64(max(1, limit))
        return try write("cannot claim a trial") { c in
            let rows = try PostgresSession.run(c, """
                WITH picked AS (
                    SELECT number FROM hyperfront_queue
                    WHERE study = \(study) AND (worker IS NULL OR heartbeat_at < now() - \(staleAfter) * interval '1 second')
                    ORDER BY number LIMIT \(count) FOR UPDATE SKIP LOCKED)
                UPDATE hyperfront_queue q SET worker = \(worker), heartbeat_at = now(), attempts = q.attempts + 1
                FROM picked WHERE q.study = \(study) AND q.number = picked.number
                RETURNING q.number, q.generation, q.params, q.attempts
                """)
            var claimed: [QueuedTrial] = []
            for row in rows {
                let (number, generation, params, attempts) = try row.decode((Int64, Int64, Data, Int32).self)
                claimed.append(QueuedTrial(number: Int(number), generation: Int(generation),
                                           configuration: Configuration(decodeDoubles(params)), attempts: Int(attempts)))
            }
            claimed.sort { $0.number < $1.number }
            if claimed.isEmpty { return [] }
            // Stored as running at once; a trial finished meanwhile (by a worker that took it
            // over) leaves the queue instead.
            var kept: [QueuedTrial] = []
            for q in claimed {
                let running = Trial(number: q.number, generation: q.generation, configuration: q.configuration, state: .running,
                                    metrics: [], violation: .nan, startedAt: startedAt, finishedAt: nil, failure: nil)
                do { try Self.saveRows(c, study: study, here: here, [running], [:]); kept.append(q) }
                catch StudyStorageError.finished {
                    let n = Int64(q.number)
                    try PostgresSession.run(c, "DELETE FROM hyperfront_queue WHERE study = \(study) AND number = \(n)")
                }
            }
            return kept
        }
    }

    public func heartbeat(worker: String) throws(StudyStorageError) {
        let study = id
        try write("cannot refresh the heartbeat") { c in
            try PostgresSession.run(c, "UPDATE hyperfront_queue SET heartbeat_at = now() WHERE study = \(study) AND worker = \(worker)")
        }
    }

    public func finish(_ trial: Trial, intermediate: [String]) throws(StudyStorageError) -> Bool {
        let study = id, here = location, n = Int64(trial.number)
        do {
            try write("cannot store a finished trial") { c in
                try Self.saveRows(c, study: study, here: here, [trial], intermediate.isEmpty ? [:] : [trial.number: intermediate])
                try PostgresSession.run(c, "DELETE FROM hyperfront_queue WHERE study = \(study) AND number = \(n)")
            }
            return true
        } catch .finished {
            try write("cannot update the queue") { c in
                try PostgresSession.run(c, "DELETE FROM hyperfront_queue WHERE study = \(study) AND number = \(n)")
            }
            return false
        }
    }

    public func release(worker: String, numbers: [Int]) throws(StudyStorageError) {
        if numbers.isEmpty { return }
        let study = id, list = numbers.map(Int64.init)
        try write("cannot hand trials back") { c in
            try PostgresSession.run(c, """
                UPDATE hyperfront_queue SET worker = NULL, heartbeat_at = NULL
                WHERE study = \(study) AND worker = \(worker) AND number = ANY(\(list)::bigint[])
                """)
        }
    }

    public func finished(among numbers: [Int]) throws(StudyStorageError) -> [Trial] {
        if numbers.isEmpty { return [] }
        let study = id, list = numbers.map(Int64.init)
        return try read("cannot read finished trials") { c in
            try PostgresSession.run(c, """
                SELECT \(unescaped: Self.trialColumns) FROM hyperfront_trial
                WHERE study = \(study) AND number = ANY(\(list)::bigint[]) AND state <> 'running' ORDER BY number
                """).map(Self.trial)
        }
    }

    public func queueCounts() throws(StudyStorageError) -> (waiting: Int, claimed: Int) {
        let study = id
        return try read("cannot count the queue") { c in
            guard let row = try PostgresSession.run(c, """
                SELECT COUNT(*) FILTER (WHERE worker IS NULL), COUNT(*) FILTER (WHERE worker IS NOT NULL)
                FROM hyperfront_queue WHERE study = \(study)
                """).first else { return (0, 0) }
            let (w, k) = try row.decode((Int64, Int64).self)
            return (Int(w), Int(k))
        }
    }

    public func clearQueue() throws(StudyStorageError) {
        let study = id
        try write("cannot empty the queue") { c in try PostgresSession.run(c, "DELETE FROM hyperfront_queue WHERE study = \(study)") }
    }
}

private func hex(_ data: Data) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(data.count * 2)
    for b in data { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}
