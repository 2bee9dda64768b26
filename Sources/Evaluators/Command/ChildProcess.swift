import Foundation
internal import CChildProcess
#if canImport(Glibc)
import Glibc
#endif

/// Runs one program without a shell, in a process group of its own, feeding it `input` on
/// stdin and draining stdout and stderr until it exits — and kills the whole group when it
/// outlives its deadline, when it is cancelled, and after it exits (so no forked helper is left
/// behind). Output is handed to the caller line by line (stdout) and as a bounded tail (stderr);
/// pipes are always drained, so a child that floods its output never blocks.
///
/// The program runs under a supervisor process (`hf_spawn_supervised` in `CChildProcess`): the
/// group lets one `kill(-pgid, …)` reach every process the trial forked, and the supervisor,
/// a child subreaper, also reaches those that left the group (`setsid`) and kills them all
/// when the trial ends — or when this process dies, even by SIGKILL, since its end of the
/// supervisor's control pipe then closes. No trial process outlives the run that started it.
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
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        guard let path = Self.resolve(arguments[0], path: env["PATH"]) else {
            return failedStart("cannot start '\(arguments[0])': \(String(cString: strerror(ENOENT)))", start)
        }
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        // Pipes are made close-on-exec under one lock with the spawn itself, so a child spawned
        // by another worker at the same moment never inherits this trial's pipe ends.
        spawnLock.lock()
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard makePipe(&inPipe) else { spawnLock.unlock(); return failedStart("pipe: \(errnoText())", start) }
        guard makePipe(&outPipe) else { spawnLock.unlock(); closeAll(inPipe); return failedStart("pipe: \(errnoText())", start) }
        guard makePipe(&errPipe) else { spawnLock.unlock(); closeAll(inPipe + outPipe); return failedStart("pipe: \(errnoText())", start) }
        var child = hf_supervised_child()
        let dir = workdir.map { strdup($0) } ?? nil
        defer { free(dir) }
        let rc = withCStrings(arguments) { argv in
            withCStrings(envStrings) { envp in
                hf_spawn_supervised(path, argv, envp, dir, inPipe[0], outPipe[1], errPipe[1], &child)
            }
        }
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        spawnLock.unlock()
        if rc != 0 {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return failedStart("cannot start '\(arguments[0])': \(String(cString: strerror(rc)))", start)
        }
        let supervisor = child.supervisor
        var statusFD = child.status_fd, controlFD = child.control_fd
        /// Closing the control pipe makes the supervisor kill whatever is left of the trial.
        func endTrial() { if controlFD >= 0 { close(controlFD); controlFD = -1 } }
        func finish() {
            endTrial()
            var s: Int32 = 0
            while waitpid(supervisor, &s, 0) < 0 && errno == EINTR {}
            if statusFD >= 0 { close(statusFD); statusFD = -1 }
        }
        // The first record says whether the program runs.
        var record = (Int32(0), Int32(0))
        let n = withUnsafeMutableBytes(of: &record) { raw -> Int in
            var got = 0
            while got < raw.count {
                let r = read(statusFD, raw.baseAddress! + got, raw.count - got)
                if r > 0 { got += r } else if r < 0 && errno == EINTR { continue } else { break }
            }
            return got
        }
        guard n == 8, record.0 == Int32(HF_STARTED) else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            finish()
            let why = n == 8 ? String(cString: strerror(record.1)) : "its supervisor ended"
            let place = n == 8 && workdir != nil && record.1 == ENOENT && access(path, X_OK) == 0 ? " (in \(workdir!))" : ""
            return failedStart("cannot start '\(arguments[0])': \(why)\(place)", start)
        }
        let pid = pid_t(record.1)
        _ = fcntl(statusFD, F_SETFL, fcntl(statusFD, F_GETFL) | O_NONBLOCK)
        onStart(pid)

        // Feed stdin without blocking: the child may never read it.
        _ = fcntl(inPipe[1], F_SETFL, fcntl(inPipe[1], F_GETFL) | O_NONBLOCK)
        var inFD: Int32 = inPipe[1]
        var inOffset = 0
        if input.isEmpty { close(inFD); inFD = -1 }

        var outFD = outPipe[0], errFD = errPipe[0]
        var lineBuffer: [UInt8] = []
        var stdoutBytes = 0, stderrBytes = 0
        var tail = [UInt8]()
        tail.reserveCapacity(Self.stderrTailBytes * 2)
        var chunk = [UInt8](repeating: 0, count: 65536)
        var ending: Ending? = nil
        var status: Int32 = 0
        var reaped = false
        var exitedAt: Date? = nil
        let deadline = timeout.map { start.addingTimeInterval($0) }
        var stopReason: Ending? = nil

        /// Reads the supervisor's records: the program's exit status.
        func readStatus() {
            guard statusFD >= 0 else { return }
            while true {
                var r = (Int32(0), Int32(0))
                let got = withUnsafeMutableBytes(of: &r) { read(statusFD, $0.baseAddress, $0.count) }
                if got == 8 {
                    if r.0 == Int32(HF_EXITED) { status = r.1; reaped = true }
                    continue
                }
                if got < 0 && (errno == EAGAIN || errno == EINTR) { return }
                // The supervisor is gone (it was killed): so is the program.
                close(statusFD); statusFD = -1
                if !reaped { status = SIGKILL; reaped = true }
                return
            }
        }

        func drain(_ fd: inout Int32, isOut: Bool) {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                if isOut {
                    stdoutBytes += n
                    if stdoutBytes > lineLimit { lineBuffer.removeAll(); return }
                    var from = 0
                    while from < n {
                        // memchr: the newline scan must stay cheap in debug builds too.
                        let found = chunk.withUnsafeBytes { raw -> Int in
                            guard let p = memchr(raw.baseAddress! + from, 10, n - from) else { return -1 }
                            return raw.baseAddress!.distance(to: UnsafeRawPointer(p))
                        }
                        if found < 0 { break }
                        if lineBuffer.isEmpty { onLine(chunk[from..<found]) } else {
                            lineBuffer.append(contentsOf: chunk[from..<found]); onLine(lineBuffer[...]); lineBuffer.removeAll(keepingCapacity: true)
                        }
                        from = found + 1
                    }
                    // Keep at most 1 MB of an unfinished line (a flood without newlines).
                    if lineBuffer.count < 1 << 20 { lineBuffer.append(contentsOf: chunk[from..<n].prefix((1 << 20) - lineBuffer.count)) }
                } else {
                    stderrBytes += n
                    tail.append(contentsOf: chunk[0..<n])
                    if tail.count > Self.stderrTailBytes * 2 { tail.removeFirst(tail.count - Self.stderrTailBytes) }
                }
            } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                close(fd); fd = -1
            }
        }

        while ending == nil {
            var fds: [pollfd] = []
            if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if inFD >= 0 { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            if statusFD >= 0 && !reaped { fds.append(pollfd(fd: statusFD, events: Int16(POLLIN), revents: 0)) }
            // Wake up at least every 50 ms to notice cancellation, the deadline and an exited leader.
            var wait = 50.0
            if let deadline, stopReason == nil { wait = min(wait, max(0, deadline.timeIntervalSinceNow * 1000)) }
            if fds.isEmpty {
                usleep(2000)
            } else {
                let r = poll(&fds, nfds_t(fds.count), Int32(wait))
                if r > 0 {
                    for f in fds where f.revents != 0 {
                        if f.fd == outFD { drain(&outFD, isOut: true) }
                        else if f.fd == errFD { drain(&errFD, isOut: false) }
                        else if f.fd == statusFD { readStatus() }
                        else if f.fd == inFD {
                            let n = input.withUnsafeBytes { write(inFD, $0.baseAddress! + inOffset, $0.count - inOffset) }
                            if n > 0 { inOffset += n }
                            if n < 0 && errno != EAGAIN && errno != EINTR || inOffset >= input.count { close(inFD); inFD = -1 }
                        }
                    }
                }
            }
            if reaped && exitedAt == nil { exitedAt = Date() }
            if reaped && outFD < 0 && errFD < 0 { break }
            // The leader is gone but something it forked holds the pipes: stop the group.
            if let exitedAt, Date().timeIntervalSince(exitedAt) > orphanGrace {
                endTrial()
                if Date().timeIntervalSince(exitedAt) > orphanGrace + 1 { break }
            }
            if stopReason == nil {
                if stdoutBytes &+ stderrBytes > outputLimit { stopReason = .outputLimit }
                else if isCancelled() { stopReason = .cancelled }
                else if let deadline, Date() >= deadline { stopReason = .timedOut }
                if stopReason != nil {
                    ending = stopReason
                }
            }
        }
        if inFD >= 0 { close(inFD) }
        if let stopReason {
            // A flood gets no grace: in two seconds it could write gigabytes more.
            stopGroup(pid, immediately: stopReason == .outputLimit, outFD: &outFD, errFD: &errFD,
                      readStatus: { readStatus(); return reaped }, endTrial: endTrial, drain: drain)
            ending = stopReason
        } else {
            ending = Self.ending(status)
        }
        // Whatever the trial forked and left behind goes with it (also setsid'd grandchildren:
        // the supervisor is their subreaper).
        finish()
        if outFD >= 0 { close(outFD) }
        if errFD >= 0 { close(errFD) }
        if !lineBuffer.isEmpty && stdoutBytes <= lineLimit { onLine(lineBuffer[...]) }
        if tail.count > Self.stderrTailBytes { tail.removeFirst(tail.count - Self.stderrTailBytes) }
        return Result(ending: ending!, stdoutBytes: stdoutBytes, stderrBytes: stderrBytes, stderrTail: tail,
                      seconds: Date().timeIntervalSince(start))
    }

    /// A started process: its id (also its process group's) and our ends of its three pipes.
    struct Spawned {
        var pid: pid_t
        var stdin: Int32
        var stdout: Int32
        var stderr: Int32
    }

    struct SpawnError: Error { var message: String }

    /// Starts `arguments` without a shell in a process group of its own, with pipes for stdin,
    /// stdout and stderr (close-on-exec on our side), an empty signal mask and default
    /// dispositions for the signals a parent may catch or ignore. Unlike `run`, the process has
    /// no supervisor: the caller owns it and must kill its group when done.
    static func spawn(arguments: [String], environment: [String: String], workdir: String?) -> Swift.Result<Spawned, SpawnError> {
        // Pipes are made close-on-exec under one lock with the spawn itself, so a child spawned
        // by another worker at the same moment never inherits this trial's pipe ends.
        spawnLock.lock()
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard makePipe(&inPipe) else { spawnLock.unlock(); return .failure(SpawnError(message: "pipe: \(errnoText())")) }
        guard makePipe(&outPipe) else { spawnLock.unlock(); closeAll(inPipe); return .failure(SpawnError(message: "pipe: \(errnoText())")) }
        guard makePipe(&errPipe) else { spawnLock.unlock(); closeAll(inPipe + outPipe); return .failure(SpawnError(message: "pipe: \(errnoText())")) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let workdir {
            guard let addChdir else { spawnLock.unlock(); closeAll(inPipe + outPipe + errPipe); return .failure(SpawnError(message: "this C library cannot set a working directory for a spawned process (posix_spawn_file_actions_addchdir_np, glibc 2.29+)")) }
            _ = addChdir(&actions, workdir)
        }

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        let flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attr, Int16(flags))
        posix_spawnattr_setpgroup(&attr, 0)
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        // Default dispositions for the signals a parent may catch or ignore.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let envStrings = env.map { "\($0.key)=\($0.value)" }

        var pid: pid_t = 0
        let rc = withCStrings(arguments) { argv in
            withCStrings(envStrings) { envp in
                posix_spawnp(&pid, arguments[0], &actions, &attr, argv, envp)
            }
        }
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        spawnLock.unlock()
        if rc != 0 {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return .failure(SpawnError(message: "cannot start '\(arguments[0])': \(String(cString: strerror(rc)))"))
        }
        return .success(Spawned(pid: pid, stdin: inPipe[1], stdout: outPipe[0], stderr: errPipe[0]))
    }

    /// The program's path: `name` itself when it contains a slash, else the first executable
    /// file of that name on `path` (as `execvp` searches), or nil.
    static func resolve(_ name: String, path: String?) -> String? {
        if name.contains("/") { return name }
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + name
            var st = stat()
            if access(candidate, X_OK) == 0, stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { return candidate }
        }
        return nil
    }

    /// SIGTERM to the group, up to `killGrace` seconds for it to leave, then everything of the
    /// trial is killed by its supervisor (at once when `immediately`); the pipes are drained
    /// meanwhile so a process blocked on a full pipe can die.
    private func stopGroup(_ pid: pid_t, immediately: Bool, outFD: inout Int32, errFD: inout Int32,
                           readStatus: () -> Bool, endTrial: () -> Void, drain: (inout Int32, Bool) -> Void) {
        if immediately { endTrial() } else { kill(-pid, SIGTERM) }
        let termDeadline = Date().addingTimeInterval(killGrace)
        var killed = immediately
        while true {
            let reaped = readStatus()
            // The group is gone when kill(-pid, 0) fails with ESRCH.
            let groupAlive = kill(-pid, 0) == 0
            if reaped && !groupAlive { break }
            if !killed && Date() >= termDeadline { endTrial(); killed = true }
            if killed && Date() >= termDeadline.addingTimeInterval(5) { break }
            var fds: [pollfd] = []
            if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if fds.isEmpty { usleep(5000); continue }
            if poll(&fds, nfds_t(fds.count), 10) > 0 {
                for f in fds where f.revents != 0 {
                    if f.fd == outFD { drain(&outFD, true) } else if f.fd == errFD { drain(&errFD, false) }
                }
            }
        }
    }

    static func ending(_ status: Int32) -> Ending {
        // WIFEXITED / WEXITSTATUS / WTERMSIG as in <sys/wait.h>.
        let sig = status & 0x7f
        if sig == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(sig)
    }

    private func failedStart(_ why: String, _ start: Date) -> Result {
        Result(ending: .couldNotStart(why), stdoutBytes: 0, stderrBytes: 0, stderrTail: [], seconds: Date().timeIntervalSince(start))
    }
}

/// Serialises pipe creation and spawning across workers (see `run`).
private let spawnLock = NSLock()

/// A pipe whose both ends are close-on-exec.
private func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
}

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+), looked up at run time: the Swift
/// importer hides it behind `_GNU_SOURCE`.
private let addChdir: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
    guard let sym = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
    return unsafeBitCast(sym, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
}()

private func closeAll(_ fds: [Int32]) { for fd in fds where fd >= 0 { close(fd) } }

func errnoText() -> String { String(cString: strerror(errno)) }

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}
