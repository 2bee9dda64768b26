import Foundation
import Hyperfront
import Samplers
import Evaluators
import Store
import Studies

@MainActor func run() throws {
    guard let path = arguments.first else { fail("run needs a scenario file") }
    var scenario = try ScenarioLoader.load(path: path)
    if let a = option("--algorithm") {
        scenario.search.algorithm = SearchSettings.Algorithm(rawValue: a)
    }
    if let s = option("--seed").flatMap(UInt64.init) { scenario.search.seed = s }
    if let t = option("--trials").flatMap(Int.init) { scenario.search.trials = t }
    if let p = option("--population").flatMap(Int.init) { scenario.search.population = p }
    let table = option("--table")
    let setup = try StudySetup.make(scenario)
    let evaluator: any Evaluator = try table.map { try TableEvaluator(path: $0, space: setup.scenario.space) } ?? setup.evaluator
    let study = FileManager.default.temporaryDirectory.appendingPathComponent("bench-bayes-\(UUID().uuidString).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: study); try? FileManager.default.removeItem(atPath: study + "-wal"); try? FileManager.default.removeItem(atPath: study + "-shm") }
    let store = try StudyStore.create(path: study, info: StudySetup.info(setup.scenario))
    let runner = StudyRunner(scenario: setup.scenario, store: store, evaluator: evaluator, sampler: setup.sampler,
                             repair: setup.repair, trials: scenario.search.trials, seed: scenario.search.seed, workers: 1)
    let start = Date()
    _ = try runner.run()
    let seconds = Date().timeIntervalSince(start)
    let names = setup.scenario.metricNames
    for t in try store.trials().sorted(by: { $0.number < $1.number }) {
        let objectives = setup.scenario.objectives.map { o -> String in
            guard t.state == .complete, let i = names.firstIndex(of: o.metric) else { return "null" }
            return formatNumber(o.minimized(t.metrics[i]))
        }
        print("{\"trial\": \(t.number), \"objectives\": [\(objectives.joined(separator: ", "))], \"violation\": \(t.violation.isFinite ? formatNumber(t.violation) : "null")}")
    }
    FileHandle.standardError.write(Data(String(format: "seconds %.3f\n", seconds).utf8))
}

@MainActor func makeTable() throws {
    guard arguments.count >= 2 else { fail("make-table needs a scenario file and an output file") }
    let scenario = try ScenarioLoader.load(path: arguments[0])
    let setup = try StudySetup.make(scenario)
    let space = setup.scenario.space
    var grid = try GridSampler(space: space, points: 1000, budget: Int.max)
    var rng = RandomSource(seed: 1)
    let all = grid.ask(limit: Int.max, isKnown: { _ in false }, using: &rng).map(\.configuration)
    let metrics = setup.evaluator.metricNames
    let searched = space.parameters.filter { GeneCodingProbe.isSearched($0.domain) }.map(\.name)
    var out = "# \(all.count) configurations of \(arguments[0]), each evaluated once (seed 1) by bench-bayes make-table\n"
    out += (searched + metrics).joined(separator: ",") + "\n"
    let start = Date()
    for (n, c) in all.enumerated() {
        let r = setup.evaluator.evaluate(TrialRequest(number: n, seed: 1, configuration: c, space: space))
        var cells = [TableEvaluator.key(c, space)]
        for m in metrics {
            let v = r.metrics[m] ?? setup.scenario.resources.first { $0.metric == m }?.value(c, in: space) ?? .nan
            cells.append(r.state == .complete && v.isFinite ? formatNumber(v) : "")
        }
        out += cells.joined(separator: ",") + "\n"
        if n % 50 == 0 { FileHandle.standardError.write(Data("\(n)/\(all.count) \(Int(Date().timeIntervalSince(start))) s\n".utf8)) }
    }
    try out.write(toFile: arguments[1], atomically: true, encoding: .utf8)
}
