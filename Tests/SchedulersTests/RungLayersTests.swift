import Testing
import Hyperfront
import Pareto
@testable import Schedulers

/// A value from a coarse grid (ties and duplicates are common), sometimes not finite.
private func value(_ r: inout RandomSource, nonFinite: Bool) -> Double {
    let u = r.nextUnit()
    if nonFinite && u < 0.04 { return [Double.infinity, -.infinity, .nan][Int(r.next() % 3)] }
    return Double(r.next() % 7) / 4
}

private func violation(_ r: inout RandomSource) -> Double {
    let u = r.nextUnit()
    if u < 0.7 { return 0 }
    return [0.5, 1, 1, 2, -0.5][Int(r.next() % 5)]
}

/// The layers give `RungRanking.isPromoted`'s answer for every member and quota, and the
/// layers are the constrained non-dominated ranks, as members arrive in any number order.
@Test(arguments: [1, 2, 3, 4])
func rungLayersDecideAsTheSortedRungDoes(_ dimension: Int) {
    for seed in 0..<12 {
        var r = RandomSource(seed: UInt64(seed * 10 + dimension))
        let nonFinite = seed % 3 == 0
        let size = 5 + Int(r.next() % 60)
        var numbers = Array(0..<size)
        for i in stride(from: size - 1, to: 0, by: -1) { numbers.swapAt(i, Int(r.next() % UInt64(i + 1))) }
        var layers = RungLayers(dimension: dimension)
        var rows: [[Double]] = [], violations: [Double] = []
        for (position, number) in numbers.enumerated() {
            let row = (0..<dimension).map { _ in value(&r, nonFinite: nonFinite) }
            let v = violation(&r)
            rows.append(row)
            violations.append(v)
            layers.insert(row, violation: v, number: number, position: position)
            let points = PointSet(rows: rows)
            let inserted = Array(numbers.prefix(position + 1))
            // Ranks of the feasible members are the sorted rung's.
            let ranks = NondominatedSorting.ranks(RungRanking.finite(points), violations: violations)
            for (i, l) in layers.layerIndices.enumerated() where l >= 0 { #expect(l == ranks[i]) }
            // Every member, a few quotas (the cut through each layer included).
            for c in 0...position {
                for quota in [0, 1, (position + 3) / 3, (position + 2) / 2, position, position + 1, Int(r.next() % UInt64(position + 2))] {
                    for diversity in RungRanking.Diversity.allCases where diversity == .crowding || dimension <= 3 {
                        let oracle = RungRanking.isPromoted(c, points: points, violations: violations, numbers: inserted, quota: quota, diversity: diversity)
                        #expect(layers.isPromoted(c, quota: quota, diversity: diversity) == oracle,
                                "d \(dimension) seed \(seed) member \(c) of \(position + 1) quota \(quota) \(diversity)")
                    }
                }
            }
        }
    }
}

