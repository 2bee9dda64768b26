import Foundation
import Hyperfront
import PostgresNIO

/// The study's work queue (`hyperfront_queue`): one row per trial the coordinator proposed
/// and has not taken back finished; `worker` and `heartbeat_at` (the server's clock) are set
/// while a worker holds it, `done` once its result is stored. A claim picks rows with
/// `FOR UPDATE SKIP LOCKED`, so concurrent workers never wait for each other nor take the same
/// row. Claiming and finishing are one statement each (one round trip, atomic on its own).
extension PostgresStudyStore: TrialQueueStorage {
    public func enqueue(_ trials: [QueuedTrial]) throws(StudyStorageError) -> [Int] {
        if trials.isEmpty { return [] }
        let study = id
        return try write("cannot queue trials") { c in
            var finished: [Int] = []
            var start = 0
            while start < trials.count {
                let rows = trials[start..<min(start + 2_000, trials.count)]
                start = rows.endIndex
                let numbers = rows.map { Int64($0.number) }, generations = rows.map { Int64($0.generation) }
                let params = rows.map { hex(encodeDoubles($0.configuration.values)) }
                let done = try PostgresSession.run(c, """
                    WITH input AS (SELECT n, g, p FROM unnest(\(numbers)::bigint[], \(generations)::bigint[], \(params)::text[]) AS u(n, g, p)),
                    finished AS (SELECT t.number FROM hyperfront_trial t JOIN input ON t.number = input.n
                                 WHERE t.study = \(study) AND t.state <> 'running'),
                    queued AS (INSERT INTO hyperfront_queue (study, number, generation, params)
                               SELECT \(study), n, g, decode(p, 'hex') FROM input WHERE n NOT IN (SELECT number FROM finished)
                               ON CONFLICT (study, number) DO NOTHING)
                    SELECT number FROM finished
                    """)
                for row in done { finished.append(Int(try row.decode(Int64.self))) }
            }
            // Delivered when the transaction commits: waiting workers look at once.
            try PostgresSession.run(c, "SELECT pg_notify(\(PostgresWakeup.channel(.queued, study: study)), '')")
            return finished.sorted()
        }
    }

    public func claim(worker: String, limit: Int, staleAfter: Double, startedAt: Double) throws(StudyStorageError) -> [QueuedTrial] {
        try writable()
        let study = id, count = Int64(max(1, limit))
        let rows = try read("cannot claim a trial") { c in
            try PostgresSession.run(c, """
                WITH picked AS (
                    SELECT number FROM hyperfront_queue
                    WHERE study = \(study) AND NOT done AND (worker IS NULL OR heartbeat_at < now() - \(staleAfter) * interval '1 second')
                    ORDER BY number LIMIT \(count) FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE hyperfront_queue q SET worker = \(worker), heartbeat_at = now(), attempts = q.attempts + 1
                    FROM picked WHERE q.study = \(study) AND q.number = picked.number
                    RETURNING q.number, q.generation, q.params, q.attempts),
                running AS (
                    INSERT INTO hyperfront_trial (study, number, generation, state, params, metrics, violation, started_at, finished_at, failure)
                    SELECT \(study), number, generation, 'running', params, NULL, NULL, \(startedAt), NULL, NULL FROM claimed
                    ON CONFLICT (study, number) DO UPDATE SET generation = excluded.generation, state = excluded.state,
                        params = excluded.params, metrics = NULL, violation = NULL, started_at = excluded.started_at,
                        finished_at = NULL, failure = NULL
                    WHERE hyperfront_trial.state = 'running'
                    RETURNING number)
                SELECT c.number, c.generation, c.params, c.attempts, c.number IN (SELECT number FROM running) FROM claimed c ORDER BY c.number
                """).map { row in
                let (number, generation, params, attempts, running) = try row.decode((Int64, Int64, Data, Int32, Bool).self)
                return (QueuedTrial(number: Int(number), generation: Int(generation), configuration: Configuration(decodeDoubles(params)),
                                    attempts: Int(attempts)), running)
            }
        }
        // A trial finished meanwhile (by a worker that took it over) is only marked done.
        let finished = rows.filter { !$0.1 }.map { Int64($0.0.number) }
        if !finished.isEmpty {
            try read("cannot update the queue") { c in
                try PostgresSession.run(c, "UPDATE hyperfront_queue SET done = true WHERE study = \(study) AND number = ANY(\(finished)::bigint[])")
            }
        }
        return rows.filter(\.1).map(\.0)
    }

