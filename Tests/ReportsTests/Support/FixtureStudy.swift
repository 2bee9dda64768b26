import Foundation
import Hyperfront
import Store

/// A fixed, synthetic study written trial by trial with the study store: an MLP-like space
/// whose metrics follow from the configuration by a closed formula plus seeded noise, with
/// some failed and some infeasible trials. Same arguments, same file contents (timestamps
/// are fixed too).
enum FixtureStudy {
    static func yaml(objectives: Int) -> String {
        var o = """
        name: fixture-\(objectives)d
        evaluator: {command: [python3, train.py], metrics: [accuracy, params, memory_bytes, train_seconds]}
        space:
          layers:        {int: [1, 4]}
          units:         {choice: [16, 32, 64, 128, 256]}
          activation:    {choice: [relu, tanh, sigmoid]}
          dropout:       {float: [0.0, 0.5]}
          learning_rate: {float: [1.0e-4, 1.0e-1], log: true}
          batch_size:    {choice: [16, 32, 64, 128]}
        objectives:
          - {metric: accuracy, goal: maximize}
          - {metric: memory_bytes, goal: minimize}

        """
        if objectives >= 3 { o += "  - {metric: train_seconds, goal: minimize}\n" }
        o += """
        constraints:
          - {metric: train_seconds, max: 40}
        search: {algorithm: random, trials: 100, seed: 5}

        """
        return o
    }

    static func scenario(objectives: Int) throws -> Scenario {
        try ScenarioLoader.parse(yaml(objectives: objectives), path: "fixture.yaml", checkFiles: false)
    }

    static func round(_ v: Double, _ digits: Double) -> Double { (v * digits).rounded() / digits }

    /// The trials: every 13th fails; the metric formula makes large, small-batch models slow.
    static func trials(_ scenario: Scenario, count: Int, seed: UInt64) -> [Trial] {
        var rng = RandomSource(seed: seed)
        let names = scenario.metricNames
        return (0..<count).map { n in
            let c = scenario.space.sample(using: &rng)
            let noise = rng.uniform() - 0.5
            let layers = c[0], units = scenario.space[1].domain.numeric(c[1]), act = c[2], dropout = c[3], lr = c[4]
            let batch = scenario.space[5].domain.numeric(c[5])
            let params = 64 * units + (layers - 1) * units * units + units * 10
            let lrPenalty = abs(log10(lr) + 2.5) / 1.5
            var acc = 0.72 + 0.25 * (1 - exp(-params / 40_000)) - 0.06 * lrPenalty * lrPenalty - 0.08 * dropout * dropout
            acc += act == 1 ? 0.005 : act == 2 ? -0.02 : 0
            acc = round(min(0.995, acc + 0.01 * noise), 1e4)
            let seconds = round(params / 4_000 * (64 / batch) * (1 + 0.1 * noise) + 1, 1e2)
            var metrics = [Double](repeating: .nan, count: names.count)
            let state: TrialState = n % 13 == 7 ? .failed : .complete
            if state == .complete {
                metrics[names.firstIndex(of: "accuracy")!] = acc
                metrics[names.firstIndex(of: "params")!] = params
                metrics[names.firstIndex(of: "memory_bytes")!] = params * 4
                metrics[names.firstIndex(of: "train_seconds")!] = seconds
            }
            return Trial(number: n, generation: 0, configuration: c, state: state, metrics: metrics,
                         violation: state == .complete ? scenario.violation(metrics: metrics) : .infinity,
                         startedAt: 1_700_000_000 + Double(n), finishedAt: 1_700_000_000 + Double(n) + 0.5,
                         failure: state == .failed ? "exit status 1: out of memory" : nil)
        }
    }

    static func info(_ scenario: Scenario, yaml: String, trials: Int) -> StudyInfo {
        StudyInfo(name: scenario.name, scenario: yaml, scenarioPath: "fixture.yaml", seed: 5, trials: trials,
                  parameterNames: scenario.space.names, metricNames: scenario.metricNames, createdAt: 1_700_000_000)
    }

    /// Writes the study to a fresh temporary file and returns its path.
    static func write(objectives: Int = 2, count: Int = 60, seed: UInt64 = 11, transform: (inout [Trial]) -> Void = { _ in }) throws -> String {
        let sc = try scenario(objectives: objectives)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).sqlite").path
        let store = try StudyStore.create(path: path, info: info(sc, yaml: yaml(objectives: objectives), trials: count))
        var ts = trials(sc, count: count, seed: seed)
        transform(&ts)
        try store.save(ts)
        return path
    }
}
