import Foundation
import Hyperfront
import Synchronization

/// Replays a configuration's learning curve from a `CurveTable`: one intermediate report per
/// epoch (`epoch`, `accuracy`, `val_loss`, `params`) through the trial's channel, as the
/// built-in trainer sends them, stopping when the scheduler says so. A complete trial reports
/// the last epoch's values; a curve that diverged fails at that epoch. The epochs each trial
/// ran are counted (`epochsRun`).
final class CurveEvaluator: Evaluator {
    let table: CurveTable
    let metricNames = ["accuracy", "val_loss", "params", "flops", "epochs_run"]
    private let ran = Mutex<[Int: Int]>([:])

    init(table: CurveTable) { self.table = table }

    /// Epochs run per trial number.
    var epochsRun: [Int: Int] { ran.withLock { $0 } }

    func evaluate(_ request: TrialRequest) -> TrialOutcome {
        guard let row = table.rows[CurveTable.key(request.configuration, request.space)] else { return .failed("not in the table") }
        var last: [String: Double] = [:]
        for e in 1...table.epochs {
            let a = row.accuracy[e - 1], l = row.validationLoss[e - 1]
            guard a.isFinite, l.isFinite else {
                ran.withLock { $0[request.number] = e }
                return .failed("training diverged in epoch \(e)")
            }
            last = ["epoch": Double(e), "accuracy": a, "val_loss": l, "params": row.params]
            let decision = request.channel.report(step: e, last)
            if decision == .stop || e == table.epochs {
                ran.withLock { $0[request.number] = e }
                if decision == .stop { break }
            }
        }
        return TrialOutcome(metrics: ["accuracy": last["accuracy"]!, "val_loss": last["val_loss"]!, "params": row.params,
                                      "flops": row.flops, "epochs_run": last["epoch"]!])
    }
}
