import Foundation
import Hyperfront
import PostgresNIO

extension PostgresStudyStore {
    /// Writes trials (new ones, or over their `running` rows) and intermediate reports in one
    /// transaction; a trial stored as finished is never overwritten (`.finished`, nothing
    /// written). Rows go `chunk` at a time in one multi-row upsert whose update holds only for
    /// a `running` row; a chunk that returns fewer rows than it sent met a finished trial.
    public func save(_ trials: [Trial], intermediate: [Int: [String]]) throws(StudyStorageError) {
        try writable()
        if trials.isEmpty && intermediate.isEmpty { return }
        let here = location, study = id
        try write("cannot save trials") { c in try Self.saveRows(c, study: study, here: here, trials, intermediate) }
    }

    /// `save`'s statements, inside the caller's transaction.
    static func saveRows(_ c: PostgresConnection, study: Int64, here: String, _ trials: [Trial], _ intermediate: [Int: [String]]) throws {
        var start = 0
        while start < trials.count {
            let rows = trials[start..<min(start + Self.chunk, trials.count)]
            start = rows.endIndex
            var binds = PostgresBindings(capacity: rows.count * 10)
            var values: [String] = []
            for (k, t) in rows.enumerated() {
                let b = k * 10
                values.append("(" + (1...10).map { "$\(b + $0)" }.joined(separator: ", ") + ")")
                let running = t.state == .running
                binds.append(study)
                binds.append(Int64(t.number))
                binds.append(Int64(t.generation))
                binds.append(t.state.rawValue)
                try binds.append(encodeDoubles(t.configuration.values))
                try binds.append(running ? nil : encodeDoubles(t.metrics))
                binds.append(running || t.violation.isNaN ? nil : t.violation)
                binds.append(t.startedAt)
                binds.append(t.finishedAt)
                binds.append(t.failure)
            }
            let sql = """
                INSERT INTO hyperfront_trial (study, number, generation, state, params, metrics, violation, started_at, finished_at, failure)
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT (study, number) DO UPDATE SET generation = excluded.generation, state = excluded.state,
                    params = excluded.params, metrics = excluded.metrics, violation = excluded.violation,
                    started_at = excluded.started_at, finished_at = excluded.finished_at, failure = excluded.failure
                WHERE hyperfront_trial.state = 'running'
                RETURNING number
                """
            let written = try PostgresSession.run(c, PostgresQuery(unsafeSQL: sql, binds: binds))
            if written.count < rows.count {
                let done = Set(try written.map { Int(try $0.decode(Int64.self)) })
                let refused = rows.first { !done.contains($0.number) }!.number
                throw StudyStorageError.finished(here, refused)
            }
        }
        for (trial, lines) in intermediate.sorted(by: { $0.key < $1.key }) {
            let n = Int64(trial)
            try PostgresSession.run(c, "DELETE FROM hyperfront_intermediate WHERE study = \(study) AND trial = \(n)")
            if lines.isEmpty { continue }
            let seqs = (0..<lines.count).map { Int32($0) }
            try PostgresSession.run(c, """
                INSERT INTO hyperfront_intermediate (study, trial, seq, json)
                SELECT \(study), \(n), s, j FROM unnest(\(seqs)::integer[], \(lines)::text[]) AS u(s, j)
                """)
        }
    }

    /// Rows per multi-row statement (10 parameters each: far below PostgreSQL's 65,535).
    static var chunk: Int { 500 }

    public func trials() throws(StudyStorageError) -> [Trial] {
        let study = id
        return try read("cannot read trials") { c in
            try PostgresSession.run(c, """
                SELECT \(unescaped: Self.trialColumns) FROM hyperfront_trial WHERE study = \(study) ORDER BY number
                """).map(Self.trial)
        }
    }

    /// The columns `trial(_:)` reads, in its order.
    static let trialColumns = "number, generation, state, params, metrics, violation, started_at, finished_at, failure"

    /// A `hyperfront_trial` row (`trialColumns`) as a trial.
    static func trial(_ row: PostgresRow) throws -> Trial {
        let (number, generation, state, params, metrics, violation, started, finished, failure) =
            try row.decode((Int64, Int64, String, Data, Data?, Double?, Double, Double?, String?).self)
        return Trial(number: Int(number), generation: Int(generation), configuration: Configuration(decodeDoubles(params)),
                     state: TrialState(rawValue: state) ?? .failed, metrics: metrics.map(decodeDoubles) ?? [],
                     violation: violation ?? .nan, startedAt: started, finishedAt: finished, failure: failure)
    }

    public func intermediate(trial: Int) throws(StudyStorageError) -> [String] {
        let study = id, n = Int64(trial)
        return try read("cannot read intermediate reports") { c in
            try PostgresSession.run(c, "SELECT json FROM hyperfront_intermediate WHERE study = \(study) AND trial = \(n) ORDER BY seq")
                .map { try $0.decode(String.self) }
        }
    }

    public func counts() throws(StudyStorageError) -> [TrialState: Int] {
        let study = id
        return try read("cannot count trials") { c in
            var out: [TrialState: Int] = [:]
            for row in try PostgresSession.run(c, "SELECT state, COUNT(*) FROM hyperfront_trial WHERE study = \(study) GROUP BY state") {
                let (state, n) = try row.decode((String, Int64).self)
                out[TrialState(rawValue: state) ?? .failed, default: 0] += Int(n)
            }
            return out
        }
    }

    // MARK: settings

    public func setting(_ key: String) throws(StudyStorageError) -> String? {
        let study = id
        return try read("cannot read a setting") { c in
            try PostgresSession.run(c, "SELECT value FROM hyperfront_setting WHERE study = \(study) AND key = \(key)").first
                .map { try $0.decode(String.self) }
        }
    }

    public func settings() throws(StudyStorageError) -> [String: String] {
        let study = id
        return try read("cannot read the settings") { c in
            var out: [String: String] = [:]
            for row in try PostgresSession.run(c, "SELECT key, value FROM hyperfront_setting WHERE study = \(study)") {
                let (key, value) = try row.decode((String, String).self)
                out[key] = value
            }
            return out
        }
    }

    public func setSetting(_ key: String, _ value: String) throws(StudyStorageError) {
        let study = id
        try write("cannot store a setting") { c in
            try PostgresSession.run(c, """
                INSERT INTO hyperfront_setting (study, key, value) VALUES (\(study), \(key), \(value))
                ON CONFLICT (study, key) DO UPDATE SET value = excluded.value
                """)
        }
    }
}

/// Little-endian float64 array (the SQLite study file's encoding of parameters and metrics).
func encodeDoubles(_ values: [Double]) -> Data {
    var data = Data(count: values.count * 8)
    data.withUnsafeMutableBytes { raw in
        for (i, v) in values.enumerated() { raw.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
    }
    return data
}

func decodeDoubles(_ data: Data) -> [Double] {
    data.withUnsafeBytes { raw in
        (0..<(raw.count / 8)).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
    }
}

func jsonArray(_ names: [String]) -> String { "[" + names.map(jsonQuote).joined(separator: ",") + "]" }

func parseJSONArray(_ text: String) -> [String] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]) ?? []
}
