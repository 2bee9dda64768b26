import Foundation
import Hyperfront
import Samplers
import Studies

/// `make-curves SCENARIO.yaml OUTPUT.csv`: trains every configuration of the scenario's
/// discrete space once (trial seed 1) with the scenario's evaluator, keeping each epoch's
/// validation accuracy and loss from its intermediate reports. `--part K/N` trains only the
/// configurations whose grid index is K−1 modulo N (parts concatenate, headers dropped, into
/// the whole table).
@MainActor func makeCurves() throws {
    let part = option("--part").map { text -> (Int, Int) in
        let f = text.split(separator: "/").compactMap { Int($0) }
        guard f.count == 2, f[0] >= 1, f[0] <= f[1] else { fail("--part K/N with 1 ≤ K ≤ N") }
        return (f[0] - 1, f[1])
    } ?? (0, 1)
    guard arguments.count >= 2 else { fail("make-curves needs a scenario file and an output file") }
    let scenario = try ScenarioLoader.load(path: arguments[0])
    let setup = try StudySetup.make(scenario)
    let space = setup.scenario.space
    guard let epochsIndex = space.index(of: "epochs"), case .fixed(let e) = space[epochsIndex].domain, let epochs = e.number.map(Int.init) else {
        fail("\(arguments[0]): give the full budget as `epochs: {fixed: N}`")
    }
    var grid = try GridSampler(space: space, points: 100_000, budget: Int.max)
    var rng = RandomSource(seed: 1)
    let all = grid.ask(limit: Int.max, isKnown: { _ in false }, using: &rng).map(\.configuration)
    func formula(_ metric: String, _ c: Configuration) -> Double {
        setup.scenario.resources.first { $0.metric == metric }?.value(c, in: space) ?? .nan
    }
    var rows: [String: CurveTable.Row] = [:]
    var order: [String] = []
    let start = Date()
    for (n, c) in all.enumerated() where n % part.1 == part.0 {
        let channel = TrialChannel(trial: n)
        let outcome = setup.evaluator.evaluate(TrialRequest(number: n, seed: 1, configuration: c, space: space, channel: channel))
        var accuracy = [Double](repeating: .nan, count: epochs), loss = accuracy
        for r in channel.reports where r.step >= 1 && r.step <= epochs {
            accuracy[r.step - 1] = r.metrics["accuracy"] ?? .nan
            loss[r.step - 1] = r.metrics["val_loss"] ?? .nan
        }
        // A diverged epoch and the ones after it stay empty.
        if let bad = loss.firstIndex(where: { !$0.isFinite }) {
            for i in bad..<epochs { accuracy[i] = .nan; loss[i] = .nan }
        }
        let key = CurveTable.key(c, space)
        order.append(key)
        rows[key] = CurveTable.Row(params: outcome.metrics["params"] ?? formula("params", c), flops: outcome.metrics["flops"] ?? formula("flops", c),
                                   accuracy: accuracy, validationLoss: loss)
        if n % 50 == 0 { FileHandle.standardError.write(Data("\(n)/\(all.count) \(Int(Date().timeIntervalSince(start))) s\n".utf8)) }
    }
    let table = CurveTable(epochs: epochs, parameterColumns: CurveTable.searched(space), rows: rows)
    let comment = """
    \(all.count) configurations of \(arguments[0]), each trained once for \(epochs) epochs (trial seed 1) by bench-scheduler make-curves:
    accuracy_k and val_loss_k are the validation metrics after epoch k (empty after a diverged epoch); flops per training epoch
    """
    try table.csv(order: order, comment: comment).write(toFile: arguments[1], atomically: true, encoding: .utf8)
}