    public func heartbeat(worker: String, numbers: [Int]) throws(StudyStorageError) {
        try writable()
        let study = id, list = numbers.map(Int64.init)
        try read("cannot refresh the heartbeat") { c in
            try PostgresSession.run(c, """
                WITH seen AS (
                    INSERT INTO hyperfront_worker (study, worker, seen_at) VALUES (\(study), \(worker), now())
                    ON CONFLICT (study, worker) DO UPDATE SET seen_at = excluded.seen_at)
                UPDATE hyperfront_queue SET heartbeat_at = now()
                WHERE study = \(study) AND worker = \(worker) AND number = ANY(\(list)::bigint[]) AND NOT done
                """)
        }
    }

    public func signOff(worker: String) throws(StudyStorageError) {
        try writable()
        let study = id
        try read("cannot sign the worker off") { c in
            try PostgresSession.run(c, "DELETE FROM hyperfront_worker WHERE study = \(study) AND worker = \(worker)")
        }
    }

    public func queueSnapshot() throws(StudyStorageError) -> QueueSnapshot {
        let study = id
        return try read("cannot read the queue") { c in
            let waiting = try PostgresSession.run(c, """
                SELECT COUNT(*) FILTER (WHERE worker IS NULL AND NOT done), COUNT(*) FILTER (WHERE done)
                FROM hyperfront_queue WHERE study = \(study)
                """).first.map { row -> (Int64, Int64) in try row.decode((Int64, Int64).self) } ?? (0, 0)
            let claims = try PostgresSession.run(c, """
                SELECT number, worker, EXTRACT(EPOCH FROM now() - heartbeat_at)::double precision, attempts FROM hyperfront_queue
                WHERE study = \(study) AND worker IS NOT NULL AND NOT done ORDER BY number
                """).map { row in
                let (n, w, age, a) = try row.decode((Int64, String, Double?, Int32).self)
                return QueueSnapshot.Claim(number: Int(n), worker: w, heartbeatAge: age ?? 0, attempts: Int(a))
            }
            let workers = try PostgresSession.run(c, """
                SELECT worker, EXTRACT(EPOCH FROM now() - seen_at)::double precision FROM hyperfront_worker
                WHERE study = \(study) ORDER BY seen_at DESC, worker
                """).map { row in
                let (w, age) = try row.decode((String, Double).self)
                return QueueSnapshot.Worker(name: w, seenAge: age)
            }
            return QueueSnapshot(waiting: Int(waiting.0), claims: claims, untaken: Int(waiting.1), workers: workers)
        }
    }

