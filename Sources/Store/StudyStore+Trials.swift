import Foundation
import GRDB
import Hyperfront

extension StudyStore {
    /// Writes trials (new ones, or over their `running` rows) and intermediate reports in one
    /// transaction; a trial stored as finished is never overwritten (`.finished`).
    /// - Complexity: O(total size of the trials); no allocation per trial (see
    ///   `TrialRowWriter`).
    public func save(_ trials: [Trial], intermediate: [Int: [String]]) throws(StoreError) {
        try writable()
        if trials.isEmpty && intermediate.isEmpty { return }
        do {
            try db.write { db in
                let rows = try TrialRowWriter(db)
                try rows.insert(trials)
                if !intermediate.isEmpty {
                    let clear = try db.cachedStatement(sql: "DELETE FROM intermediate WHERE trial = ?")
                    let ist = try db.cachedStatement(sql: "INSERT INTO intermediate (trial, seq, json) VALUES (?, ?, ?)")
                    for (trial, lines) in intermediate.sorted(by: { $0.key < $1.key }) {
                        clear.setUncheckedArguments([trial])
                        try clear.execute()
                        for (i, line) in lines.enumerated() {
                            ist.setUncheckedArguments([trial, i, line])
                            try ist.execute()
                        }
                    }
                }
            }
        } catch let e as TrialRowWriter.Finished {
            throw .finished(path, e.number)
        } catch { throw StudyStore.writeError(path, error, doing: "cannot save trials") }
    }

    /// Every trial, by number.
    public func trials() throws(StoreError) -> [Trial] {
        do {
            return try db.read { db in
                var out: [Trial] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT number, generation, state, params, metrics, violation, started_at, finished_at, failure
                    FROM trial ORDER BY number
                    """)
                while let row = try rows.next() {
                    let stateText: String = row[2]
                    let metricsData: Data? = row[4]
                    out.append(Trial(number: row[0], generation: row[1], configuration: Configuration(decodeDoubles(row[3])),
                                     state: TrialState(rawValue: stateText) ?? .failed,
                                     metrics: metricsData.map(decodeDoubles) ?? [],
                                     violation: row[5] ?? .nan, startedAt: row[6], finishedAt: row[7], failure: row[8]))
                }
                return out
            }
        } catch { throw .database(path, "cannot read trials: \(error)") }
    }

    /// Intermediate reports of one trial, in order (JSON lines).
    public func intermediate(trial: Int) throws(StoreError) -> [String] {
        do {
            return try db.read { db in
                try String.fetchAll(db, sql: "SELECT json FROM intermediate WHERE trial = ? ORDER BY seq", arguments: [trial])
            }
        } catch { throw .database(path, "\(error)") }
    }

    /// Number of trials in each state (states without trials are left out).
    /// - Complexity: one pass over the trial table, no sorting.
    public func counts() throws(StoreError) -> [TrialState: Int] {
        let states = TrialState.allCases
        let sql = "SELECT " + states.map { "COUNT(*) FILTER (WHERE state = '\($0.rawValue)')" }.joined(separator: ", ") + " FROM trial"
        do {
            return try db.read { db in
                guard let row = try Row.fetchOne(db, sql: sql) else { return [:] }
                var out: [TrialState: Int] = [:]
                for (i, s) in states.enumerated() where (row[i] as Int) > 0 { out[s] = row[i] }
                return out
            }
        } catch { throw .database(path, "\(error)") }
    }
}
