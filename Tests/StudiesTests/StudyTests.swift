import Foundation
import Testing
import Hyperfront
import Store
@testable import Studies

/// A 25-point grid (two variables, 5 values each) whose scenario asks for 100 trials.
private func gridScenario() throws -> Scenario {
    try ScenarioLoader.parse("""
        name: grid
        evaluator: {benchmark: zdt1, variables: 2}
        objectives: [{metric: f1}, {metric: f2}]
        search: {algorithm: grid, trials: 100, grid_points: 5, seed: 3}
        """)
}

@Test func aGridStartedWithFewerTrialsResumesAndGrowsToTheWholeGrid() throws {
    let path = temporaryStudyPath()
    let scenario = try gridScenario()
    let first = try Study.create(scenario: scenario, at: path, overrides: .init(trials: 10))
    #expect(first.settings.trials == 10 && first.settings.samplerBudget == 10)
    #expect(try first.run().finished == 10)
    try first.close()
    let before = try Study.open(at: path).trials()

    // Resumed as it is: nothing to do, nothing differs.
    let again = try Study.resume(scenario: scenario, at: path)
    #expect(again.settings.trials == 10)
    let noop = try again.run()
    #expect(noop.finished == 0 && noop.reused == 10 && noop.counts[.complete] == 10)
    try again.close()

    // A larger budget continues the same visiting order up to the whole grid.
    let grown = try Study.resume(scenario: scenario, at: path, overrides: .init(trials: 25))
    #expect(grown.settings.samplerBudget == 10)
    let summary = try grown.run()
    #expect(summary.finished == 15 && summary.reused == 10)
    let trials = try grown.trials()
    try grown.close()
    #expect(trials.count == 25 && Set(trials.map(\.configuration)).count == 25)
    #expect(Array(trials.prefix(10)).map(\.configuration) == before.map(\.configuration))
}

@Test func aResumedStudyKeepsItsSeedAlgorithmAndPipelineUnlessTheyMatch() throws {
    let scenario = try gridScenario()
    let stored = Study.StoredSettings(seed: 9, trials: 40, pipelineDepth: 3, algorithm: "random", samplerBudget: 20)
    let kept = try Study.resolve(scenario, stored: stored, overrides: .init(workers: 4))
    #expect(kept == Study.Settings(seed: 9, trials: 40, workers: 4, pipelineDepth: 3, algorithm: "random", samplerBudget: 20))
    let matching = try Study.resolve(scenario, stored: stored, overrides: .init(seed: 9, trials: 60, pipelineDepth: 3, algorithm: "random"))
    #expect(matching.trials == 60 && matching.samplerBudget == 20)
    #expect(throws: StudyError.self) { try Study.resolve(scenario, stored: stored, overrides: .init(seed: 1)) }
    #expect(throws: StudyError.self) { try Study.resolve(scenario, stored: stored, overrides: .init(algorithm: "grid")) }
    #expect(throws: StudyError.self) { try Study.resolve(scenario, stored: stored, overrides: .init(pipelineDepth: 0)) }
    // A first-release study recorded neither: its scenario's algorithm, its budget as the sampler's.
    let old = try Study.resolve(scenario, stored: .init(seed: 3, trials: 10), overrides: .init(trials: 25))
    #expect(old.algorithm == "grid" && old.samplerBudget == 10 && old.trials == 25)
    // A new study: the overrides, else the scenario.
    let new = try Study.resolve(scenario, stored: nil, overrides: .init(seed: 5, algorithm: "random"))
    #expect(new == Study.Settings(seed: 5, trials: 100, workers: 1, pipelineDepth: 0, algorithm: "random", samplerBudget: 100))
}

