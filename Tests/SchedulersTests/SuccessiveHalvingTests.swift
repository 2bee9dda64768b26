import Foundation
import Testing
import Hyperfront
import Pareto
@testable import Schedulers

private func settings(_ a: EarlyStoppingSettings.Algorithm, min: Double = 1, max: Double = 27, eta: Int = 3) -> EarlyStoppingSettings {
    EarlyStoppingSettings(algorithm: a, resource: "epoch", minResource: min, maxResource: max, reductionFactor: eta)
}

@Test func ashaRungsAreGeometricBelowTheMaximum() {
    let b = HyperbandBrackets(settings(.asha))
    #expect(b.levels == [[1, 3, 9]])
    #expect(HyperbandBrackets(settings(.asha, min: 2, max: 100, eta: 4)).levels == [[2, 8, 32]])
    #expect(HyperbandBrackets(settings(.none)).levels == [[]])
}

@Test func hyperbandDealsTrialsToBracketsByTheirSizes() {
    let b = HyperbandBrackets(settings(.hyperband))
    #expect(b.levels == [[1, 3, 9], [3, 9], [9], []])
    // n_s = ⌈(s_max+1)/(s+1)·η^s⌉ for s = 3, 2, 1, 0: 27, 12, 6, 4 (Li et al. 2018, Table 1 shape).
    #expect(b.cycle.count == 49)
    #expect((0..<4).map { i in b.cycle.filter { $0 == i }.count } == [27, 12, 6, 4])
    // Spread out, not in blocks: the first 8 trials already visit three brackets.
    #expect(Set(b.cycle.prefix(8)).count >= 3)
}

@Test func rungOrderIsConstrainedRankThenCrowdingThenNumber() {
    // Minimisation. 0, 1, 2 are non-dominated (1 in the middle), 3 is dominated by 1, 4 is infeasible but would dominate all.
    let pts = PointSet(rows: [[0, 4], [2, 2], [4, 0], [3, 3], [-1, -1]])
    let order = RungRanking.order(points: pts, violations: [0, 0, 0, 0, 0.5], numbers: [0, 1, 2, 3, 4])
    // Boundary points (infinite crowding) first by number, then the middle one, then rank 1, then the infeasible one.
    #expect(order == [0, 2, 1, 3, 4])
    #expect(RungRanking.isPromoted(4, points: pts, violations: [0, 0, 0, 0, 0.5], numbers: [0, 1, 2, 3, 4], quota: 4) == false)
    #expect(RungRanking.isPromoted(1, points: pts, violations: [0, 0, 0, 0, 0.5], numbers: [0, 1, 2, 3, 4], quota: 3))
    #expect(RungRanking.isPromoted(1, points: pts, violations: [0, 0, 0, 0, 0.5], numbers: [0, 1, 2, 3, 4], quota: 2) == false)
    #expect(RungRanking.isPromoted(3, points: pts, violations: [0, 0, 0, 0, 0.5], numbers: [0, 1, 2, 3, 4], quota: 4))
    // The hypervolume tie-break prefers the middle point (largest exclusive contribution with this reference).
    let hv = RungRanking.order(points: PointSet(rows: [[0, 4], [1, 1], [4, 0]]), violations: [0, 0, 0], numbers: [0, 1, 2], diversity: .hypervolume)
    #expect(hv.first == 1)
    // A metric nobody reported (infinite everywhere) decides nothing.
    let inf = PointSet(rows: [[1, .infinity], [0, .infinity]])
    #expect(RungRanking.order(points: inf, violations: [0, 0], numbers: [0, 1]) == [1, 0])
}

/// A deterministic learning curve: trial n's loss at epoch e, and a second objective (size) that trades off.
private func curve(_ n: Int, _ e: Int) -> [String: Double] {
    var r = RandomSource(seed: UInt64(n) &* 7919)
    let quality = r.nextUnit()
    let size = r.nextUnit()
    return ["epoch": Double(e), "loss": quality + 1 / Double(e) * (0.5 + size), "size": size]
}

/// Runs `trials` trials of `epochs` epochs on `workers` threads in number order, each sleeping
/// a random few microseconds per epoch; returns the stopping epoch of each and the decisions.
private func simulate(_ s: EarlyStoppingSettings, trials: Int, epochs: Int, workers: Int, jitter: UInt64) -> ([Int], Set<SuccessiveHalvingScheduler.Decision>) {
    let scheduler = SuccessiveHalvingScheduler(settings: s, objectives: [Objective(metric: "loss", goal: .minimize), Objective(metric: "size", goal: .minimize)])
    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var stoppedAt: [Int]
        init(_ s: [Int]) { stoppedAt = s }
    }
    let shared = Shared([Int](repeating: epochs, count: trials))
    let group = DispatchGroup()
    for w in 0..<workers {
        group.enter()
        Thread.detachNewThread {
            var rng = RandomSource(seed: jitter &+ UInt64(w))
            while true {
                shared.lock.lock(); let n = shared.next; shared.next += 1; shared.lock.unlock()
                if n >= trials { break }
                for e in 1...epochs {
                    if jitter > 0 { usleep(UInt32(rng.next() % 300)) }
                    if !scheduler.shouldContinue(trial: n, step: e, metrics: curve(n, e)) {
                        shared.lock.lock(); shared.stoppedAt[n] = e; shared.lock.unlock()
                        break
                    }
                }
                scheduler.ended(trial: n)
            }
            group.leave()
        }
    }
    group.wait()
    return (shared.stoppedAt, Set(scheduler.decisions))
}

