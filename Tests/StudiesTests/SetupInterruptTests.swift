import Foundation
import Testing
import Hyperfront
import IntegerPrograms
@testable import Studies

/// A cancelled `SolveCancellation` (what Ctrl-C sets) stops the budgets' integer programs of a
/// study: the set-up of a new study throws `.interrupted` and makes no file; a run stops before
/// its seeding solves, as if asked to stop, with no trial stored.
private func budgeted() throws -> Scenario {
    try ScenarioLoader.parse("""
        name: budget
        evaluator: {command: [sh, -c, 'echo "{\\"error\\": 1}"'], metrics: [error]}
        space:
          layers: {int: [1, 5]}
          units:  {choice: [16, 32, 64, 128, 256, 512]}
        resources:
          params: "64*units + units + (layers-1)*(units*units + units) + 10*units + 10"
        objectives: [{metric: error}, {metric: params}]
        constraints: [{metric: params, max: 60000}]
        search: {algorithm: nsga2, population: 12, trials: 24, seed: 3}
        """, path: "budget.yaml")
}

@Test func aCancelledSetUpMakesNoStudyFile() throws {
    let path = temporaryStudyPath()
    let cancelled = SolveCancellation()
    cancelled.cancel()
    #expect {
        _ = try Study.create(scenario: try budgeted(), at: path, cancellation: cancelled)
    } throws: { error in
        guard let e = error as? StudyError, case .interrupted = e else { return false }
        return !e.isBadInput
    }
    #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func aRunCancelledDuringItsSeedingStopsWithNoTrial() throws {
    let path = temporaryStudyPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let cancellation = SolveCancellation()
    let study = try Study.create(scenario: try budgeted(), at: path, cancellation: cancellation)
    cancellation.cancel()
    let summary = try study.run()
    #expect(summary.stoppedEarly == "stopped")
    #expect(summary.finished == 0)
    #expect(try study.trials().isEmpty)
    try study.close()
}
