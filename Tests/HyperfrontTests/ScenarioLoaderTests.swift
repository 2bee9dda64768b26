import Testing
@testable import Hyperfront
import Studies

@Test func fullScenarioReads() throws {
    let yaml = """
    name: digits-mlp
    evaluator: {command: [python3, train.py, --epochs, "{epochs}"], timeout: 10m, metrics: [accuracy, params, train_seconds]}
    space:
      layers:        {int: [1, 4]}
      units:         {choice: [64, 16, 32]}
      activation:    {choice: [relu, tanh]}
      optimizer:     {choice: [sgd, adam]}
      momentum:      {float: [0.5, 0.99], when: {optimizer: sgd}}
      learning_rate: {float: [1.0e-4, 1.0e-1], log: true}
      dropout:       {float: [0.0, 0.5], step: 0.1}
      epochs:        20
    objectives:
      - {metric: accuracy, goal: maximize}
      - {metric: params}
    constraints:
      - {metric: params, max: 50k}
      - {metric: train_seconds, max: 30s}
    search: {algorithm: random, trials: 12, seed: 7, workers: 2}
    """
    let s = try ScenarioLoader.parse(yaml, path: "x.yaml")
    #expect(s.name == "digits-mlp")
    #expect(s.space.names == ["layers", "units", "activation", "optimizer", "momentum", "learning_rate", "dropout", "epochs"])
    #expect(s.space[1].domain == .ordinal([16, 32, 64]))
    #expect(s.space[2].domain == .categorical([.string("relu"), .string("tanh")]))
    #expect(s.space[7].domain == .fixed(.int(20)))
    #expect(s.space[4].condition == Condition(clauses: [.init(parameter: 3, allowed: [0])]))
    #expect(s.objectives == [Objective(metric: "accuracy", goal: .maximize), Objective(metric: "params", goal: .minimize)])
    #expect(s.constraints[0].bound == 50_000)
    #expect(s.constraints[1].bound == 30)
    #expect(s.search.algorithm == .random && s.search.trials == 12 && s.search.seed == 7 && s.search.workers == 2)
    if let c = s.evaluator.settings as? CommandSpec {
        #expect(c.command == ["python3", "train.py", "--epochs", "{epochs}"])
        #expect(c.timeout == 600)
    } else { Issue.record("expected a command evaluator") }
}

@Test func benchmarkBringsItsSpaceAndLiteratureDefaults() throws {
    let s = try ScenarioLoader.parse("evaluator: {benchmark: dtlz2}\nobjectives: [{metric: f1}, {metric: f2}, {metric: f3}]\nsearch: {generations: 10}\n")
    #expect(s.space.count == 12)
    #expect(s.search.population == 100)
    #expect(s.search.trials == 1000)
    let z4 = try ScenarioLoader.parse("evaluator: {benchmark: zdt4}\nobjectives: [{metric: f1}, {metric: f2}]\n")
    #expect(z4.space.count == 10)
    #expect(z4.space[1].domain == .float(lower: -5, upper: 5, log: false, step: nil))
    #expect(z4.search.trials == 25_000)
}

@Test func unitsParse() {
    #expect(Units.parse("2MB") == 2e6)
    #expect(Units.parse("2MiB") == 2_097_152.0)
    #expect(Units.parse("16 KB") == 16_000)
    #expect(Units.parse("30s") == 30)
    #expect(Units.parse("250ms") == 0.25)
    #expect(Units.parse("10m") == 600)
    #expect(Units.parse("1h") == 3600)
    #expect(Units.parse("50k") == 50_000)
    #expect(Units.parse("1.5e3") == 1500)
    #expect(Units.parse("ten") == nil)
    #expect(Units.parse("MB") == nil)
}

@Test func constraintViolationIsRelativeAndSigned() {
    let c = OutcomeConstraint(metric: "m", kind: .atMost, bound: 100)
    #expect(c.violation(90) == 0)
    #expect(c.violation(150) == 0.5)
    #expect(c.violation(nil) == .infinity)
    #expect(c.slack(90) == 10)
    let d = OutcomeConstraint(metric: "a", kind: .atLeast, bound: 0.9)
    #expect(d.violation(0.95) == 0)
    #expect(abs(d.violation(0.45) - 0.5) < 1e-12)
}

@Test func limitsLeaveRoomForWhatWorks() throws {
    // 2,000 float parameters fit in a command's HYPERFRONT_PARAMS (at most ~70 KB of JSON).
    let wide = "evaluator: {command: [sh, train.py], metrics: [loss]}\nspace:\n" + (1...2000).map { "  p\($0): {float: [0, 1]}\n" }.joined() + "objectives: [{metric: loss}]\n"
    #expect(try ScenarioLoader.parse(wide).space.count == 2000)
    // The widest finite float range, 10,000 benchmark variables and 256 workers are accepted.
    let s = try ScenarioLoader.parse("evaluator: {command: [sh], metrics: [loss]}\nspace: {x: {float: [-1.0e307, 1.0e307]}}\nobjectives: [{metric: loss}]\nsearch: {workers: 256, population: 100000, trials: 100000}\n")
    #expect(s.search.workers == 256 && s.search.population == 100_000)
    #expect(try ScenarioLoader.parse("evaluator: {benchmark: zdt1, variables: 10000}\nobjectives: [{metric: f1}]\n").space.count == 10_000)
    // The default population (24) may exceed a short budget; only a population the file gives is held to it.
    #expect(try ScenarioLoader.parse("evaluator: {command: [sh], metrics: [loss]}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {trials: 10}\n").search.trials == 10)
    // min == max on one constraint is a single admissible value, not a contradiction.
    _ = try ScenarioLoader.parse("evaluator: {command: [sh], metrics: [loss]}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nconstraints: [{metric: loss, min: 1, max: 1}]\n")
}

@Test func aGridCapsTheTrialBudgetAtItsSize() throws {
    // 11 × 2 = 22 grid points; the scenario asks for 240 trials: the run's budget (and its
    // progress total) is 22.
    let s = try ScenarioLoader.parse("evaluator: {command: [sh, -c, 'echo {}'], metrics: [loss]}\nspace: {a: {choice: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, b: {choice: [x, y]}}\nobjectives: [{metric: loss}]\nsearch: {algorithm: grid, trials: 240}\n")
    #expect(s.search.trials == 240)
    let setup = try StudySetup.make(s)
    #expect(setup.scenario.search.trials == 22)
    var few = s
    few.search.trials = 10
    #expect(try StudySetup.make(few).scenario.search.trials == 10)
}