@Test(arguments: [EarlyStoppingSettings.Algorithm.asha, .hyperband])
func decisionsDoNotDependOnWorkersOrTiming(_ algorithm: EarlyStoppingSettings.Algorithm) {
    let s = settings(algorithm)
    let (one, d1) = simulate(s, trials: 120, epochs: 27, workers: 1, jitter: 0)
    let (four, d4) = simulate(s, trials: 120, epochs: 27, workers: 4, jitter: 11)
    let (three, d3) = simulate(s, trials: 120, epochs: 27, workers: 3, jitter: 5)
    #expect(one == four && one == three)
    #expect(d1 == d4 && d1 == d3)
    // It did stop trials, and only at rungs.
    let pruned = one.filter { $0 < 27 }
    #expect(pruned.count > 40)
    #expect(pruned.allSatisfy { [1, 3, 9].contains($0) })
}

@Test func roughlyOneInEtaGoesOnAtEachRung() {
    let (stopped, decisions) = simulate(settings(.asha), trials: 300, epochs: 27, workers: 1, jitter: 0)
    let atRung0 = decisions.filter { $0.level == 1 }
    #expect(atRung0.count == 300)
    let promoted = atRung0.filter(\.promoted).count
    // ⌈m/3⌉ of the trials so far: a third, give or take the early ones.
    #expect(promoted >= 95 && promoted <= 140, "\(promoted)")
    #expect(stopped.filter { $0 == 27 }.count >= 300 / 27)
}

@Test func aTrialThatBreaksAConstraintAtARungRanksBehindFeasibleOnes() {
    let s = settings(.asha)
    let scheduler = SuccessiveHalvingScheduler(settings: s, objectives: [Objective(metric: "loss", goal: .minimize)],
                                               constraints: [OutcomeConstraint(metric: "memory", kind: .atMost, bound: 10)])
    // Trials 0 and 1 are feasible and worse; trial 2 is best but over the memory bound.
    #expect(scheduler.shouldContinue(trial: 0, step: 1, metrics: ["epoch": 1, "loss": 0.5, "memory": 5]))
    scheduler.ended(trial: 0)
    #expect(!scheduler.shouldContinue(trial: 1, step: 1, metrics: ["epoch": 1, "loss": 0.6, "memory": 5]))
    #expect(!scheduler.shouldContinue(trial: 2, step: 1, metrics: ["epoch": 1, "loss": 0.1, "memory": 50]))
    // Trial 3: best and feasible — first of four, and ⌈4/3⌉ = 2 go on.
    #expect(scheduler.shouldContinue(trial: 3, step: 1, metrics: ["epoch": 1, "loss": 0.05, "memory": 5]))
    // Maximised objectives are negated: higher accuracy wins.
    let acc = SuccessiveHalvingScheduler(settings: s, objectives: [Objective(metric: "accuracy", goal: .maximize)])
    #expect(acc.shouldContinue(trial: 0, step: 1, metrics: ["accuracy": 0.9]))
    #expect(!acc.shouldContinue(trial: 1, step: 1, metrics: ["accuracy": 0.8]))
    #expect(!acc.shouldContinue(trial: 2, step: 1, metrics: ["accuracy": 0.7]))
    #expect(acc.shouldContinue(trial: 3, step: 1, metrics: ["accuracy": 0.95]))
}

@Test func reportsBetweenRungsAndAfterTheLastDecideNothing() {
    let scheduler = SuccessiveHalvingScheduler(settings: settings(.asha), objectives: [Objective(metric: "loss", goal: .minimize)])
    #expect(scheduler.shouldContinue(trial: 0, step: 1, metrics: ["epoch": 0.5, "loss": 1]))
    #expect(scheduler.decisions.isEmpty)
    // A report that jumps past two rungs enters both.
    #expect(scheduler.shouldContinue(trial: 0, step: 2, metrics: ["epoch": 4, "loss": 1]))
    #expect(scheduler.decisions.map(\.level) == [1, 3])
    #expect(scheduler.shouldContinue(trial: 0, step: 3, metrics: ["epoch": 26, "loss": 1]))
    #expect(scheduler.shouldContinue(trial: 0, step: 4, metrics: ["epoch": 27, "loss": 1]))
    #expect(scheduler.decisions.count == 3)
}
