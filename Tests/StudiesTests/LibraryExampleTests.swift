import Foundation
import Testing
import Hyperfront
import Studies

/// The README's "Use it as a library" example, run as it is written there (the lines between
/// the markers are the README's, indented by four spaces; `theReadmeShowsThisExample` keeps
/// them the same).
@Test func readmeLibraryExample() throws {
    // README example: begin
    let scenario = try ScenarioLoader.parse("""
        name: zdt1-library
        evaluator: {benchmark: zdt1, variables: 6}
        objectives: [{metric: f1}, {metric: f2}]
        search: {algorithm: nsga2, population: 20, trials: 200, seed: 7}
        """)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("zdt1-library.sqlite").path
    try? FileManager.default.removeItem(atPath: path)

    // Run 200 trials, then continue the same study to 400.
    let study = try Study.create(scenario: scenario, at: path)
    let first = try study.run()
    try study.close()
    let resumed = try Study.resume(scenario: scenario, at: path, overrides: .init(trials: 400))
    let second = try resumed.run(progress: { p in
        if p.finished % 100 == 0 { print("\(p.finished) more trials, front \(p.frontSize)") }
    })
    try resumed.close()

    // Read it back: the feasible Pareto front, best f1 first.
    let front = try Study.open(at: path).front()
    print("\(first.finished) + \(second.finished) trials, \(front.count) on the front")
    for t in front.prefix(3) { print("trial \(t.number): f1 = \(t.metrics[0]), f2 = \(t.metrics[1])") }
    // README example: end
    #expect(first.finished == 200 && second.finished == 200 && second.reused == 200)
    #expect(!front.isEmpty && front.allSatisfy { $0.state == .complete })
    #expect(try Study.open(at: path).counts()[.complete] == 400)
}

@Test func theReadmeShowsThisExample() throws {
    let here = URL(fileURLWithPath: #filePath)
    let source = try String(contentsOf: here, encoding: .utf8)
    let readme = try String(contentsOf: here.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
    let begin = try #require(source.range(of: "    // README example: begin\n"))
    let end = try #require(source.range(of: "    // README example: end\n"))
    let body = source[begin.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
    #expect(body.count > 500)
    #expect(readme.contains("```swift\nimport Foundation\nimport Hyperfront\nimport Studies\n\n" + body + "```\n"))
}
