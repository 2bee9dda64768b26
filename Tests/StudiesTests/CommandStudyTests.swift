import Foundation
import Testing
import Evaluators
import Samplers
import Hyperfront
import Store
@testable import Studies

private func commandScenario(_ command: [String], space: SearchSpace, algorithm: SearchSettings.Algorithm, trials: Int,
                             population: Int = 8, timeout: Double? = nil) -> Scenario {
    var s = SearchSettings()
    s.algorithm = algorithm
    s.trials = trials
    s.population = population
    s.seed = 11
    s.gridPoints = 2
    return Scenario(name: "cmd", source: "cmd", space: space,
                    objectives: [Objective(metric: "f1", goal: .minimize), Objective(metric: "f2", goal: .minimize)],
                    constraints: [], evaluator: .command(CommandSpec(command: command, timeout: timeout)), search: s)
}

private func runStudy(_ s: Scenario, workers: Int, pipeline: Int = 0) throws -> (StudyStore, StudyRunner.Summary) {
    let made = try EvaluatorFactory.make(s)
    let store = try StudyStore.create(path: temporaryStudyPath(), info: StudySetup.info(s))
    let runner = StudyRunner(scenario: s, store: store, evaluator: made.evaluator, sampler: try SamplerFactory.make(s.search, space: s.space),
                             repair: nil, trials: s.search.trials, seed: s.search.seed, workers: workers)
    runner.pipelineDepth = pipeline
    #expect(runner.recordEachTrial)
    return (store, try runner.run())
}

@Test func everyKindOfFailureIsRecordedAndTheStudyGoesOn() throws {
    let modes = ["ok", "crash", "exit", "timeout", "garbage", "missing", "nan", "flood", "forkhang"]
    let script = #"""
        case "$1" in
          ok) echo '{"f1": 1, "f2": 2}' ;;
          crash) kill -SEGV $$ ;;
          exit) echo 'bad things' >&2; exit 4 ;;
          timeout) exec sleep 32.1 ;;
          garbage) echo 'loss is low' ;;
          missing) echo '{"f1": 1}' ;;
          nan) echo '{"f1": NaN, "f2": 1}' ;;
          flood) yes 'a log line that a noisy trainer prints again and again' | head -c 104857600; echo '{"f1": 1, "f2": 2}' ;;
          forkhang) sleep 32.2 & sleep 32.2; wait ;;
        esac
        """#
    let space = SearchSpace(parameters: [Parameter(name: "mode", domain: .categorical(modes.map { .string($0) }))])
    let s = commandScenario(["sh", "-c", script, "sh", "{mode}"], space: space, algorithm: .grid, trials: 20, timeout: 2)
    let (store, summary) = try runStudy(s, workers: 2)
    let trials = try store.trials()
    #expect(trials.count == modes.count && summary.finished == modes.count)
    let reasons: [String: String] = [
        "ok": "", "crash": "killed by signal 11", "exit": "exited with status 4", "timeout": "timed out after 2s",
        "garbage": "the last line of stdout is not a JSON object", "missing": "did not report f2",
        "nan": "reported NaN for f1", "flood": "output flood: wrote more than 10.0 MB", "forkhang": "timed out after 2s",
    ]
    for t in trials {
        let mode = modes[Int(t.configuration[0])]
        if mode == "ok" { #expect(t.state == .complete && t.metrics == [1, 2]) }
        else {
            #expect(t.state == .failed && t.violation == .infinity, "\(mode)")
            #expect(t.failure?.contains(reasons[mode]!) == true, "\(mode): \(t.failure ?? "nil")")
        }
    }
    #expect(trials.first { modes[Int($0.configuration[0])] == "exit" }?.failure?.contains("bad things") == true)
    // No process is left behind.
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    p.arguments = ["-f", "sleep 32\\.[12]"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let found = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(found.isEmpty)
}

@Test func twoWorkersPipelinedRunTheSameTrialsAsOne() throws {
    // Uneven trials: 0–25 ms, depending on the parameters.
    let script = #"sleep 0.0$(( ($HYPERFRONT_TRIAL * 7) % 25 / 10 ))$(( ($HYPERFRONT_TRIAL * 7) % 10 )); echo "{\"f1\": $1, \"f2\": $2}""#
    let space = SearchSpace(parameters: [
        Parameter(name: "a", domain: .float(lower: 0, upper: 1, log: false, step: nil)),
        Parameter(name: "b", domain: .int(lower: 0, upper: 50, log: false, step: 1)),
    ])
    let s = commandScenario(["sh", "-c", script, "sh", "{a}", "{b}"], space: space, algorithm: .nsga2, trials: 48, population: 8)
    let (one, _) = try runStudy(s, workers: 1, pipeline: 2)
    let (two, summary) = try runStudy(s, workers: 2, pipeline: 2)
    let a = try one.trials(), b = try two.trials()
    #expect(a.count == 48 && b.count == 48 && summary.failed == 0)
    #expect(a.map(\.configuration) == b.map(\.configuration))
    #expect(a.map(\.generation) == b.map(\.generation))
    #expect(Set(b.map(\.generation)).count == 6)
    // Strict generations propose a different, equally reproducible sequence.
    let (strict, _) = try runStudy(s, workers: 2, pipeline: 0)
    let c = try strict.trials()
    #expect(c.prefix(8).map(\.configuration) == a.prefix(8).map(\.configuration))
    #expect(c.map(\.configuration) != a.map(\.configuration))
}

/// NSGA-II with pipelining and a command whose trials take 0–39 ms, the time drawn from a hash
/// of its parameters: with 4 workers results come back in another order than with 1, yet every
/// sampler call happens at a point fixed by proposal order, so both runs propose the same
/// trials. A rule that told the sampler "whatever has finished" would fail this.
@Test func nsga2WithTrialsOfVaryingLengthRunsTheSameTrialsOnOneAndFourWorkers() throws {
    // The sleep comes from a checksum of the parameters; awk computes ZDT1-like metrics.
    let script = #"""
        h=$(printf '%s %s' "$1" "$2" | cksum | cut -d' ' -f1)
        sleep "$(printf '0.%03d' $((h % 40)))"
        awk -v a="$1" -v b="$2" 'BEGIN { g = 1 + 9 * b / 50; printf "{\"f1\": %.17g, \"f2\": %.17g}\n", a, g * (1 - sqrt(a / g)) }'
        """#
    let space = SearchSpace(parameters: [
        Parameter(name: "a", domain: .float(lower: 0, upper: 1, log: false, step: nil)),
        Parameter(name: "b", domain: .int(lower: 0, upper: 50, log: false, step: 1)),
    ])
    let s = commandScenario(["sh", "-c", script, "sh", "{a}", "{b}"], space: space, algorithm: "nsga2", trials: 64, population: 8)
    let (one, _) = try runStudy(s, workers: 1, pipeline: 2)
    let (four, summary) = try runStudy(s, workers: 4, pipeline: 2)
    let a = try one.trials(), b = try four.trials()
    #expect(a.count == 64 && b.count == 64 && summary.failed == 0)
    #expect(a.map(\.configuration) == b.map(\.configuration))
    #expect(a.map(\.generation) == b.map(\.generation))
    #expect(a.map(\.metrics) == b.map(\.metrics))
    // The four workers did finish trials out of proposal order (else the test shows nothing).
    let finishOrder = b.sorted { ($0.finishedAt ?? 0) < ($1.finishedAt ?? 0) }.map(\.number)
    #expect(finishOrder != finishOrder.sorted())
}
