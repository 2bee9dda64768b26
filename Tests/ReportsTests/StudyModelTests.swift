import Foundation
import Testing
import Hyperfront
import Studies

/// The stored model reads back equal to the model it was made from, for every kind of
/// parameter, condition and resource, and its JSON is stable.
@Suite struct StudyModelTests {
    static let yaml = """
    name: model-test
    evaluator: {command: [python3, train.py, "{lr}"], metrics: [loss, acc], timeout: 30s, env: {A: b}}
    space:
      layers:    {int: [1, 4]}
      steps:     {int: [2, 64], log: true}
      units:     {choice: [16, 32, 64]}
      ratio:     {choice: [0.5, 1.5, 3]}
      act:       {choice: [relu, tanh]}
      flag:      {choice: [true, false]}
      opt:       {choice: [sgd, adam]}
      momentum:  {float: [0.5, 0.99], when: {opt: sgd}}
      lr:        {float: [1.0e-4, 1.0e-1], log: true}
      dropout:   {float: [0.0, 0.5], step: 0.1}
      wide:      {float: [-1.0e300, 1.0e300]}
      fixed_int: {fixed: 3}
      fixed_f:   {fixed: 2.0}
      fixed_s:   {fixed: hello}
      deep:      {int: [0, 3], when: {units: [32, 64], act: relu}}
    resources:
      params: "layers*units*units + max(units, 3)/2 - ceil(ratio)^2"
    objectives:
      - {metric: loss, goal: minimize}
      - {metric: acc, goal: maximize}
    constraints:
      - {metric: params, max: 1MB}
      - {metric: acc, min: 0.5}
    search: {algorithm: nsga2, population: 12, trials: 30, seed: 9223372036854775807, workers: 3, mutation: {probability: 0.25}}
    """

    @Test func modelRoundTripsThroughJSON() throws {
        let scenario = try ScenarioLoader.parse(Self.yaml, path: "m.yaml", checkFiles: false)
        let model = StudyModel(scenario: scenario)
        let text = model.jsonText()
        let back = try StudyModel.read(json: text)
        #expect(back == model)
        #expect(back.jsonText() == text)
        #expect(back.space == scenario.space)
        #expect(back.objectives == scenario.objectives)
        #expect(back.constraints == scenario.constraints)
        #expect(back.resources == scenario.resources)
        #expect(back.metrics == scenario.metricNames)
        #expect(back.search.seed == UInt64(Int64.max))
        #expect(back.search.algorithm == "nsga2")
        #expect(back.search.settings["mutation.probability"] == .double(0.25))
        #expect(back.evaluator.kind == "command")
        // Readable: names, kinds and conditions by value.
        #expect(text.contains("\"when\":[{\"parameter\":\"opt\",\"values\":[\"sgd\"]}]"))
        #expect(text.contains("\"goal\":\"maximize\""))
        // Environment values are not stored (only the names).
        #expect(!text.contains("\"b\""))
    }

    @Test func integralDoublesStayDoubles() throws {
        let values: [ModelValue] = [.int(3), .double(3), .double(-0.5), .string("3"), .bool(true), .list([.double(1e300), .int(-7)])]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([ModelValue].self, from: data) == values)
    }

    @Test func aNewerModelFormatIsRefused() {
        #expect(throws: (any Error).self) { _ = try StudyModel.read(json: "{\"format\": 99}") }
        #expect(throws: (any Error).self) { _ = try StudyModel.read(json: "not json") }
    }
}
