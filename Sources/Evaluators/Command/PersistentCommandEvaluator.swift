import Foundation
import Hyperfront

/// Runs a user's command as long-lived workers (`evaluator: {command: [...], persistent: true}`):
/// one process per concurrent trial, kept between trials and handed one trial after another
/// over JSON lines (docs/trial-protocol.md), so interpreter and library start-up are paid once
/// per worker, not once per trial.
///
/// A worker that exits or is killed during a trial, outlives `timeout`, prints a line that is not
/// a protocol message (or one for another trial), or sends `fail` loses only that trial,
/// recorded failed with its reason and the tail of its stderr; its process group is stopped and
/// the next trial gets a fresh process. A worker found dead between trials is replaced before
/// the trial is sent. Intermediate reports reach the trial's channel as they come, and each is
/// answered `continue` or `stop`.
public final class PersistentCommandEvaluator: InterruptibleEvaluator, @unchecked Sendable {
    public let spec: CommandSpec
    public let space: SearchSpace
    public let required: [String]
    public let metricNames: [String]
    /// Seconds a worker has to leave after its stdin is closed, before its group is stopped.
    public var shutdownGrace = 2.0

    private let lock = NSLock()
    private var idle: [WorkerProcess] = []
    private var busy: [pid_t: WorkerProcess] = [:]
    private var interrupted = false
    private let arguments: [String]

    public init(spec: CommandSpec, space: SearchSpace, required: [String]) throws(EvaluatorFactory.EvaluatorError) {
        try CommandEvaluator.validate(spec, space: space)
        self.spec = spec
        self.space = space
        self.required = required
        self.metricNames = spec.metrics ?? required
        // Placeholders differ per trial: a persistent worker gets its parameters in the trial message.
        self.arguments = spec.command.filter { CommandEvaluator.placeholders(in: $0).isEmpty }
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        for w in idle { w.stop(grace: shutdownGrace) }
    }

    /// Stops every idle worker (closing its stdin first, so it can leave by itself).
    public func shutdown() {
        lock.lock(); let all = idle; idle.removeAll(); lock.unlock()
        for w in all { w.stop(grace: shutdownGrace) }
    }

    public func interrupt() {
        lock.lock()
        interrupted = true
        let all = Array(busy.values) + idle
        idle.removeAll()
        lock.unlock()
        for w in all { kill(-w.pid, SIGTERM) }
    }

    private var isInterrupted: Bool { lock.lock(); defer { lock.unlock() }; return interrupted }

    /// An idle live worker (reused: true), or a new one.
    private func takeWorker(fresh: Bool = false) -> Result<(WorkerProcess, reused: Bool), SupervisedProcess.SpawnError> {
        lock.lock()
        while !fresh, let w = idle.popLast() {
            if w.isAlive { busy[w.pid] = w; lock.unlock(); return .success((w, true)) }
            lock.unlock(); w.stop(grace: 0); lock.lock()
        }
        lock.unlock()
        var env = spec.environment
        env["HYPERFRONT_PERSISTENT"] = "1"
        let started = WorkerProcess.start(arguments: arguments, environment: env, workdir: spec.workdir)
        if case .success(let w) = started { lock.lock(); busy[w.pid] = w; lock.unlock() }
        return started.map { ($0, false) }
    }

    private func release(_ w: WorkerProcess, keep: Bool) {
        lock.lock()
        busy[w.pid] = nil
        let stop = !keep || interrupted
        if !stop { idle.append(w) }
        lock.unlock()
        if stop { w.stop(grace: 0) }
    }

    public func evaluate(_ request: TrialRequest) -> TrialOutcome {
        if isInterrupted { return .failed("interrupted") }
        var fresh = false
        while true {
            let worker: WorkerProcess, reused: Bool
            switch takeWorker(fresh: fresh) {
            case .success(let w): (worker, reused) = w
            case .failure(let e): return .failed(e.message)
            }
            let sent = worker.send(WorkerMessage.trialLine(request))
            let (outcome, keep, answered) = sent ? serve(request, on: worker) : (.failed("the worker closed its stdin before its first trial"), false, false)
            release(worker, keep: keep)
            // A kept worker that left between trials (it may still have been exiting when the
            // trial was sent) never saw this trial: a fresh process takes it, once.
            if reused && !answered && outcome.state == .failed && !isInterrupted { fresh = true; continue }
            return outcome
        }
    }

    /// Reads the worker's messages for `request` until it finishes or fails; whether the worker
    /// may serve another trial, and whether it sent anything for this one.
    private func serve(_ request: TrialRequest, on worker: WorkerProcess) -> (TrialOutcome, Bool, Bool) {
        let deadline = spec.timeout.map { Date().addingTimeInterval($0) }
        var intermediate: [[String: Double]] = []
        var answered = false
        func failed(_ reason: String, stopping: Bool = true) -> (TrialOutcome, Bool, Bool) {
            if stopping { worker.stop(grace: 0) }
            var text = reason
            let tail = worker.takeStderrTail()
            if !tail.isEmpty { text += "\n--- stderr ---\n" + tail }
            return (.failed(text, intermediate: intermediate), !stopping, answered)
        }
        while true {
            switch worker.readLine(deadline: deadline, isCancelled: { isInterrupted }) {
            case .cancelled:
                return failed("interrupted")
            case .timedOut:
                return failed("timed out after \(CommandEvaluator.seconds(spec.timeout ?? 0)) (its process group was killed; a new worker takes the next trial)")
            case .closed:
                let how = worker.exitDescription(waiting: 1) ?? "closed its stdout"
                return failed("the worker \(how) during the trial")
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                answered = true
                guard let message = WorkerMessage.decode(bytes) else {
                    return failed("the worker printed a line that is not a protocol message: '\(CommandEvaluator.excerpt(bytes))' (see docs/trial-protocol.md; with the Python client, print() goes to stderr)")
                }
                switch message {
                case .report(let trial, let step, let metrics):
                    guard trial == request.number else { return failed("the worker reported for trial \(trial) during trial \(request.number)") }
                    var kept = metrics
                    kept["step"] = Double(step)
                    if intermediate.count < 10_000 { intermediate.append(kept) }
                    let stop = request.reportProgress(step: step, metrics)
                    guard worker.send(stop ? WorkerMessage.stopLine : WorkerMessage.continueLine) else {
                        let how = worker.exitDescription(waiting: 1) ?? "closed its stdin"
                        return failed("the worker \(how) during the trial")
                    }
                case .fail(let trial, let error, let exiting):
                    guard trial == request.number else { return failed("the worker failed trial \(trial) during trial \(request.number)") }
                    return failed(error, stopping: exiting)
                case .finish(let trial, let metrics):
                    guard trial == request.number else { return failed("the worker finished trial \(trial) during trial \(request.number)") }
                    if let problem = CommandEvaluator.checkRequired(metrics, required: required) {
                        return failed(problem, stopping: false)
                    }
                    return (TrialOutcome(metrics: metrics, intermediate: intermediate), true, true)
                }
            }
        }
    }
}
