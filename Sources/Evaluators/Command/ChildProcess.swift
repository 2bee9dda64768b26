import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one program without a shell, in a process group of its own, feeding it `input` on
/// stdin and draining stdout and stderr until it exits — and kills the whole group when it
/// outlives its deadline, when it is cancelled, and after it exits (so no forked helper is left
/// behind). Output is handed to the caller line by line (stdout) and as a bounded tail (stderr);
/// pipes are always drained, so a child that floods its output never blocks.
///
/// The program runs under a supervisor process (`SupervisedProcess`): the group lets one
/// `kill(-pgid, …)` reach every process the trial forked, and the supervisor, a child
/// subreaper, also reaches those that left the group (`setsid`) and kills them all when the
/// trial ends — or when this process dies, even by SIGKILL, since its end of the supervisor's
/// control pipe then closes. No trial process outlives the run that started it.
///
/// Files: this one (the settings and the read loop), `+Output` (lines and the stderr tail),
/// `+Stop` (stopping the group, wait statuses).
struct ChildProcess {
    var arguments: [String]
    var environment: [String: String]
    var workdir: String?
    var input: [UInt8]
    /// Seconds; nil = no limit.
    var timeout: Double?
    /// Seconds between SIGTERM and SIGKILL when the group is stopped.
    var killGrace: Double = 2
    /// How long a process group that outlives its leader may keep the output pipes open.
    var orphanGrace: Double = 0.2
    /// Stdout bytes after which lines are no longer handed out (the output only gets counted).
    var lineLimit = Int.max
    /// Stdout plus stderr bytes after which the group is killed at once (`Ending.outputLimit`):
    /// checked as the output is read, so a trial that writes forever ends at the limit.
    var outputLimit = Int.max

    enum Ending: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case cancelled
        /// Wrote more than `outputLimit` bytes; the group was killed then.
        case outputLimit
        case couldNotStart(String)
    }

    struct Result {
        var ending: Ending
        var stdoutBytes: Int
        var stderrBytes: Int
        /// The last `stderrTailBytes` bytes of stderr.
        var stderrTail: [UInt8]
        var seconds: Double
    }

    static let stderrTailBytes = 4096

    /// Runs the program; `onLine` receives each stdout line (without the newline), `onStart`
    /// the process group id once it exists (for cancellation), `isCancelled` is polled.
    func run(onStart: (pid_t) -> Void, isCancelled: () -> Bool, onLine: (ArraySlice<UInt8>) -> Void) -> Result {
        let start = Date()
        let child: SupervisedProcess
        switch SupervisedProcess.start(arguments: arguments, environment: environment, workdir: workdir) {
        case .success(let c): child = c
        case .failure(let e): return failedStart(e.message, start)
        }
        // The pipe ends are this loop's from here on (closed and set to -1 as they end).
        var inFD = child.stdin, outFD = child.stdout, errFD = child.stderr
        child.stdin = -1; child.stdout = -1; child.stderr = -1
        onStart(child.pid)

        // Feed stdin without blocking: the child may never read it.
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        var inOffset = 0
        if input.isEmpty { close(inFD); inFD = -1 }

        var output = Output(lineLimit: lineLimit)
        var ending: Ending? = nil
        var exitedAt: Date? = nil
        let deadline = timeout.map { start.addingTimeInterval($0) }
        var stopReason: Ending? = nil

        while ending == nil {
            var fds: [pollfd] = []
            if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if inFD >= 0 { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            let statusFD = child.exitStatus == nil ? child.statusFD : -1
            if statusFD >= 0 { fds.append(pollfd(fd: statusFD, events: Int16(POLLIN), revents: 0)) }
            // Wake up at least every 50 ms to notice cancellation, the deadline and an exited leader.
            var wait = 50.0
            if let deadline, stopReason == nil { wait = min(wait, max(0, deadline.timeIntervalSinceNow * 1000)) }
            if fds.isEmpty {
                usleep(2000)
            } else if poll(&fds, nfds_t(fds.count), Int32(wait)) > 0 {
                for f in fds where f.revents != 0 {
                    if f.fd == outFD { output.drain(&outFD, isOut: true, onLine: onLine) }
                    else if f.fd == errFD { output.drain(&errFD, isOut: false, onLine: onLine) }
                    else if f.fd == statusFD { child.readStatus() }
                    else if f.fd == inFD {
                        let n = input.withUnsafeBytes { write(inFD, $0.baseAddress! + inOffset, $0.count - inOffset) }
                        if n > 0 { inOffset += n }
                        if n < 0 && errno != EAGAIN && errno != EINTR || inOffset >= input.count { close(inFD); inFD = -1 }
                    }
                }
            }
            let reaped = child.exitStatus != nil
            if reaped && exitedAt == nil { exitedAt = Date() }
            if reaped && outFD < 0 && errFD < 0 { break }
            // The leader is gone but something it forked holds the pipes: stop the group.
            if let exitedAt, Date().timeIntervalSince(exitedAt) > orphanGrace {
                child.endAll()
                if Date().timeIntervalSince(exitedAt) > orphanGrace + 1 { break }
            }
            if stopReason == nil {
                if output.totalBytes > outputLimit { stopReason = .outputLimit }
                else if isCancelled() { stopReason = .cancelled }
                else if let deadline, Date() >= deadline { stopReason = .timedOut }
                if stopReason != nil { ending = stopReason }
            }
        }
        if inFD >= 0 { close(inFD) }
        if let stopReason {
            // A flood gets no grace: in two seconds it could write gigabytes more.
            stopGroup(child, immediately: stopReason == .outputLimit, outFD: &outFD, errFD: &errFD, output: &output, onLine: onLine)
            ending = stopReason
        } else {
            ending = Self.ending(child.exitStatus ?? SIGKILL)
        }
        // Whatever the trial forked and left behind goes with it (also setsid'd grandchildren:
        // the supervisor is their subreaper).
        child.finish()
        if outFD >= 0 { close(outFD) }
        if errFD >= 0 { close(errFD) }
        let tail = output.finish(onLine: onLine)
        return Result(ending: ending!, stdoutBytes: output.stdoutBytes, stderrBytes: output.stderrBytes, stderrTail: tail,
                      seconds: Date().timeIntervalSince(start))
    }
}