/// The scheduler's decisions equal a brute-force ranking of each rung's entries numbered up to
/// the deciding trial, with ties, a constraint, a maximised objective, and restored trials; a
/// trial enters a rung with its best values so far, or those of the report that reached it.
@Test(arguments: [EarlyStoppingSettings.Algorithm.asha, .hyperband], SuccessiveHalvingScheduler.RungValue.allCases)
func schedulerDecisionsMatchABruteForceRanking(_ algorithm: EarlyStoppingSettings.Algorithm, _ rungValue: SuccessiveHalvingScheduler.RungValue) {
    let settings = EarlyStoppingSettings(algorithm: algorithm, resource: "epoch", minResource: 1, maxResource: 27, reductionFactor: 3)
    let objectives = [Objective(metric: "accuracy", goal: .maximize), Objective(metric: "size", goal: .minimize)]
    let constraints = [OutcomeConstraint(metric: "memory", kind: .atMost, bound: 8)]
    func metrics(_ n: Int, _ e: Int) -> [String: Double] {
        var r = RandomSource(seed: UInt64(n) &* 31 &+ 5)
        let q = r.nextUnit(), size = Double(r.next() % 5), memory = Double(r.next() % 10), dip = r.nextUnit()
        // Accuracy on a 45-sample validation set: coarse, so ties are common; some curves dip after epoch 2.
        let acc = ((q * (1 - 0.5 / Double(e)) + (e <= 2 ? dip * 0.3 : 0)) * 45).rounded() / 45
        return ["epoch": Double(e), "accuracy": acc, "size": size, "memory": memory]
    }
    let trials = 400, restored = 150
    // A study whose first trials are read back (as on resume), then run on.
    let reference = SuccessiveHalvingScheduler(settings: settings, objectives: objectives, constraints: constraints, rungValue: rungValue)
    var reports: [[(Int, [String: Double])]] = []
    for n in 0..<trials {
        var mine: [(Int, [String: Double])] = []
        for e in 1...27 {
            mine.append((e, metrics(n, e)))
            if !reference.shouldContinue(trial: n, step: e, metrics: metrics(n, e)) { break }
        }
        reference.ended(trial: n)
        reports.append(mine)
    }
    let resumed = SuccessiveHalvingScheduler(settings: settings, objectives: objectives, constraints: constraints, rungValue: rungValue)
    for n in 0..<restored {
        resumed.restore(trial: n, pruned: reports[n].count < 27, reports: reports[n])
        resumed.ended(trial: n)
    }
    for n in restored..<trials {
        for (e, m) in reports[n] { _ = resumed.shouldContinue(trial: n, step: e, metrics: m) }
        resumed.ended(trial: n)
    }
    #expect(resumed.decisions == reference.decisions)
    // Brute force: each decision against the sorted rung of its bracket up to that trial.
    let brackets = HyperbandBrackets(settings)
    var entries: [String: [(Int, [Double], Double)]] = [:]
    for d in reference.decisions.sorted(by: { ($0.level, $0.trial) < ($1.level, $1.trial) }) {
        let b = brackets.bracket(of: d.trial)
        let key = "\(b)/\(d.level)"
        let upTo = reports[d.trial].prefix { Double($0.0) <= d.level }
        let m = upTo.last!.1
        // The accuracy of each window between this trial's rungs, up to this one.
        let levels = brackets.levels[b].filter { $0 <= d.level }
        let windows = levels.indices.map { i in
            let w = upTo.filter { Double($0.0) <= levels[i] && (i == 0 || Double($0.0) > levels[i - 1]) }.map { $0.1["accuracy"]! }
            return w.reduce(0, +) / Double(w.count)
        }
        let accuracy: Double
        switch rungValue {
        case .last: accuracy = m["accuracy"]!
        case .best: accuracy = upTo.map { $0.1["accuracy"]! }.max()!
        case .windowMean: accuracy = windows.last!
        case .bestOfWindowMeans: accuracy = windows.max()!
        }
        entries[key, default: []].append((d.trial, [-accuracy, m["size"]!], constraints[0].violation(m["memory"]!)))
        let rung = entries[key]!
        let quota = (rung.count + 2) / 3
        let oracle = RungRanking.isPromoted(rung.count - 1, points: PointSet(rows: rung.map(\.1)), violations: rung.map(\.2),
                                            numbers: rung.map(\.0), quota: quota)
        #expect(d.promoted == oracle, "trial \(d.trial) at \(d.level)")
    }
    #expect(reference.decisions.contains { !$0.promoted } && reference.decisions.contains { $0.promoted && $0.level == 9 })
    // The rung values do decide differently on these dipping curves.
    let other = SuccessiveHalvingScheduler(settings: settings, objectives: objectives, constraints: constraints,
                                           rungValue: rungValue == .last ? .best : .last)
    for n in 0..<trials {
        for e in 1...27 { if !other.shouldContinue(trial: n, step: e, metrics: metrics(n, e)) { break } }
        other.ended(trial: n)
    }
    let differ = other.decisions != reference.decisions
    #expect(differ)
}
