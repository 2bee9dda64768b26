import Foundation
import Hyperfront

/// Runs a user's own training command as a trial.
///
/// The command runs without a shell, in its own process group. It receives its parameters
/// three ways: as a JSON object on stdin, in the environment variable `HYPERFRONT_PARAMS`
/// (same JSON), and through `{name}` placeholders in its arguments, expanded in one pass (see
/// `substitute`: an argument whose placeholders all name inactive parameters is left out); plus `HYPERFRONT_TRIAL` (the trial number),
/// `HYPERFRONT_SEED` (a seed derived from the study seed) and `HYPERFRONT_RESULT` (a file it
/// may write its metrics to). It reports metrics as a JSON object on the last non-empty line of
/// stdout, or in that file (the file wins when both exist). Earlier stdout lines that are JSON
/// objects (`{"step": 3, "val_loss": 0.41}`) are kept as intermediate reports.
///
/// A trial fails — with its reason and the tail of its stderr — when the command cannot start,
/// exits non-zero or by a signal, outlives `timeout` (the whole group gets SIGTERM, then
/// SIGKILL), writes more than `maxOutputBytes`, reports no or invalid JSON, omits a metric the
/// scenario needs, or reports one that is not a finite number.
public final class CommandEvaluator: InterruptibleEvaluator, @unchecked Sendable {
    public let spec: CommandSpec
    public let space: SearchSpace
    /// Metrics every successful trial must report (finite).
    public let required: [String]
    public let metricNames: [String]
    /// Total stdout + stderr bytes a trial may write before it counts as a flood.
    public let maxOutputBytes: Int
    /// Intermediate reports kept per trial.
    public let maxIntermediate: Int

    private let lock = NSLock()
    private var running: Set<pid_t> = []
    private var interrupted = false
    /// Where result files go.
    private let resultDirectory: String

    /// The intermediate key that counts progress for early stopping (`early_stopping.resource`).
    public let progressKey: String?

    public init(spec: CommandSpec, space: SearchSpace, required: [String], maxOutputBytes: Int = 10 << 20,
                maxIntermediate: Int = 10_000, progressKey: String? = nil) throws(EvaluatorFactory.EvaluatorError) {
        self.progressKey = progressKey
        self.spec = spec
        self.space = space
        self.required = required
        self.metricNames = spec.metrics ?? required
        self.maxOutputBytes = maxOutputBytes
        self.maxIntermediate = maxIntermediate
        self.resultDirectory = NSTemporaryDirectory()
        try Self.validate(spec, space: space)
        // A trial that exits without reading its stdin must not take this process down with
        // SIGPIPE: the write then fails with EPIPE, which is handled. (Process-wide setting.)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Checks the placeholders and that the program can be found, before any trial runs.
    static func validate(_ spec: CommandSpec, space: SearchSpace) throws(EvaluatorFactory.EvaluatorError) {
        let names = Set(space.names)
        for arg in spec.command {
            for name in placeholders(in: arg) where !names.contains(name) {
                throw EvaluatorFactory.EvaluatorError("evaluator.command: the argument '\(arg)' names '{\(name)}', which is not a parameter of the search space (parameters: \(space.names.joined(separator: ", "))); write {name} with one of those names")
            }
        }
        let program = spec.command[0]
        if program.contains("/") {
            let path = program.hasPrefix("/") || spec.workdir == nil ? program : (spec.workdir! as NSString).appendingPathComponent(program)
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw EvaluatorFactory.EvaluatorError("evaluator.command: '\(program)' is not an executable file (looked at \(path)); give the program's path or a name on PATH, e.g. command: [python3, train.py]")
            }
        } else {
            let pathVar = spec.environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            let found = pathVar.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
            guard found else {
                throw EvaluatorFactory.EvaluatorError("evaluator.command: program '\(program)' was not found on PATH; install it or give its full path")
            }
        }
    }

