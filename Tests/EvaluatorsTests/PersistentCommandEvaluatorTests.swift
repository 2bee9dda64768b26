import Foundation
import Testing
import Hyperfront
@testable import Evaluators

private let space = SearchSpace(parameters: [
    Parameter(name: "mode", domain: .categorical([.string("ok"), .string("crash"), .string("hang"), .string("garbage"),
                                                  .string("leave"), .string("nofinish"), .string("raise")])),
])

/// A worker script using the Python client; what it does depends on the trial's `mode`.
private let worker = """
import os, sys, time, hyperfront
for t in hyperfront.trials():
    mode = t.params["mode"]
    print("trial", t.number, "mode", mode)
    t.report(1, loss=0.5)
    if mode == "crash":
        os._exit(3)
    if mode == "hang":
        time.sleep(600)
    if mode == "garbage":
        os.write(hyperfront._client._state["transport"].out.fileno(), b"this is not json\\n")
        time.sleep(600)
    if mode == "nofinish":
        continue
    if mode == "raise":
        raise ValueError("bad trial %d" % t.number)
    t.finish(loss=0.25, pid=os.getpid())
    if mode == "leave":
        break
"""

private final class Fixture: @unchecked Sendable {
    let directory: String
    let evaluator: PersistentCommandEvaluator
    let marker: String

    init(timeout: Double? = nil) throws {
        marker = "hfworker-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        directory = NSTemporaryDirectory() + marker
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = directory + "/worker.py"
        try worker.write(toFile: script, atomically: true, encoding: .utf8)
        let spec = CommandSpec(command: [systemPython!, script], timeout: timeout,
                               environment: ["PYTHONPATH": repositoryRoot + "/python"], persistent: true)
        evaluator = try PersistentCommandEvaluator(spec: spec, space: space, required: ["loss"])
        evaluator.shutdownGrace = 0.5
    }

    func run(_ number: Int, _ mode: Int) -> TrialOutcome {
        evaluator.evaluate(TrialRequest(number: number, seed: 1, configuration: Configuration([Double(mode)]), space: space))
    }

    /// Processes still running this fixture's worker script.
    var leftover: Int { EvaluatorsTests.leftover(marker) }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

@Suite(.enabled(if: systemPython != nil, "python3 is needed for the persistent worker tests"), .serialized)
struct PersistentCommandEvaluatorTests {
    @Test func oneProcessServesTrialAfterTrial() throws {
        let f = try Fixture()
        let outcomes = (0..<5).map { f.run($0, 0) }
        #expect(outcomes.allSatisfy { $0.state == .complete && $0.metrics["loss"] == 0.25 })
        #expect(Set(outcomes.compactMap { $0.metrics["pid"] }).count == 1)
        #expect(outcomes[0].intermediate == [["step": 1, "loss": 0.5]])
        f.evaluator.shutdown()
        #expect(f.leftover == 0)
    }

    /// Each failure loses only its own trial; the next trial runs (in a new process where the
    /// old one had to go); no process is left behind.
    @Test func failureMatrix() throws {
        let f = try Fixture(timeout: 3)
        let first = f.run(0, 0)
        let pid0 = first.metrics["pid"]
        #expect(first.state == .complete)

        let crash = f.run(1, 1)
        #expect(crash.state == .failed && crash.failure!.contains("exited with status 3 during the trial"), "\(crash.failure ?? "")")
        #expect(crash.failure!.contains("trial 1 mode crash"))       // the stderr tail: the script's print
        #expect(crash.intermediate.count == 1)
        let afterCrash = f.run(2, 0)
        #expect(afterCrash.state == .complete && afterCrash.metrics["pid"] != pid0)

        let hang = f.run(3, 2)
        #expect(hang.state == .failed && hang.failure!.contains("timed out after 3s"), "\(hang.failure ?? "")")
        #expect(f.run(4, 0).state == .complete)

        let garbage = f.run(5, 3)
        #expect(garbage.state == .failed && garbage.failure!.contains("not a protocol message: 'this is not json'"), "\(garbage.failure ?? "")")
        #expect(f.run(6, 0).state == .complete)

        // Exits cleanly after its trial: the next trial is not lost.
        let leave = f.run(7, 4)
        #expect(leave.state == .complete)
        let afterLeave = f.run(8, 0)
        #expect(afterLeave.state == .complete && afterLeave.metrics["pid"] != leave.metrics["pid"], "\(afterLeave.failure ?? "")")

        // Never calls finish: failed, and the same process takes the next trial.
        let nofinish = f.run(9, 5)
        #expect(nofinish.state == .failed && nofinish.failure!.contains("ended without trial.finish"), "\(nofinish.failure ?? "")")
        let afterNofinish = f.run(10, 0)
        #expect(afterNofinish.state == .complete && afterNofinish.metrics["pid"] == afterLeave.metrics["pid"])

        // An exception: failed with its traceback; a new process takes the next trial.
        let raised = f.run(11, 6)
        #expect(raised.state == .failed && raised.failure!.contains("ValueError: bad trial 11") && raised.failure!.contains("Traceback"), "\(raised.failure ?? "")")
        let afterRaise = f.run(12, 0)
        #expect(afterRaise.state == .complete && afterRaise.metrics["pid"] != afterNofinish.metrics["pid"])

        f.evaluator.shutdown()
        #expect(f.leftover == 0)
    }

    @Test func severalWorkersAtOnceAndInterrupt() throws {
        let f = try Fixture()
        let results = Mutex2<[TrialOutcome]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let o = f.run(i, 0)
            results.with { $0.append(o) }
        }
        let all = results.with { $0 }
        #expect(all.count == 8 && all.allSatisfy { $0.state == .complete })
        #expect(Set(all.compactMap { $0.metrics["pid"] }).count <= 8)
        f.evaluator.interrupt()
        #expect(f.run(9, 0).failure == "interrupted")
        usleep(300_000)
        #expect(f.leftover == 0)
    }

    @Test func aCommandThatIsNotAWorkerFailsItsTrialWithTheLine() throws {
        let spec = CommandSpec(command: ["sh", "-c", "echo hello; sleep 5"], persistent: true)
        let ev = try PersistentCommandEvaluator(spec: spec, space: space, required: ["loss"])
        let o = ev.evaluate(TrialRequest(number: 0, seed: 1, configuration: Configuration([0]), space: space))
        #expect(o.state == .failed && o.failure!.contains("not a protocol message: 'hello'"))
    }
}

/// A lock-protected value for the concurrent test.
private final class Mutex2<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ v: T) { value = v }
    func with<R>(_ body: (inout T) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
