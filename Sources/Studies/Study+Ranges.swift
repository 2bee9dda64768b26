import Foundation
import Hyperfront

extension Study {
    /// What is wrong with the numeric overrides, each message saying what to write instead
    /// ("--workers must be a whole number from 1 to 256, got -1; write e.g. --workers 4"), or
    /// nil when they are in range. The command line checks them before anything is read;
    /// `resolve` checks them again for library callers.
    public static func rangeProblem(_ o: Overrides) -> String? {
        if let t = o.trials, t < 1 || t > SearchSettings.maximumTrials {
            return outOfRange("--trials", t, 1...SearchSettings.maximumTrials, example: t < 1 ? 100 : SearchSettings.maximumTrials)
        }
        // 0: the coordinator of a study in PostgreSQL runs no trial itself (checked in `Study`).
        if let w = o.workers, w < 0 || w > maximumWorkers {
            return "--workers must be a whole number from 1 to \(maximumWorkers) (or 0 with a study in PostgreSQL), got \(w); write e.g. --workers \(suggestedWorkers) (each worker is a thread and runs one trial at a time; this machine has \(ProcessInfo.processInfo.activeProcessorCount) processors)"
        }
        if let p = o.pipelineDepth, p < 0 {
            return outOfRange("--pipeline", p, 0..., lowest: "strict generations", example: 0, note: "strict generations, or e.g. 4 to let the last 4 trials of a generation finish later")
        }
        if let m = o.maxFailures, m < 0 {
            return outOfRange("--max-failures", m, 0..., lowest: "never stop", example: defaultMaxFailures, note: "the default")
        }
        return nil
    }

    /// The scenario's `search.workers` out of range, said with what to write in the file.
    static func workersProblem(_ scenario: Scenario) -> String? {
        let w = scenario.search.workers
        guard w < 1 || w > maximumWorkers else { return nil }
        return "\(scenario.path.isEmpty ? "" : scenario.path + ": ")search.workers must be a whole number from 1 to \(maximumWorkers), got \(w); write e.g. workers: \(suggestedWorkers)"
    }

    /// The machine's processors, within 1 ... `maximumWorkers`: an example worker count.
    static var suggestedWorkers: Int { min(max(ProcessInfo.processInfo.activeProcessorCount, 1), maximumWorkers) }

    /// "NAME must be a whole number from LO to HI, got V; write e.g. NAME EXAMPLE (NOTE)".
    static func outOfRange(_ name: String, _ value: Int, _ range: ClosedRange<Int>, example: Int, note: String? = nil) -> String {
        "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(value); write e.g. \(name) \(example)" + (note.map { " (\($0))" } ?? "")
    }

    /// "NAME must be LO (LOWEST) or more, got V; write e.g. NAME EXAMPLE (NOTE)".
    static func outOfRange(_ name: String, _ value: Int, _ range: PartialRangeFrom<Int>, lowest: String, example: Int, note: String? = nil) -> String {
        "\(name) must be \(range.lowerBound) (\(lowest)) or more, got \(value); write e.g. \(name) \(example)" + (note.map { " (\($0))" } ?? "")
    }
}