    /// `{name}` placeholders in an argument.
    static func placeholders(in arg: String) -> [String] {
        var out: [String] = []
        var rest = arg[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) {
                out.append(String(name))
            }
            rest = rest[rest.index(after: open)...]
        }
        return out
    }

    /// `arg` with each `{name}` placeholder replaced by the parameter's value, in one pass from
    /// left to right: text that a value brings in is never expanded again (a value `{b}` stays
    /// `{b}`). A placeholder of an inactive parameter (one absent from `values`) becomes empty
    /// text; when every placeholder of the argument names an inactive parameter, the argument
    /// is left out altogether (nil), so `--momentum={momentum}` is not passed when momentum is
    /// inactive. An argument without placeholders is returned as it is.
    static func substitute(_ arg: String, _ values: [String: String]) -> String? {
        var out = ""
        var rest = arg[...]
        var found = 0, active = 0
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" {
                let name = rest[afterOpen..<close]
                if isPlaceholderName(name) {
                    found += 1
                    if let v = values[String(name)] { out += v; active += 1 }
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            out += "{"
            rest = rest[afterOpen...]
        }
        out += rest
        return found > 0 && active == 0 ? nil : out
    }

    private static func isPlaceholderName(_ name: Substring) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    public func interrupt() {
        lock.lock()
        interrupted = true
        let groups = running
        lock.unlock()
        for pid in groups { kill(-pid, SIGTERM) }
    }

    private var isInterrupted: Bool { lock.lock(); defer { lock.unlock() }; return interrupted }

    public func evaluate(_ request: TrialRequest) -> TrialOutcome {
        let parameters = request.parameters
        var values: [String: String] = [:]
        for (name, value) in parameters { values[name] = value.description }
        let json = "{" + parameters.map { "\(jsonQuote($0.name)): \($0.value.json)" }.joined(separator: ", ") + "}"
        let arguments = spec.command.enumerated().compactMap { index, arg -> String? in
            // The program itself is never a placeholder's to drop.
            guard arg.contains("{") else { return arg }
            return Self.substitute(arg, values) ?? (index == 0 ? "" : nil)
        }
        let resultFile = (resultDirectory as NSString).appendingPathComponent("hyperfront-\(getpid())-\(request.number)-\(UInt32.random(in: 0...UInt32.max)).json")
        unlink(resultFile)
        defer { unlink(resultFile) }
        var environment = spec.environment
        environment["HYPERFRONT_PARAMS"] = json
        environment["HYPERFRONT_TRIAL"] = String(request.number)
        environment["HYPERFRONT_SEED"] = String(request.seed)
        environment["HYPERFRONT_RESULT"] = resultFile

        var child = ChildProcess(arguments: arguments, environment: environment, workdir: spec.workdir,
                                 input: Array((json + "\n").utf8), timeout: spec.timeout)
        child.lineLimit = maxOutputBytes
        child.outputLimit = maxOutputBytes
        child.killGrace = spec.timeout.map { min(2, max(0.2, $0 / 10)) } ?? 2

        var intermediate: [[String: Double]] = []
        var last: [UInt8] = []
        var lastFields: [(String, Double?)]? = nil
        var pid: pid_t = 0
        var stopRequested = false
        let result = child.run(
            onStart: { p in
                pid = p
                lock.lock(); running.insert(p); let stop = interrupted; lock.unlock()
                if stop { kill(-p, SIGTERM) }
            },
            isCancelled: { stopRequested || isInterrupted },
            onLine: { line in
                guard let first = line.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { return }
                if let f = lastFields, intermediate.count < maxIntermediate {
                    var d: [String: Double] = [:]
                    for (k, v) in f { if let v { d[k] = v } }
                    intermediate.append(d)
                }
                last = Array(line.prefix(4096))
                lastFields = line[first] == UInt8(ascii: "{") ? JSONLine.parseObject(line) : nil
                // Progress lines reach the scheduler as they are printed; a stop ends the group.
                if let f = lastFields, !stopRequested, let step = Self.progressStep(f, progressKey: progressKey) {
                    var d: [String: Double] = [:]
                    for (k, v) in f { if let v { d[k] = v } }
                    if request.reportProgress(step: step, d) { stopRequested = true }
                }
            })
        if pid != 0 { lock.lock(); running.remove(pid); lock.unlock() }

        func fail(_ reason: String) -> TrialOutcome {
            var text = reason
            if !result.stderrTail.isEmpty {
                let tail = String(decoding: result.stderrTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !tail.isEmpty {
                    text += "\n--- stderr" + (result.stderrBytes > result.stderrTail.count ? " (last \(result.stderrTail.count) of \(result.stderrBytes) bytes)" : "") + " ---\n" + tail
                }
            }
            return .failed(text, intermediate: intermediate)
        }

        switch result.ending {
        case .couldNotStart(let why): return fail(why)
        case .cancelled: return fail(stopRequested ? "stopped by the scheduler" : "interrupted")
        case .outputLimit:
            return fail("output flood: wrote more than \(Self.bytes(maxOutputBytes)) on stdout and stderr, the limit (its process group was killed then); print less, or send logs to a file")
        case .timedOut: return fail("timed out after \(Self.seconds(spec.timeout ?? 0)) (its process group was killed)")
        case .signaled(let s): return fail("killed by signal \(s)\(Self.signalName(s).map { " (\($0))" } ?? "")")
        case .exited(let code) where code != 0: return fail("exited with status \(code)")
        case .exited: break
        }

        let fields: [(String, Double?)]
        if let data = FileManager.default.contents(atPath: resultFile), !data.isEmpty {
            guard let f = JSONLine.parseObject(data) else {
                return fail("the result file (HYPERFRONT_RESULT) does not hold one JSON object: '\(Self.excerpt(Array(data)))'")
            }
            fields = f
            if let lf = lastFields {
                // The last stdout line was an intermediate report too.
                var d: [String: Double] = [:]
                for (k, v) in lf { if let v { d[k] = v } }
                if intermediate.count < maxIntermediate { intermediate.append(d) }
            }
        } else if let f = lastFields {
            fields = f
        } else if last.isEmpty {
            return fail("printed nothing on stdout and wrote no result file; print the metrics as one JSON line, e.g. {\"\(required.first ?? "val_loss")\": 0.41}")
        } else {
            return fail("the last line of stdout is not a JSON object: '\(Self.excerpt(last))'; print the metrics as one JSON line last, e.g. {\"\(required.first ?? "val_loss")\": 0.41}")
        }

        var metrics: [String: Double] = [:]
        var nonNumeric: [String] = []
        for (k, v) in fields { if let v { metrics[k] = v } else { nonNumeric.append(k) } }
        let missing = required.filter { metrics[$0] == nil }
        if !missing.isEmpty {
            let bad = missing.filter(nonNumeric.contains)
            let reason = bad.isEmpty ? "did not report \(missing.joined(separator: ", "))" : "reported a non-number for \(bad.joined(separator: ", "))"
            return fail(reason + " (reported: \(fields.map(\.0).joined(separator: ", ")))")
        }
        if let bad = required.first(where: { !metrics[$0]!.isFinite }) {
            return fail("reported \(Self.nonFinite(metrics[bad]!)) for \(bad)")
        }
        return TrialOutcome(metrics: metrics, intermediate: intermediate)
    }

    static func nonFinite(_ v: Double) -> String { v.isNaN ? "NaN" : (v > 0 ? "Infinity" : "-Infinity") }

    static func excerpt(_ bytes: [UInt8]) -> String {
        let s = String(decoding: bytes.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return bytes.count > 200 ? s + "…" : s
    }

    static func bytes(_ n: Int) -> String {
        n >= 1 << 20 ? String(format: "%.1f MB", Double(n) / 1048576) : n >= 1024 ? String(format: "%.1f kB", Double(n) / 1024) : "\(n) bytes"
    }

    static func seconds(_ s: Double) -> String {
        s >= 60 && s.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(s / 60))m" : "\(formatNumber(s))s"
    }

    static func signalName(_ s: Int32) -> String? {
        [SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGTERM: "SIGTERM", SIGBUS: "SIGBUS",
         SIGFPE: "SIGFPE", SIGILL: "SIGILL", SIGINT: "SIGINT", SIGPIPE: "SIGPIPE"][s]
    }
}
