import Foundation
import Hyperfront
import Schedulers

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Cost of early-stopping decisions: `trials` trials × 27 epoch reports through the
/// multi-objective ASHA / Hyperband scheduler (two objectives), against a run whose trials take
/// 10 ms each.
/// Each is measured twice in the same run: deciding from the rungs' layers (the scheduler's
/// way) and by sorting the rung at every decision (what the layers replace); the two must make
/// the same decisions.
func overhead(trials: Int) {
    let epochs = 27
    let objectives = [Objective(metric: "loss", goal: .minimize), Objective(metric: "size", goal: .minimize)]
    for algorithm in [EarlyStoppingSettings.Algorithm.asha, .hyperband] {
        var logs: [[SuccessiveHalvingScheduler.Decision]] = []
        for sorting in [false, true] {
            let settings = EarlyStoppingSettings(algorithm: algorithm, resource: "epoch", minResource: 1, maxResource: Double(epochs), reductionFactor: 3)
            let scheduler = SuccessiveHalvingScheduler(settings: settings, objectives: objectives)
            scheduler.sortsEveryDecision = sorting
            var reports = 0
            var pruned = 0
            // Processor time of this process: the machine may be busy with other work.
            let start = cpuSeconds()
            for n in 0..<trials {
                var r = RandomSource(seed: UInt64(n) &+ 1)
                let quality = r.nextUnit(), size = r.nextUnit()
                for e in 1...epochs {
                    reports += 1
                    let loss = quality + (0.5 + size) / Double(e)
                    if !scheduler.shouldContinue(trial: n, step: e, metrics: ["epoch": Double(e), "loss": loss, "size": size]) { pruned += 1; break }
                }
                scheduler.ended(trial: n)
            }
            let seconds = cpuSeconds() - start
            let run = Double(trials) * 0.010
            logs.append(scheduler.decisions)
            print(String(format: "%@ (%@): %d trials, %d reports, %d pruned, %d decisions: %.3f s of processor time (%.2f µs per report) = %.2f %% of a %.0f s run of 10 ms trials",
                         algorithm.rawValue, sorting ? "sorting every rung" : "rung layers", trials, reports, pruned, scheduler.decisions.count,
                         seconds, seconds / Double(reports) * 1e6, seconds / run * 100, run))
        }
        print("\(algorithm.rawValue): the same decisions both ways: \(logs[0] == logs[1])")
    }
}
