import Foundation
import Hyperfront
import Store

extension StudyRunner {
    /// The intermediate reports stored for trial `number` (`{"step": 3, "val_loss": 0.41}`
    /// lines; null values, which stand for non-finite ones, are left out), for a scheduler
    /// to restore on resume. A report without a step gets its position (1, 2, …).
    static func storedReports(of number: Int, in store: any StudyStorage) -> [IntermediateReport] {
        guard let lines = try? store.intermediate(trial: number) else { return [] }
        var out: [IntermediateReport] = []
        // JSONDecoder reads numbers exactly (JSONSerialization may not): a restored rung must
        // hold the very values the trial reported.
        let decoder = JSONDecoder()
        for (i, line) in lines.enumerated() {
            guard let object = try? decoder.decode([String: Double?].self, from: Data(line.utf8)) else { continue }
            var metrics: [String: Double] = [:]
            for (k, v) in object { if let v { metrics[k] = v } }
            let step = metrics.removeValue(forKey: "step").map { Int($0.rounded()) } ?? i + 1
            out.append(IntermediateReport(step: step, metrics: metrics))
        }
        return out
    }
}
