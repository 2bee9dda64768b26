import Foundation
import StudyStorages
import Hyperfront

/// Copies a study exactly from one storage to another (a SQLite file to a PostgreSQL study,
/// and back): its description and model, every trial as stored (bit for bit: parameters,
/// metrics, violation, times, failure), every trial's intermediate reports and every run
/// setting (pipeline depth, algorithm, sampler budget, scheduler state). The destination must
/// not exist; the run lock is not copied.
public enum StudyCopy {
    /// What a copy wrote.
    public struct Summary: Sendable, Equatable {
        public var trials: Int
        public var intermediateReports: Int
        public var settings: Int
    }

    /// Trials written per save (one transaction each).
    static let batch = 1000

    /// Copies the study at `source` to `destination`, which must not exist yet. A copy that
    /// fails part-way leaves a destination that `copy` refuses next time: remove it first.
    public static func copy(from source: StudyLocation, to destination: StudyLocation) throws(StudyStorageError) -> Summary {
        if source == destination { throw .database(destination.description, "the source and the destination are the same study") }
        let from = try source.open(readOnly: true)
        defer { try? from.close() }
        if try destination.exists() {
            if destination.isFile { throw .exists(destination.description) }
            throw .database(destination.description, "a study of that name already exists; a copy never replaces one — give another ?study=NAME")
        }
        let info = try from.info()
        let trials = try from.trials()
        let settings = try from.settings()
        let to = try destination.create(info: info)
        var reports = 0
        do {
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) { try to.setSetting(key, value) }
            var start = 0
            while start < trials.count {
                let part = Array(trials[start..<min(start + batch, trials.count)])
                start += part.count
                var intermediate: [Int: [String]] = [:]
                for t in part {
                    let lines = try from.intermediate(trial: t.number)
                    if !lines.isEmpty { intermediate[t.number] = lines; reports += lines.count }
                }
                try to.save(part, intermediate: intermediate)
            }
            try to.checkpoint()
            try to.close()
        } catch {
            try? to.close()
            throw error
        }
        return Summary(trials: trials.count, intermediateReports: reports, settings: settings.count)
    }
}
