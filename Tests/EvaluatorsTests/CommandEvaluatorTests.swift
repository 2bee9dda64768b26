import Foundation
import Testing
import Hyperfront
@testable import Evaluators

private let space = SearchSpace(parameters: [
    Parameter(name: "x", domain: .float(lower: 0, upper: 1, log: false, step: nil)),
    Parameter(name: "mode", domain: .categorical([.string("a"), .string("b")])),
])

private func evaluate(_ script: String, timeout: Double? = nil, x: Double = 0.25, number: Int = 7,
                      maxOutput: Int = 10 << 20) throws -> TrialOutcome {
    let spec = CommandSpec(command: ["sh", "-c", script, "sh", "{x}", "{mode}"], timeout: timeout, environment: ["EXTRA": "e"])
    let ev = try CommandEvaluator(spec: spec, space: space, required: ["f1", "f2"], maxOutputBytes: maxOutput)
    return ev.evaluate(TrialRequest(number: number, seed: 42, configuration: Configuration([x, 1]), space: space))
}


@Test func parametersArriveOnStdinEnvironmentAndPlaceholders() throws {
    let o = try evaluate(#"""
        read line; echo "$line"; echo "{\"step\": 1, \"loss\": 0.5}"
        echo "{\"f1\": $1, \"f2\": $HYPERFRONT_TRIAL, \"seed\": $HYPERFRONT_SEED, \"mode\": \"$2\", \"p\": $HYPERFRONT_PARAMS}"
        """#)
    #expect(o.state == .complete)
    #expect(o.metrics["f1"] == 0.25 && o.metrics["f2"] == 7 && o.metrics["seed"] == 42)
    // The stdin line and the step line are intermediate reports; the last line is the result.
    #expect(o.intermediate.count == 2)
    #expect(o.intermediate[0] == ["x": 0.25])
    #expect(o.intermediate[1] == ["step": 1, "loss": 0.5])
}

@Test func resultFileWinsOverStdout() throws {
    let o = try evaluate(#"echo '{"f1": 9, "f2": 9}'; echo "{\"f1\": 2, \"f2\": 3, \"e\": \"$EXTRA\"}" > "$HYPERFRONT_RESULT""#)
    #expect(o.state == .complete && o.metrics["f1"] == 2 && o.metrics["f2"] == 3)
    #expect(o.intermediate == [["f1": 9, "f2": 9]])
}

@Test func failuresAreRecordedWithReasonAndStderrTail() throws {
    let cases: [(String, Double?, String)] = [
        ("echo dying >&2; kill -SEGV $$", nil, "killed by signal 11 (SIGSEGV)"),
        ("echo 'Traceback: boom' >&2; exit 3", nil, "exited with status 3"),
        ("echo hello world", nil, "the last line of stdout is not a JSON object: 'hello world'"),
        ("true", nil, "printed nothing on stdout"),
        (#"echo '{"f1": 1}'"#, nil, "did not report f2"),
        (#"echo '{"f1": "high", "f2": 1}'"#, nil, "reported a non-number for f1"),
        (#"echo '{"f1": NaN, "f2": 1}'"#, nil, "reported NaN for f1"),
        (#"echo '{"f1": 1, "f2": -Infinity}'"#, nil, "reported -Infinity for f2"),
        ("exec sleep 31.1", 0.3, "timed out after 0.3s"),
    ]
    for (script, timeout, reason) in cases {
        let o = try evaluate(script, timeout: timeout)
        #expect(o.state == .failed, "\(script)")
        #expect(o.failure?.hasPrefix(reason) == true, "\(script): \(o.failure ?? "nil")")
    }
    let nonZero = try evaluate("echo 'Traceback: boom' >&2; exit 3")
    #expect(nonZero.failure?.hasSuffix("--- stderr ---\nTraceback: boom") == true)
    #expect(leftover("sleep 31.1") == 0)
}

@Test func floodIsDrainedCappedAndFailed() throws {
    // 100 MB on stdout without a newline, then 1 MB on stderr: kept bounded, never blocks.
    let o = try evaluate(#"head -c 104857600 /dev/zero | tr '\0' x; head -c 1048576 /dev/zero | tr '\0' y >&2; echo '{"f1": 1, "f2": 1}'"#)
    #expect(o.state == .failed)
    #expect(o.failure?.hasPrefix("output flood: wrote more than 10.0 MB on stdout and stderr, the limit") == true)
    #expect(o.failure!.count < 5000)
}

@Test func aTrialThatWritesForeverIsStoppedAtTheLimit() throws {
    // No timeout: without a limit enforced while reading, these would run forever.
    for script in ["exec yes hf-flood-out-7", "exec yes hf-flood-err-7 >&2", "yes hf-flood-both-7 & exec yes hf-flood-both-7 >&2"] {
        let o = try evaluate(script, maxOutput: 1 << 20)
        #expect(o.state == .failed, "\(script)")
        #expect(o.failure?.hasPrefix("output flood: wrote more than 1.0 MB") == true, "\(script): \(o.failure ?? "nil")")
    }
    #expect(leftover("hf-flood-") == 0)
}

@Test func placeholdersAreExpandedOnceFromLeftToRight() {
    #expect(CommandEvaluator.substitute("{a}{b}", ["a": "{b}", "b": "{a}"]) == "{b}{a}")
    #expect(CommandEvaluator.substitute("--x={a}-{a}", ["a": "{a}"]) == "--x={a}-{a}")
    #expect(CommandEvaluator.substitute("{{a}} {not a name} {}", ["a": "1"]) == "{1} {not a name} {}")
    #expect(CommandEvaluator.substitute("plain", [:]) == "plain")
}

@Test func anArgumentOfInactiveParametersOnlyIsLeftOut() {
    // momentum inactive (absent): its argument is not passed; mixed arguments keep the active parts.
    #expect(CommandEvaluator.substitute("--momentum={momentum}", ["lr": "0.1"]) == nil)
    #expect(CommandEvaluator.substitute("{momentum}{nesterov}", ["lr": "0.1"]) == nil)
    #expect(CommandEvaluator.substitute("--opt={lr}:{momentum}", ["lr": "0.1"]) == "--opt=0.1:")
    #expect(CommandEvaluator.substitute("--momentum=", [:]) == "--momentum=")
}

@Test func commandLineOfATrialWithAnInactiveParameter() throws {
    let conditional = SearchSpace(parameters: [
        Parameter(name: "optimizer", domain: .categorical([.string("sgd"), .string("adam")])),
        Parameter(name: "momentum", domain: .float(lower: 0, upper: 1, log: false, step: nil),
                  condition: Condition(clauses: [.init(parameter: 0, allowed: [0])])),
        Parameter(name: "a", domain: .categorical([.string("{b}")])),
        Parameter(name: "b", domain: .categorical([.string("{a}")])),
    ])
    let spec = CommandSpec(command: ["sh", "-c", #"printf '%s|' "$@"; echo; echo '{"f": 1}'"#, "sh",
                                     "--optimizer={optimizer}", "--momentum={momentum}", "{a}{b}", "end"])
    let ev = try CommandEvaluator(spec: spec, space: conditional, required: ["f"])
    let o = ev.evaluate(TrialRequest(number: 1, seed: 1, configuration: Configuration([1, .nan, 0, 0]), space: conditional))
    #expect(o.state == .complete, "\(o.failure ?? "")")
    #expect(try argumentLine(ev, conditional, [1, .nan, 0, 0]) == "--optimizer=adam|{b}{a}|end|")
    #expect(try argumentLine(ev, conditional, [0, 0.5, 0, 0]) == "--optimizer=sgd|--momentum=0.5|{b}{a}|end|")
}

/// The arguments a trial of `ev` received, as printed by its command on stderr.
private func argumentLine(_ ev: CommandEvaluator, _ space: SearchSpace, _ values: [Double]) throws -> String {
    let spec = CommandSpec(command: ["sh", "-c", #"printf '%s|' "$@" >&2; exit 1"#, "sh"] + Array(ev.spec.command.dropFirst(4)))
    let probe = try CommandEvaluator(spec: spec, space: space, required: ["f"])
    let o = probe.evaluate(TrialRequest(number: 1, seed: 1, configuration: Configuration(values), space: space))
    guard let failure = o.failure, let r = failure.range(of: "--- stderr ---\n") else { return "" }
    return String(failure[r.upperBound...])
}

@Test func aForkedChildThatHangsIsKilledWithItsGroup() throws {
    // The trial forks a helper and both hang: the timeout kills the whole group.
    let o = try evaluate("sleep 31.3 & sleep 31.3; wait", timeout: 0.3)
    #expect(o.failure?.hasPrefix("timed out") == true)
    // The trial reports and exits but leaves a helper behind holding stdout: it is killed.
    let p = try evaluate(#"echo '{"f1": 1, "f2": 2}'; sleep 31.4 &"#)
    #expect(p.state == .complete && p.metrics["f2"] == 2)
    usleep(100_000)
    #expect(leftover("sleep 31.3") == 0)
    #expect(leftover("sleep 31.4") == 0)
}

@Test func aGrandchildThatLeavesTheGroupEndsWithItsTrial() throws {
    // setsid puts the sleeper in a session (and group) of its own: a group kill misses it.
    let done = try evaluate(#"setsid sleep 1001.51 & sleep 0.2; echo '{"f1": 1, "f2": 2}'"#)
    #expect(done.state == .complete)
    let timedOut = try evaluate("setsid sleep 1001.52 & exec sleep 1001.53", timeout: 0.5)
    #expect(timedOut.failure?.hasPrefix("timed out") == true)
    let flood = try evaluate("setsid sleep 1001.54 & exec yes", maxOutput: 1 << 16)
    #expect(flood.failure?.hasPrefix("output flood") == true)
    for marker in ["sleep 1001.51", "sleep 1001.52", "sleep 1001.53", "sleep 1001.54"] {
        #expect(leftover(marker) == 0, "\(marker) outlived its trial")
    }
}

@Test func aProgramThatCannotStartSaysWhy() throws {
    let spec = CommandSpec(command: ["./not-here-hf"], workdir: "/tmp")
    let ev = try? CommandEvaluator(spec: spec, space: space, required: ["f1"])
    #expect(ev == nil)  // refused before any trial
    var child = ChildProcess(arguments: ["/nonexistent/hf-program"], environment: [:], workdir: nil, input: [], timeout: nil)
    child.killGrace = 0.2
    let r = child.run(onStart: { _ in }, isCancelled: { false }, onLine: { _ in })
    #expect(r.ending == .couldNotStart("cannot start '/nonexistent/hf-program': No such file or directory"))
    child.arguments = ["/bin/true"]
    child.workdir = "/nonexistent-hf-dir"
    let w = child.run(onStart: { _ in }, isCancelled: { false }, onLine: { _ in })
    #expect(w.ending == .couldNotStart("cannot start '/bin/true': No such file or directory (in /nonexistent-hf-dir)"))
}

@Test func badCommandsAreRefusedBeforeAnyTrial() throws {
    #expect(throws: EvaluatorFactory.EvaluatorError.self) {
        _ = try CommandEvaluator(spec: CommandSpec(command: ["no-such-program-hf"]), space: space, required: [])
    }
    do {
        _ = try CommandEvaluator(spec: CommandSpec(command: ["sh", "{epochs}"]), space: space, required: [])
        Issue.record("expected an error")
    } catch { #expect(error.description.contains("'{epochs}', which is not a parameter")) }
}

@Test func jsonLineReadsNumbersAndPythonSpecialValues() {
    let f = JSONLine.parseObject(Array(#" {"a": 1.5e2, "b": NaN, "c": [1, {"d": 2}], "e": "s\"x", "g": -Infinity, "h": null} "#.utf8))
    #expect(f?.count == 6)
    #expect(f?[0].1 == 150 && f?[1].1?.isNaN == true && f?[2].1 == nil && f?[4].1 == -.infinity)
    #expect(JSONLine.parseObject(Array(#"{"a": 1} trailing"#.utf8)) == nil)
    #expect(JSONLine.parseObject(Array(#"{"a": }"#.utf8)) == nil)
    #expect(JSONLine.parseObject(Array("[1, 2]".utf8)) == nil)
}
