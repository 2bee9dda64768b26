import Foundation
import Hyperfront
import PostgresNIO

/// The reports of trials that workers run under early stopping (`hyperfront_report`): a worker
/// inserts one row per report and waits for its `decision`; the coordinator reads the rows
/// without one and answers them. Rows go when the coordinator takes their trial back finished
/// (`takeFinished`) or empties the queue.
extension PostgresStudyStore: ReportRelayStorage {
    public func relay(_ report: RelayedReport) throws(StudyStorageError) {
        try writable()
        let study = id, k = report.key
        let trial = Int64(k.trial), attempt = Int32(k.attempt), seq = Int32(k.seq), step = Int64(report.step)
        let names = report.metrics.keys.sorted()
        let text = jsonArray(names), values = encodeDoubles(names.map { report.metrics[$0]! })
        let channel = PostgresWakeup.channel(.reports, study: study)
        try read("cannot store an intermediate report") { c in
            try PostgresSession.run(c, """
                WITH stored AS (
                    INSERT INTO hyperfront_report (study, trial, attempt, seq, step, names, vals)
                    VALUES (\(study), \(trial), \(attempt), \(seq), \(step), \(text), \(values))
                    ON CONFLICT DO NOTHING)
                SELECT pg_notify(\(channel), '')
                """)
        }
    }

    public func decision(_ key: RelayedReport.Key) throws(StudyStorageError) -> TrialDecision? {
        let study = id, trial = Int64(key.trial), attempt = Int32(key.attempt), seq = Int32(key.seq)
        let text = try read("cannot read a decision") { c in
            try PostgresSession.run(c, """
                SELECT decision FROM hyperfront_report
                WHERE study = \(study) AND trial = \(trial) AND attempt = \(attempt) AND seq = \(seq)
                """).first.flatMap { try $0.decode(String?.self) }
        }
        return text.map { $0 == "stop" ? .stop : .continue }
    }

    public func undecidedReports() throws(StudyStorageError) -> [RelayedReport] {
        let study = id
        return try read("cannot read intermediate reports") { c in
            try PostgresSession.run(c, """
                SELECT trial, attempt, seq, step, names, vals FROM hyperfront_report
                WHERE study = \(study) AND decision IS NULL ORDER BY trial, attempt, seq
                """).map(Self.report)
        }
    }

    public func relayedReports(trial: Int, attempt: Int, from seq: Int) throws(StudyStorageError) -> [RelayedReport] {
        let study = id, t = Int64(trial), a = Int32(attempt), s = Int32(seq)
        return try read("cannot read intermediate reports") { c in
            try PostgresSession.run(c, """
                SELECT trial, attempt, seq, step, names, vals FROM hyperfront_report
                WHERE study = \(study) AND trial = \(t) AND attempt = \(a) AND seq >= \(s) ORDER BY seq
                """).map(Self.report)
        }
    }

    public func decide(_ decisions: [(RelayedReport.Key, TrialDecision)]) throws(StudyStorageError) {
        if decisions.isEmpty { return }
        try writable()
        let study = id
        let trials = decisions.map { Int64($0.0.trial) }, attempts = decisions.map { Int32($0.0.attempt) }
        let seqs = decisions.map { Int32($0.0.seq) }, answers = decisions.map { $0.1 == .stop ? "stop" : "continue" }
        let channel = PostgresWakeup.channel(.decisions, study: study)
        try read("cannot store decisions") { c in
            try PostgresSession.run(c, """
                WITH answered AS (
                    UPDATE hyperfront_report r SET decision = u.d
                    FROM unnest(\(trials)::bigint[], \(attempts)::integer[], \(seqs)::integer[], \(answers)::text[]) AS u(t, a, s, d)
                    WHERE r.study = \(study) AND r.trial = u.t AND r.attempt = u.a AND r.seq = u.s AND r.decision IS NULL)
                SELECT pg_notify(\(channel), '')
                """)
        }
    }

    private static func report(_ row: PostgresRow) throws -> RelayedReport {
        let (trial, attempt, seq, step, names, values) = try row.decode((Int64, Int32, Int32, Int64, String, Data).self)
        let keys = parseJSONArray(names), numbers = decodeDoubles(values)
        var metrics: [String: Double] = [:]
        for (k, v) in zip(keys, numbers) { metrics[k] = v }
        return RelayedReport(key: .init(trial: Int(trial), attempt: Int(attempt), seq: Int(seq)), step: Int(step), metrics: metrics)
    }
}
