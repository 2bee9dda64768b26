import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One long-lived worker process of a persistent command: started under a supervisor as trial
/// processes are (`SupervisedProcess`: its own process group, pipes for stdin, stdout and
/// stderr; it and all it forks die with the run, even when the run is killed by SIGKILL),
/// written to line by line, read line by line with a deadline, its stderr drained into a
/// bounded tail all along, and stopped with its whole group. Used by one trial at a time.
final class WorkerProcess {
    let pid: pid_t
    private let process: SupervisedProcess
    private var stdin: Int32 { process.stdin }
    private var stdout: Int32 { process.stdout }
    private var stderr: Int32 { process.stderr }
    private var pending: [UInt8] = []
    private var tail: [UInt8] = []
    /// Longest line read; a longer one is handed out cut (it is no protocol message).
    static let maximumLine = 1 << 20

    enum Read {
        case line([UInt8])
        case closed
        case timedOut
        case cancelled
    }

    private init(_ process: SupervisedProcess) {
        self.process = process
        pid = process.pid
    }

    static func start(arguments: [String], environment: [String: String], workdir: String?) -> Result<WorkerProcess, SupervisedProcess.SpawnError> {
        SupervisedProcess.start(arguments: arguments, environment: environment, workdir: workdir).map(WorkerProcess.init)
    }

    deinit { stop(grace: 0) }

    /// Whether the process still runs (its supervisor reports its exit).
    var isAlive: Bool { !process.readStatus() }

    private func closeStdout() { if process.stdout >= 0 { close(process.stdout); process.stdout = -1 } }
    private func closeStderr() { if process.stderr >= 0 { close(process.stderr); process.stderr = -1 } }

    /// Writes `line` and a newline to the process's stdin; false when it cannot (the process
    /// closed its stdin or exited).
    func send(_ line: String) -> Bool {
        guard stdin >= 0 else { return false }
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(stdin, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return false }
        }
        return true
    }

    /// The next stdout line (without its newline), or why there is none: stdout closed, the
    /// deadline passed, or `isCancelled` said so (polled every 50 ms).
    func readLine(deadline: Date?, isCancelled: () -> Bool) -> Read {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let nl = pending.firstIndex(of: 10) {
                let line = Array(pending[..<nl])
                pending.removeSubrange(...nl)
                return .line(line)
            }
            if pending.count > Self.maximumLine {
                let line = Array(pending.prefix(Self.maximumLine))
                pending.removeAll()
                return .line(line)
            }
            if stdout < 0 { return .closed }
            if isCancelled() { return .cancelled }
            var wait = 50.0
            if let deadline {
                let left = deadline.timeIntervalSinceNow * 1000
                if left <= 0 { return .timedOut }
                wait = min(wait, left)
            }
            var fds = [pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)]
            if stderr >= 0 { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
            guard poll(&fds, nfds_t(fds.count), Int32(max(1, wait))) > 0 else { continue }
            for f in fds where f.revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(f.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if f.fd == stdout { pending.append(contentsOf: chunk[0..<n]) } else { keepTail(chunk[0..<n]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    if f.fd == stdout { closeStdout() } else { closeStderr() }
                }
            }
        }
    }

    private func keepTail(_ bytes: ArraySlice<UInt8>) {
        tail.append(contentsOf: bytes)
        if tail.count > 2 * ChildProcess.stderrTailBytes { tail.removeFirst(tail.count - ChildProcess.stderrTailBytes) }
    }

    /// Drains what stderr holds now, then hands out its tail and forgets it (for the next trial).
    func takeStderrTail() -> String {
        while stderr >= 0 {
            var fd = [pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)]
            guard poll(&fd, 1, 0) > 0 else { break }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(stderr, $0.baseAddress, $0.count) }
            if n > 0 { keepTail(chunk[0..<n]) } else { closeStderr() }
        }
        let text = String(decoding: tail.suffix(ChildProcess.stderrTailBytes), as: UTF8.self)
        tail.removeAll(keepingCapacity: true)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// How the process ended, waiting up to `grace` seconds for it (nil: still running).
    func exitDescription(waiting grace: Double) -> String? {
        let until = Date().addingTimeInterval(grace)
        while isAlive {
            if Date() >= until { return nil }
            usleep(2000)
        }
        switch ChildProcess.ending(process.exitStatus ?? SIGKILL) {
        case .exited(let code): return "exited with status \(code)"
        case .signaled(let s): return "was killed by signal \(s)\(CommandEvaluator.signalName(s).map { " (\($0))" } ?? "")"
        default: return "ended"
        }
    }

    /// Closes stdin (a worker between trials then leaves by itself), waits up to `grace`
    /// seconds, then stops the whole group: SIGTERM, and a moment later the supervisor kills
    /// whatever is left of it (also processes that left the group). Idempotent.
    func stop(grace: Double) {
        if process.stdin >= 0 { close(process.stdin); process.stdin = -1 }
        let until = Date().addingTimeInterval(grace)
        while isAlive && Date() < until { usleep(2000) }
        if process.groupIsAlive {
            kill(-pid, SIGTERM)
            let until = Date().addingTimeInterval(min(max(grace, 0.2), 2))
            while (isAlive || process.groupIsAlive) && Date() < until { usleep(2000) }
        }
        process.finish()
    }
}
