import Foundation
import Testing
@testable import Hyperfront
import Samplers
import Studies

/// A sampler that is not part of the standard list: registering it is all a scenario needs.
private struct FirstPointPlugin: SamplerPlugin {
    var key: String { "first" }
    var settings: [Setting] { [Setting("first_tries", .int(1...9), default: .int(3), example: "first_tries: 3")] }
    func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler { RandomSampler(space: space) }
    func defaultPipelineDepth(search: SearchSettings, cheapTrials: Bool) -> Int { search.value(settings[0])!.int! }
}

private let withFirst = PluginRegistry(samplers: PluginRegistry.standard.samplers + [FirstPointPlugin()],
                                       evaluators: PluginRegistry.standard.evaluators)

private let command = "name: t\nevaluator: {command: [python3, train.py], metrics: [loss]}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\n"

@Test func aRegisteredSamplerIsNamedAndItsSettingsAreChecked() throws {
    let s = try ScenarioLoader.parse(command + "search: {algorithm: first, first_tries: 5}\n", registry: withFirst)
    #expect(s.search.algorithm.rawValue == "first" && s.search.options["first_tries"] == .int(5))
    #expect(StudySetup.defaultPipelineDepth(s, registry: withFirst) == 5)
    do {
        _ = try ScenarioLoader.parse(command + "search: {algorithm: first, first_tries: 12}\n", path: "f.yaml", registry: withFirst)
        Issue.record("first_tries: 12 is out of its declared range")
    } catch {
        #expect(error.field == "search.first_tries" && error.line == 5 && error.message.contains("at most 9"), "\(error)")
    }
    // The standard registry does not know it, and says which it knows.
    do {
        _ = try ScenarioLoader.parse(command + "search: {algorithm: first}\n", path: "f.yaml")
        Issue.record("'first' is not a standard sampler")
    } catch {
        #expect(error.field == "search.algorithm" && error.hint?.contains("nsga2, random, grid") == true, "\(error)")
    }
}

@Test func unknownSearchKeysListEveryRegisteredSetting() {
    do {
        _ = try ScenarioLoader.parse(command + "search: {populaton: 5}\n", path: "f.yaml")
        Issue.record("expected an error")
    } catch {
        #expect(error.field == "search.populaton" && error.hint?.contains("did you mean 'population'") == true, "\(error)")
        #expect(error.hint?.contains("grid_points") == true && error.hint?.contains("workers") == true, "\(error)")
    }
}

@Test func searchSettingsAndEvaluatorRoundTripThroughJSON() throws {
    let s = try ScenarioLoader.parse(command + "search: {algorithm: nsga2, population: 12, crossover: {eta: 7}, trials: 48, seed: 3}\n")
    let search = try JSONDecoder().decode(SearchSettings.self, from: JSONEncoder().encode(s.search))
    #expect(search == s.search && search.population == 12 && search.crossoverEta == 7 && search.mutationEta == 20)
    let json = try JSONEncoder().encode(s.evaluator)
    #expect(String(decoding: json, as: UTF8.self).contains("\"key\":\"command\""))
    let decoder = JSONDecoder()
    decoder.userInfo[.pluginRegistry] = PluginRegistry.standard
    let evaluator = try decoder.decode(EvaluatorSpec.self, from: json)
    #expect(evaluator.key == "command" && (evaluator.settings as? CommandSpec) == (s.evaluator.settings as? CommandSpec))
}

@Test func pipelineDepthIsTheSamplersRule() throws {
    let nsga2 = try ScenarioLoader.parse(command + "search: {population: 24}\n")
    #expect(StudySetup.defaultPipelineDepth(nsga2) == 6)
    #expect(StudySetup.defaultPipelineDepth(nsga2, algorithm: .random) == 0)
    let benchmark = try ScenarioLoader.parse("evaluator: {benchmark: zdt1}\nobjectives: [{metric: f1}, {metric: f2}]\n")
    #expect(StudySetup.defaultPipelineDepth(benchmark) == 0)
}

/// An evaluator that is not part of the standard list.
private struct ConstantSettings: EvaluatorSettings, Codable, Equatable {
    var value: Double
    var reportedMetrics: [String]? { ["loss"] }
}

private struct ConstantPlugin: EvaluatorPlugin {
    var key: String { "constant" }
    var keys: [String] { ["constant"] }
    var example: String { "{constant: 0.5}" }
    func parse(_ section: ScenarioNode) throws(ScenarioError) -> any EvaluatorSettings {
        ConstantSettings(value: try section["constant"]!.double(example: "constant: 0.5"))
    }
    func makeEvaluator(_ scenario: Scenario) throws(PluginError) -> MadeEvaluator { throw PluginError("not needed here") }
    func decodeSettings(from decoder: any Decoder) throws -> any EvaluatorSettings { try ConstantSettings(from: decoder) }
}

@Test func aRegisteredEvaluatorIsReadAndItsMetricsChecked() throws {
    let registry = PluginRegistry(samplers: PluginRegistry.standard.samplers, evaluators: PluginRegistry.standard.evaluators + [ConstantPlugin()])
    let s = try ScenarioLoader.parse("evaluator: {constant: 0.25}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\n", registry: registry)
    #expect(s.evaluator.key == "constant" && (s.evaluator.settings as? ConstantSettings)?.value == 0.25)
    do {
        _ = try ScenarioLoader.parse("evaluator: {constant: 0.25}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: accuracy}]\n", path: "c.yaml", registry: registry)
        Issue.record("the constant evaluator reports only 'loss'")
    } catch {
        #expect(error.field == "objectives[1].metric" && error.hint?.contains("loss") == true, "\(error)")
    }
    do {
        _ = try ScenarioLoader.parse("evaluator: {constant: 0.25, benchmark: zdt1}\nobjectives: [{metric: loss}]\n", path: "c.yaml", registry: registry)
        Issue.record("two kinds")
    } catch {
        #expect(error.field == "evaluator" && error.message.contains("more than one kind"), "\(error)")
    }
    // The standard registry names what it knows.
    do {
        _ = try ScenarioLoader.parse("evaluator: {constant: 0.25}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: loss}]\n", path: "c.yaml")
        Issue.record("'constant' is not a standard evaluator")
    } catch {
        #expect(error.field == "evaluator" && error.message.contains("'benchmark:', 'builtin:' nor 'command:'"), "\(error)")
    }
}
