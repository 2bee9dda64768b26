import Foundation
import Hyperfront
import Store

extension StudyRunner {
    /// The intermediate reports stored for trial `number` (`{"step": 3, "val_loss": 0.41}`
    /// lines; null values, which stand for non-finite ones, are left out), for a scheduler
    /// to restore on resume. A report without a step gets its position (1, 2, …).
    static func storedReports(of number: Int, in store: StudyStore) -> [IntermediateReport] {
        guard let lines = try? store.intermediate(trial: number) else { return [] }
        var out: [IntermediateReport] = []
        for (i, line) in lines.enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            var metrics: [String: Double] = [:]
            for (k, v) in object { if let n = v as? NSNumber, !(v is Bool) { metrics[k] = n.doubleValue } }
            let step = metrics.removeValue(forKey: "step").map { Int($0.rounded()) } ?? i + 1
            out.append(IntermediateReport(step: step, metrics: metrics))
        }
        return out
    }
}
