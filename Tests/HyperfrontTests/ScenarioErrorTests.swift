import Testing
@testable import Hyperfront
import Studies

/// Each malformed scenario must fail with the right line, field and message.
struct MalformedScenario: Sendable, CustomTestStringConvertible {
    let yaml: String
    let line: Int
    let field: String
    let message: String
    var testDescription: String { "\(field): \(message)" }
}

let base = """
name: t
evaluator: {command: [python3, train.py], metrics: [loss, accuracy, seconds]}
"""

let malformed: [MalformedScenario] = [
    .init(yaml: "name: t\nevaluatr: {benchmark: zdt1}\n", line: 2, field: "evaluatr", message: "did you mean 'evaluator'"),
    .init(yaml: "name: t\nobjectives: []\n", line: 1, field: "evaluator", message: "missing"),
    .init(yaml: "evaluator: {benchmark: zdt9}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator.benchmark", message: "unknown benchmark"),
    .init(yaml: "evaluator: {benchmark: zdt1, variabels: 3}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator.variabels", message: "did you mean 'variables'"),
    .init(yaml: "evaluator: {benchmark: zdt1, variables: 0}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator.variables", message: "at least 1"),
    .init(yaml: "evaluator: {benchmark: zdt1, objectives: 3}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator.objectives", message: "exactly 2"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nobjectives:\n  - {metric: f3}\n", line: 3, field: "objectives[1].metric", message: "does not report a metric 'f3'"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nobjectives:\n  - {metric: f1, goal: smallest}\n", line: 3, field: "objectives[1].goal", message: "unknown goal"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nobjectives:\n  - {metric: f1}\n  - {metric: f1}\n", line: 4, field: "objectives[2].metric", message: "already an objective"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nobjectives: {metric: f1}\n", line: 2, field: "objectives", message: "expected a list"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nobjectives: []\n", line: 2, field: "objectives", message: "is empty"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nspace: {a: {int: [1, 2]}}\nobjectives: [{metric: f1}]\n", line: 2, field: "space", message: "brings its own search space"),
    .init(yaml: base + "\nspace:\n  lr: {float: [0.1, 0.01]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.lr.float", message: "inverted"),
    .init(yaml: base + "\nspace:\n  lr: {float: [0.1, 0.1]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.lr.float", message: "empty"),
    .init(yaml: base + "\nspace:\n  lr: {float: [0.0, 0.1], log: true}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.lr.float", message: "log range"),
    .init(yaml: base + "\nspace:\n  n: {int: [0, 8], log: true}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.n.int", message: "log range"),
    .init(yaml: base + "\nspace:\n  n: {int: [9, 2]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.n.int", message: "inverted"),
    .init(yaml: base + "\nspace:\n  n: {int: [1, 2, 3]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.n.int", message: "exactly two bounds"),
    .init(yaml: base + "\nspace:\n  n: {int: [1, 2.5]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.n.int", message: "whole number"),
    .init(yaml: base + "\nspace:\n  x: {float: [a, 2]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x.float", message: "finite number"),
    .init(yaml: base + "\nspace:\n  x: {flaot: [0, 2]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x.flaot", message: "did you mean 'float'"),
    .init(yaml: base + "\nspace:\n  x: {float: [0, 2], int: [1, 2]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x", message: "more than one kind"),
    .init(yaml: base + "\nspace:\n  x: {log: true}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x", message: "neither float, int, choice nor fixed"),
    .init(yaml: base + "\nspace:\n  u: {choice: []}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.u.choice", message: "no values"),
    .init(yaml: base + "\nspace:\n  u: {choice: [16, 32, 16]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.u.choice", message: "listed twice"),
    .init(yaml: base + "\nspace:\n  u: {choice: [16, relu]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.u.choice", message: "mixes numbers and names"),
    .init(yaml: base + "\nspace:\n  u: {choice: [16, 32], log: true}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.u.log", message: "float and int ranges only"),
    .init(yaml: base + "\nspace:\n  x: {float: [0, 1], step: 2}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x.step", message: "at most the range's width"),
    .init(yaml: base + "\nspace:\n  m: {float: [0, 1], when: {optimiser: sgd}}\n  optimizer: {choice: [sgd, adam]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.m.when.optimiser", message: "unknown parameter"),
    .init(yaml: base + "\nspace:\n  optimizer: {choice: [sgd, adam]}\n  m: {float: [0, 1], when: {optimizer: sdg}}\nobjectives: [{metric: loss}]\n", line: 5, field: "space.m.when.optimizer", message: "never takes the value sdg"),
    .init(yaml: base + "\nspace:\n  optimizer: {choice: [sgd, adam]}\n  optimizer: {choice: [sgd]}\nobjectives: [{metric: loss}]\n", line: 4, field: "", message: "twice"),
    .init(yaml: base + "\nspace:\n  2x: {float: [0, 1]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.2x", message: "not a valid parameter name"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nconstraints:\n  - {metric: seconds, max: 10parsecs}\n", line: 6, field: "constraints[1].max", message: "not a quantity"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nconstraints:\n  - {metric: seconds}\n", line: 6, field: "constraints[1]", message: "no bound"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nconstraints:\n  - {metric: memory, max: 2MB}\n", line: 6, field: "constraints[1].metric", message: "does not report a metric 'memory'"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {algorithm: nsga3}\n", line: 5, field: "search.algorithm", message: "did you mean 'nsga2'"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {population: 1}\n", line: 5, field: "search.population", message: "at least 2"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {trials: 10, generations: 2}\n", line: 5, field: "search.generations", message: "not both"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {trails: 10}\n", line: 5, field: "search.trails", message: "did you mean 'trials'"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {crossover: {probability: 1.5}}\n", line: 5, field: "search.crossover.probability", message: "between 0 and 1"),
    .init(yaml: base + "\nspace: {n: {int: [1, 4]}, x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nresources: {params: \"64*n + depth\"}\n", line: 5, field: "resources.params", message: "not a parameter"),
    .init(yaml: base + "\nspace: {n: {int: [1, 4]}, x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nresources: {params: \"64*n + x\"}\n", line: 5, field: "resources.params", message: "continuous parameter"),
    .init(yaml: base + "\nspace: {n: {int: [1, 4]}}\nobjectives: [{metric: loss}]\nresources: {params: \"64*(n + 1\"}\n", line: 5, field: "resources.params", message: "cannot read the formula"),
    .init(yaml: "evaluator: {command: python3 train.py}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\n", line: 1, field: "evaluator.command", message: "list of program and arguments"),
    .init(yaml: "evaluator: {command: [python3], timeout: soon}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\n", line: 1, field: "evaluator.timeout", message: "not a quantity"),
    .init(yaml: "evaluator: {builtin: mlp}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: accuracy}]\n", line: 1, field: "evaluator.dataset", message: "missing"),
    .init(yaml: "evaluator: {builtin: mlp, dataset: nowhere/none.csv}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: accuracy}]\n", line: 1, field: "evaluator.dataset", message: "no such file"),
    .init(yaml: "evaluator: {builtin: svm}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: accuracy}]\n", line: 1, field: "evaluator.builtin", message: "unknown built-in"),
    .init(yaml: "evaluator: {benchmark: zdt1, command: [x]}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator", message: "more than one kind"),
    .init(yaml: "evaluator: {benchmark: zdt1}\nobjectives: [{metric: f1}\n", line: 3, field: "", message: "not valid YAML"),
    .init(yaml: "evaluator: {benchmark: zdt1}\n\tobjectives: [{metric: f1}]\n", line: 2, field: "", message: "not valid YAML"),
    .init(yaml: "", line: 1, field: "", message: "empty"),
    .init(yaml: "- a\n- b\n", line: 1, field: "", message: "expected a mapping"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {seed: -3}\n", line: 5, field: "search.seed", message: "0 or more"),
    .init(yaml: base + "\nspace: {}\nobjectives: [{metric: loss}]\n", line: 3, field: "space", message: "is empty"),
    .init(yaml: base + "\nspace:\n  k: {int: [-5000000000000000000, 5]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.k.int", message: "within ±2^53"),
    .init(yaml: base + "\nspace:\n  k: {int: [1, 10], step: 20}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.k.step", message: "at most the range's width"),
    .init(yaml: base + "\nspace:\n  u: {choice: [1, 1.0, 2]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.u.choice", message: "listed twice"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {trials: 100000000000}\n", line: 5, field: "search.trials", message: "at most 100000000"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {population: 100, generations: 922337203685477580}\n", line: 5, field: "search.generations", message: "more than 100000000 trials"),
    // Limits and overflows (each crashed, overflowed or ran out of memory before it was refused here).
    .init(yaml: base + "\nspace:\n  k: {int: [-9223372036854775808, 10]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.k.int", message: "within ±2^53"),
    .init(yaml: base + "\nspace:\n  x: {float: [-1.7e308, 1.7e308]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x.float", message: "too wide"),
    .init(yaml: "evaluator: {benchmark: zdt1, variables: 100000000}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator.variables", message: "at most 10000 variables"),
    .init(yaml: "evaluator: {benchmark: dtlz2, objectives: 20000}\nobjectives: [{metric: f1}]\n", line: 1, field: "evaluator.objectives", message: "at most 10000 objectives"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {population: 10000000, trials: 8}\n", line: 5, field: "search.population", message: "at most 100000"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {population: 50, trials: 8}\n", line: 5, field: "search.population", message: "more than the 8 trials"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nsearch: {workers: 100000}\n", line: 5, field: "search.workers", message: "at most 256 workers"),
    .init(yaml: base + "\nspace:\n  x: {float: [0, 1], when: {opt: sgd}}\n  opt: {choice: [sgd, adam]}\nobjectives: [{metric: loss}]\n", line: 4, field: "space.x.when.opt", message: "'opt' is declared below 'x'"),
    .init(yaml: base + "\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\nconstraints:\n  - {metric: seconds, max: 1, min: 2}\n", line: 6, field: "constraints[1].min", message: "above max"),
    .init(yaml: base + "\nspace: {n: {int: [1, 4]}}\nobjectives: [{metric: loss}]\nresources: {params: \"1e400 * n\"}\n", line: 5, field: "resources.params", message: "not a finite number"),
    .init(yaml: base + "\nspace: {u: {int: [1, 4]}}\nobjectives: [{metric: loss}]\nresources: {params: \"3 + floor(u/0)\"}\n", line: 5, field: "resources.params", message: "floor(u/0) is inf when u = 1"),
    .init(yaml: base + "\nspace:\n" + (1...5000).map { "  p\($0): {float: [0, 1]}\n" }.joined() + "objectives: [{metric: loss}]\n", line: 2, field: "evaluator.command", message: "HYPERFRONT_PARAMS"),
]

@Test("malformed scenarios name the line, the field and what is wrong", arguments: malformed)
func malformedScenario(_ c: MalformedScenario) throws {
    do {
        _ = try ScenarioLoader.parse(c.yaml, path: "bad.yaml")
        Issue.record("expected an error for \(c.field)")
    } catch {
        #expect(error.file == "bad.yaml")
        #expect(error.line == c.line, "\(error)")
        #expect(error.field == c.field, "\(error)")
        #expect(error.description.contains(c.message), "\(error)")
        #expect(error.description.hasPrefix("bad.yaml:\(c.line):"))
    }
}

@Test func thereAreAtLeastThirtyMalformedCases() {
    #expect(malformed.count >= 30)
}