@Test func workersAreBoundedAndTheMessageSaysWhatToWrite() throws {
    let scenario = try gridScenario()
    // 0 (no trial run by the coordinator) is for a study in PostgreSQL only.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).sqlite").path
    do {
        _ = try Study.create(scenario: scenario, at: file, overrides: .init(workers: 0))
        Issue.record("--workers 0 was accepted for a study file")
    } catch { #expect(error.description.contains("--workers 0 leaves every trial to 'hyperfront worker' processes")) }
    #expect(!FileManager.default.fileExists(atPath: file))
    for bad in [-1, Study.maximumWorkers + 1, 100_000] {
        do {
            _ = try Study.resolve(scenario, stored: nil, overrides: .init(workers: bad))
            Issue.record("--workers \(bad) was accepted")
        } catch {
            #expect(error.description.contains("--workers must be a whole number from 1 to \(Study.maximumWorkers) (or 0 with a study in PostgreSQL), got \(bad)"))
            #expect(error.description.contains("write e.g. --workers \(Study.suggestedWorkers) "))
        }
    }
    var yaml = scenario
    yaml.search.workers = 5000
    #expect(throws: StudyError.self) { try Study.resolve(yaml, stored: nil, overrides: .init()) }
    #expect(try Study.resolve(yaml, stored: nil, overrides: .init(workers: 2)).workers == 2)
    #expect(Study.maximumWorkers == SearchSettings.maximumWorkers)
}

@Test func theDefaultStudyPathStaysInsideRuns() throws {
    #expect(Study.fileName(for: "../../escaped") == "escaped")
    #expect(Study.fileName(for: "a/b") == "a-b")
    #expect(Study.fileName(for: "/etc/passwd") == "etc-passwd")
    #expect(Study.fileName(for: "..") == "study")
    #expect(Study.fileName(for: "") == "study")
    #expect(Study.fileName(for: "-rf") == "rf")
    #expect(Study.fileName(for: "digits mlp\\v2") == "digits-mlp-v2")
    #expect(Study.fileName(for: "zdt1.v2_ok") == "zdt1.v2_ok")
    #expect(Study.fileName(for: String(repeating: "x", count: 300)).count == 100)
    var s = try gridScenario()
    s.name = "../../escaped"
    #expect(Study.defaultPath(for: s) == "runs/escaped.sqlite")
}

@Test func aStudyFolderThatCannotBeMadeIsNamed() throws {
    let scenario = try gridScenario()
    do {
        _ = try Study.create(scenario: scenario, at: "/dev/null/sub/x.sqlite")
        Issue.record("created a study under /dev/null")
    } catch {
        guard case .unwritable(let why) = error else { Issue.record("\(error)"); return }
        #expect(why.contains("/dev/null is a file, not a folder"))
        #expect(!why.contains("not a Hyperfront study file"))
    }
}

@Test func aStudyOpenedToBeReadDoesNotRunAndTakesNoLock() throws {
    let path = temporaryStudyPath()
    let made = try Study.create(scenario: gridScenario(), at: path, overrides: .init(trials: 5))
    _ = try made.run()
    try made.close()
    let read = try Study.open(at: path)
    #expect(try read.counts()[.complete] == 5)
    #expect(read.settings.trials == 5 && read.settings.algorithm == "grid")
    #expect(throws: StudyError.self) { try read.run() }
    #expect(try read.front().allSatisfy { $0.state == .complete })
    // The stored scenario is enough to continue.
    let resumed = try Study.resume(at: path, overrides: .init(trials: 7))
    #expect(try resumed.run().finished == 2)
    try resumed.close()
}

@Test func createRefusesAnExistingStudyAndResumeAMissingOne() throws {
    let path = temporaryStudyPath()
    let scenario = try gridScenario()
    #expect(throws: StudyError.self) { try Study.resume(scenario: scenario, at: path) }
    let made = try Study.resume(scenario: scenario, at: path, overrides: .init(trials: 3), createIfMissing: true)
    #expect(!made.resumed)
    try made.close()
    do {
        _ = try Study.create(scenario: scenario, at: path)
        Issue.record("overwrote a study")
    } catch {
        #expect(error.description.contains("already exists"))
    }
}
