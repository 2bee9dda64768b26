import Foundation
import Hyperfront
import Schedulers
import Store
import Studies

/// `run SCENARIO.yaml --curves T.csv …`: a study whose trials replay learning curves through
/// the scenario's scheduler (or the one `--early-stopping` names), one worker, so trial numbers
/// are the order in which compute was spent. Prints one JSON line per trial: its table key,
/// state, epochs run, minimised objectives (complete trials) and violation.
@MainActor func replayRun() throws {
    guard let curves = option("--curves") else { fail("run needs --curves TABLE.csv") }
    let algorithm = option("--algorithm")
    let seed = option("--seed").flatMap(UInt64.init)
    let trials = option("--trials").flatMap(Int.init)
    let stopping = option("--early-stopping")
    let diversity = option("--diversity").map { name -> RungRanking.Diversity in
        guard let d = RungRanking.Diversity(rawValue: name) else { fail("--diversity: crowding or hypervolume") }
        return d
    } ?? .crowding
    let rungValue = option("--rung-value").map { name -> SuccessiveHalvingScheduler.RungValue in
        guard let v = SuccessiveHalvingScheduler.RungValue(rawValue: name) else { fail("--rung-value: best, last, best-of-rungs or window-mean") }
        return v
    } ?? .bestOfWindowMeans
    guard let path = arguments.first else { fail("run needs a scenario file") }
    var scenario = try ScenarioLoader.load(path: path)
    if let algorithm { scenario.search.algorithm = SearchSettings.Algorithm(rawValue: algorithm) }
    if let seed { scenario.search.seed = seed }
    if let trials { scenario.search.trials = trials }
    if let stopping { scenario.earlyStopping.algorithm = EarlyStoppingSettings.Algorithm(rawValue: stopping) }
    let setup = try StudySetup.make(scenario)
    let table = try CurveTable(path: curves, space: setup.scenario.space)
    let evaluator = CurveEvaluator(table: table)
    let study = FileManager.default.temporaryDirectory.appendingPathComponent("bench-scheduler-\(UUID().uuidString).sqlite").path
    defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: study + s) } }
    let store = try StudyStore.create(path: study, info: StudySetup.info(setup.scenario))
    let runner = StudyRunner(scenario: setup.scenario, store: store, evaluator: evaluator, sampler: setup.sampler,
                             repair: setup.repair, trials: setup.scenario.search.trials, seed: setup.scenario.search.seed, workers: 1)
    runner.pipelineDepth = StudySetup.defaultPipelineDepth(setup.scenario)
    if setup.scenario.earlyStopping.algorithm != .none {
        runner.scheduler = SuccessiveHalvingScheduler(settings: setup.scenario.earlyStopping, objectives: setup.scenario.objectives,
                                                      constraints: setup.scenario.constraints, diversity: diversity, rungValue: rungValue)
    }
    let start = Date()
    _ = try runner.run()
    let seconds = Date().timeIntervalSince(start)
    let names = setup.scenario.metricNames
    let ran = evaluator.epochsRun
    for t in try store.trials().sorted(by: { $0.number < $1.number }) {
        let objectives = setup.scenario.objectives.map { o -> String in
            guard t.state == .complete, let i = names.firstIndex(of: o.metric) else { return "null" }
            return formatNumber(o.minimized(t.metrics[i]))
        }
        let key = CurveTable.key(t.configuration, setup.scenario.space).replacingOccurrences(of: "\"", with: "\\\"")
        print("{\"trial\": \(t.number), \"key\": \"\(key)\", \"state\": \"\(t.state.rawValue)\", \"epochs\": \(ran[t.number] ?? 0), "
              + "\"objectives\": [\(objectives.joined(separator: ", "))], \"violation\": \(t.violation.isFinite ? formatNumber(t.violation) : "null")}")
    }
    FileHandle.standardError.write(Data(String(format: "seconds %.3f\n", seconds).utf8))
}