    public func finish(_ trial: Trial, intermediate: [String]) throws(StudyStorageError) -> Bool {
        let study = id, here = location, n = Int64(trial.number)
        guard intermediate.isEmpty, trial.state != .running else {
            do {
                try write("cannot store a finished trial") { c in
                    try Self.saveRows(c, study: study, here: here, [trial], intermediate.isEmpty ? [:] : [trial.number: intermediate])
                    try PostgresSession.run(c, "UPDATE hyperfront_queue SET done = true WHERE study = \(study) AND number = \(n)")
                    try PostgresSession.run(c, "SELECT pg_notify(\(PostgresWakeup.channel(.finished, study: study)), '')")
                }
                return true
            } catch .finished {
                try write("cannot update the queue") { c in
                    try PostgresSession.run(c, "UPDATE hyperfront_queue SET done = true WHERE study = \(study) AND number = \(n)")
                }
                return false
            }
        }
        try writable()
        let metrics = encodeDoubles(trial.metrics), params = encodeDoubles(trial.configuration.values)
        let violation: Double? = trial.violation.isNaN ? nil : trial.violation
        let generation = Int64(trial.generation), state = trial.state.rawValue
        let channel = PostgresWakeup.channel(.finished, study: study)
        return try read("cannot store a finished trial") { c in
            let saved = try PostgresSession.run(c, """
                WITH saved AS (
                    INSERT INTO hyperfront_trial (study, number, generation, state, params, metrics, violation, started_at, finished_at, failure)
                    VALUES (\(study), \(n), \(generation), \(state), \(params), \(metrics), \(violation), \(trial.startedAt), \(trial.finishedAt), \(trial.failure))
                    ON CONFLICT (study, number) DO UPDATE SET generation = excluded.generation, state = excluded.state,
                        params = excluded.params, metrics = excluded.metrics, violation = excluded.violation,
                        started_at = excluded.started_at, finished_at = excluded.finished_at, failure = excluded.failure
                    WHERE hyperfront_trial.state = 'running'
                    RETURNING number),
                marked AS (UPDATE hyperfront_queue SET done = true WHERE study = \(study) AND number = \(n))
                SELECT COUNT(*) FROM saved, (SELECT pg_notify(\(channel), '')) AS notified
                """)
            return try saved.first.map { try $0.decode(Int64.self) } == 1
        }
    }

    /// One statement: the result stored (unless the trial is finished already), its row marked
    /// done, and the next trial claimed and stored as running.
    public func finish(_ trial: Trial, intermediate: [String], thenClaimFor worker: String, staleAfter: Double,
                       startedAt: Double) throws(StudyStorageError) -> (stored: Bool, next: QueuedTrial?) {
        guard intermediate.isEmpty, trial.state != .running else {
            let stored = try finish(trial, intermediate: intermediate)
            return (stored, try claim(worker: worker, limit: 1, staleAfter: staleAfter, startedAt: startedAt).first)
        }
        try writable()
        let study = id, n = Int64(trial.number)
        let metrics = encodeDoubles(trial.metrics), params = encodeDoubles(trial.configuration.values)
        let violation: Double? = trial.violation.isNaN ? nil : trial.violation
        let generation = Int64(trial.generation), state = trial.state.rawValue
        let channel = PostgresWakeup.channel(.finished, study: study)
        let row = try read("cannot store a finished trial") { c in
            try PostgresSession.run(c, """
                WITH saved AS (
                    INSERT INTO hyperfront_trial (study, number, generation, state, params, metrics, violation, started_at, finished_at, failure)
                    VALUES (\(study), \(n), \(generation), \(state), \(params), \(metrics), \(violation), \(trial.startedAt), \(trial.finishedAt), \(trial.failure))
                    ON CONFLICT (study, number) DO UPDATE SET generation = excluded.generation, state = excluded.state,
                        params = excluded.params, metrics = excluded.metrics, violation = excluded.violation,
                        started_at = excluded.started_at, finished_at = excluded.finished_at, failure = excluded.failure
                    WHERE hyperfront_trial.state = 'running'
                    RETURNING number),
                marked AS (UPDATE hyperfront_queue SET done = true WHERE study = \(study) AND number = \(n)),
                picked AS (
                    SELECT number FROM hyperfront_queue
                    WHERE study = \(study) AND number <> \(n) AND NOT done
                      AND (worker IS NULL OR heartbeat_at < now() - \(staleAfter) * interval '1 second')
                    ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE hyperfront_queue q SET worker = \(worker), heartbeat_at = now(), attempts = q.attempts + 1
                    FROM picked WHERE q.study = \(study) AND q.number = picked.number
                    RETURNING q.number, q.generation, q.params, q.attempts),
                running AS (
                    INSERT INTO hyperfront_trial (study, number, generation, state, params, metrics, violation, started_at, finished_at, failure)
                    SELECT \(study), number, generation, 'running', params, NULL, NULL, \(startedAt), NULL, NULL FROM claimed
                    ON CONFLICT (study, number) DO UPDATE SET generation = excluded.generation, state = excluded.state,
                        params = excluded.params, metrics = NULL, violation = NULL, started_at = excluded.started_at,
                        finished_at = NULL, failure = NULL
                    WHERE hyperfront_trial.state = 'running'
                    RETURNING number)
                SELECT (SELECT COUNT(*) FROM saved), c.number, c.generation, c.params, c.attempts,
                       c.number IN (SELECT number FROM running)
                FROM (SELECT pg_notify(\(channel), '')) AS one LEFT JOIN claimed c ON true
                """).first.map { try $0.decode((Int64, Int64?, Int64?, Data?, Int32?, Bool?).self) }
        }
        guard let (saved, number, gen, claimedParams, attempts, running) = row else { return (false, nil) }
        guard let number, let gen, let claimedParams, let attempts else { return (saved == 1, nil) }
        let next = QueuedTrial(number: Int(number), generation: Int(gen), configuration: Configuration(decodeDoubles(claimedParams)),
                               attempts: Int(attempts))
        if running != true {
            // Finished meanwhile by a worker that took it over: only marked done.
            try read("cannot update the queue") { c in
                try PostgresSession.run(c, "UPDATE hyperfront_queue SET done = true WHERE study = \(study) AND number = \(number)")
            }
            return (saved == 1, nil)
        }
        return (saved == 1, next)
    }

