import Foundation
import Testing
import Evaluators
import Hyperfront
@testable import Studies

/// The README's ask/tell example, run as written there; the trials equal those of `run`.
@Test func readmeAskTellExample() throws {
    // README ask/tell example: begin
    let scenario = try ScenarioLoader.parse("""
        name: zdt1-ask-tell
        evaluator: {benchmark: zdt1, variables: 4}
        objectives: [{metric: f1}, {metric: f2}]
        search: {algorithm: nsga2, population: 10, trials: 60, seed: 3}
        """)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("zdt1-ask-tell.sqlite").path
    try? FileManager.default.removeItem(atPath: path)
    // Your own evaluation: here the benchmark itself, called directly.
    let zdt1 = try EvaluatorFactory.make(scenario).evaluator

    let study = try Study.create(scenario: scenario, at: path)
    while true {
        let asked = try study.ask(count: 4)   // fewer while NSGA-II waits for a generation
        if asked.isEmpty { break }
        for trial in asked {
            let request = TrialRequest(number: trial.number, seed: trial.seed, configuration: trial.configuration,
                                       space: scenario.space)
            try study.tell(trial.number, .metrics(zdt1.evaluate(request).metrics))
        }
    }
    print("\(try study.counts()[.complete] ?? 0) trials told, \(try study.front().count) on the front")
    try study.close()
    // README ask/tell example: end
    let told = try Study.open(at: path).trials()
    #expect(told.count == 60 && told.allSatisfy { $0.state == .complete })

    let runPath = FileManager.default.temporaryDirectory.appendingPathComponent("zdt1-run-\(UUID().uuidString).sqlite").path
    let run = try Study.create(scenario: scenario, at: runPath)
    _ = try run.run()
    let ran = try run.trials()
    try run.close()
    #expect(ran.map(\.configuration) == told.map(\.configuration))
    #expect(ran.map(\.metrics) == told.map(\.metrics))
    #expect(ran.map(\.generation) == told.map(\.generation))
}

@Test func theReadmeShowsTheAskTellExample() throws {
    let here = URL(fileURLWithPath: #filePath)
    let source = try String(contentsOf: here, encoding: .utf8)
    let readme = try String(contentsOf: here.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
    let begin = try #require(source.range(of: "    // README ask/tell example: begin\n"))
    let end = try #require(source.range(of: "    // README ask/tell example: end\n"))
    let body = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
    #expect(readme.contains("```swift\nimport Foundation\nimport Evaluators\nimport Hyperfront\nimport Studies\n\n" + body + "```\n"))
}
