import Foundation
import Testing

/// Ctrl-C (or SIGTERM) while a run sets up its budgets — the seeding solves and the repairs of
/// the first proposals, which take about 20 s here in a debug build — stops the run within a
/// moment with exit code 130, and leaves a study file that reads and resumes.
@Suite struct BudgetSetupInterruptTests {
    /// Twelve ordinal parameters and a budget over the products of neighbouring triples: every
    /// repair of the first 96 proposals is an integer program of 10 tables of 216 cells.
    static func scenario(in dir: URL) throws -> String {
        let names = (0..<12).map { "p\($0)" }
        let formula = (0..<10).map { "\(names[$0])*\(names[$0 + 1])*\(names[$0 + 2])" }.joined(separator: " + ")
        let path = dir.appendingPathComponent("triple.yaml").path
        try """
        name: triple
        evaluator:
          command: [sh, -c, 'echo "{\\"f1\\": 1}"']
          metrics: [f1]
        space:
        \(names.map { "  \($0): {choice: [1, 2, 3, 4, 6, 8]}" }.joined(separator: "\n"))
        resources:
          flops: "\(formula)"
        objectives: [{metric: f1}, {metric: flops}]
        constraints:
          - {metric: flops, max: 400}
        search: {algorithm: nsga2, population: 96, trials: 96, seed: 7, workers: 1}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptStopsTheBudgetSetUp(signal: Int32) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-setup-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = try Self.scenario(in: dir)
        let study = dir.appendingPathComponent("s.sqlite").path
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["run", scenario, "--study", study, "--quiet"]
        p.currentDirectoryURL = CLI.packageRoot
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        // Spawned with no signal blocked, as from a shell (the test runner's threads block most).
        var none = sigset_t(), previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try p.run()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        // The study file exists once the study is made; then the run seeds and repairs.
        let appeared = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: study) && p.isRunning && Date() < appeared { usleep(20_000) }
        usleep(500_000)
        #expect(p.isRunning, "the run ended before its budget set-up could be interrupted")
        let sent = Date()
        kill(p.processIdentifier, signal)
        let limit = sent.addingTimeInterval(5)
        while p.isRunning && Date() < limit { usleep(20_000) }
        let stopped = !p.isRunning
        if !stopped { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        #expect(stopped, "still setting up budgets 5 s after the signal")
        #expect(p.terminationReason == .exit && p.terminationStatus == 130)
        // The study is intact: it reads.
        let status = try CLI.run(["status", study])
        #expect(status.status == 0, "\(status.stderr)")
    }
}