    public func release(worker: String, numbers: [Int]) throws(StudyStorageError) {
        if numbers.isEmpty { return }
        let study = id, list = numbers.map(Int64.init)
        try write("cannot hand trials back") { c in
            try PostgresSession.run(c, """
                UPDATE hyperfront_queue SET worker = NULL, heartbeat_at = NULL
                WHERE study = \(study) AND worker = \(worker) AND number = ANY(\(list)::bigint[]) AND NOT done
                """)
            try PostgresSession.run(c, "SELECT pg_notify(\(PostgresWakeup.channel(.queued, study: study)), '')")
        }
    }

    public func takeFinished() throws(StudyStorageError) -> [Trial] {
        try writable()
        let study = id
        // Read, then delete what was read: each statement is safe to send again after a lost
        // connection (a row read twice is ignored by the coordinator, which waits for it no more).
        let trials = try read("cannot read finished trials") { c in
            try PostgresSession.run(c, """
                SELECT \(unescaped: Self.trialColumns) FROM hyperfront_trial
                WHERE study = \(study) AND state <> 'running'
                  AND number IN (SELECT number FROM hyperfront_queue WHERE study = \(study) AND done) ORDER BY number
                """).map(Self.trial)
        }
        if !trials.isEmpty {
            let list = trials.map { Int64($0.number) }
            try read("cannot update the queue") { c in
                try PostgresSession.run(c, """
                    WITH reports AS (DELETE FROM hyperfront_report WHERE study = \(study) AND trial = ANY(\(list)::bigint[]))
                    DELETE FROM hyperfront_queue WHERE study = \(study) AND done AND number = ANY(\(list)::bigint[])
                    """)
            }
        }
        return trials
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
                FROM hyperfront_queue WHERE study = \(study) AND NOT done
                """).first else { return (0, 0) }
            let (w, k) = try row.decode((Int64, Int64).self)
            return (Int(w), Int(k))
        }
    }

    public func clearQueue() throws(StudyStorageError) {
        let study = id
        try write("cannot empty the queue") { c in
            try PostgresSession.run(c, "DELETE FROM hyperfront_queue WHERE study = \(study)")
            try PostgresSession.run(c, "DELETE FROM hyperfront_report WHERE study = \(study)")
            try PostgresSession.run(c, "DELETE FROM hyperfront_worker WHERE study = \(study)")
        }
    }
}

private func hex(_ data: Data) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(data.count * 2)
    for b in data { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}
