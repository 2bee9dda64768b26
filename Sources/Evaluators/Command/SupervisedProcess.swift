import Foundation
internal import CChildProcess
#if canImport(Glibc)
import Glibc
#endif

/// A program started without a shell under its own supervisor process (`hf_spawn_supervised`
/// in `CChildProcess`), with pipes for its stdin, stdout and stderr — the one way this module
/// starts a process, for one-shot trials (`ChildProcess`) and persistent workers
/// (`WorkerProcess`) alike.
///
/// The program runs in a process group of its own (one `kill(-pid, …)` reaches all it forks);
/// the supervisor, a child subreaper, also reaches the processes that left the group
/// (`setsid`). When `endAll()` closes the control pipe — or when this process dies, even by
/// SIGKILL, since the pipe then closes by itself — the supervisor kills every process of the
/// program and exits. So nothing started here outlives the run that started it.
final class SupervisedProcess {
    /// The program's pid, also its process group's id.
    let pid: pid_t
    /// Our ends of the program's pipes (-1 once closed by the owner).
    var stdin: Int32
    var stdout: Int32
    var stderr: Int32
    private let supervisor: pid_t
    /// The supervisor's status records (`HF_EXITED`); -1 once it is gone.
    private(set) var statusFD: Int32
    private var controlFD: Int32
    private var supervisorReaped = false
    /// The program's wait status, once it exited (`readStatus`).
    private(set) var exitStatus: Int32?

    struct SpawnError: Error { var message: String }

    private init(pid: pid_t, pipes: (Int32, Int32, Int32), child: hf_supervised_child) {
        self.pid = pid
        (stdin, stdout, stderr) = pipes
        supervisor = child.supervisor
        statusFD = child.status_fd
        controlFD = child.control_fd
        _ = fcntl(statusFD, F_SETFL, fcntl(statusFD, F_GETFL) | O_NONBLOCK)
    }

    /// Starts `arguments` (the program searched on the environment's PATH) with `environment`
    /// added to this process's, in `workdir` when given; returns once the program runs (or
    /// could not start: its error, e.g. "cannot start 'x': No such file or directory").
    static func start(arguments: [String], environment: [String: String], workdir: String?) -> Result<SupervisedProcess, SpawnError> {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        guard let path = resolve(arguments[0], path: env["PATH"]) else {
            return .failure(SpawnError(message: "cannot start '\(arguments[0])': \(String(cString: strerror(ENOENT)))"))
        }
        let envStrings = env.map { "\($0.key)=\($0.value)" }
        // Pipes are made close-on-exec under one lock with the spawn itself, so a process
        // spawned by another worker at the same moment never inherits this one's pipe ends.
        spawnLock.lock()
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard makePipe(&inPipe) else { spawnLock.unlock(); return .failure(SpawnError(message: "pipe: \(errnoText())")) }
        guard makePipe(&outPipe) else { spawnLock.unlock(); closeAll(inPipe); return .failure(SpawnError(message: "pipe: \(errnoText())")) }
        guard makePipe(&errPipe) else { spawnLock.unlock(); closeAll(inPipe + outPipe); return .failure(SpawnError(message: "pipe: \(errnoText())")) }
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
        let ours = [inPipe[1], outPipe[0], errPipe[0]]
        if rc != 0 {
            closeAll(ours)
            return .failure(SpawnError(message: "cannot start '\(arguments[0])': \(String(cString: strerror(rc)))"))
        }
        // The first record says whether the program runs (blocking: it comes at once).
        var record = (Int32(0), Int32(0))
        let n = withUnsafeMutableBytes(of: &record) { raw -> Int in
            var got = 0
            while got < raw.count {
                let r = read(child.status_fd, raw.baseAddress! + got, raw.count - got)
                if r > 0 { got += r } else if r < 0 && errno == EINTR { continue } else { break }
            }
            return got
        }
        guard n == 8, record.0 == Int32(HF_STARTED) else {
            closeAll(ours)
            close(child.control_fd)
            var s: Int32 = 0
            while waitpid(child.supervisor, &s, 0) < 0 && errno == EINTR {}
            close(child.status_fd)
            let why = n == 8 ? String(cString: strerror(record.1)) : "its supervisor ended"
            let place = n == 8 && workdir != nil && record.1 == ENOENT && access(path, X_OK) == 0 ? " (in \(workdir!))" : ""
            return .failure(SpawnError(message: "cannot start '\(arguments[0])': \(why)\(place)"))
        }
        return .success(SupervisedProcess(pid: pid_t(record.1), pipes: (inPipe[1], outPipe[0], errPipe[0]), child: child))
    }

    /// Reads the supervisor's records without blocking; true once the program has exited
    /// (`exitStatus`). A supervisor that is gone (killed) took the program with it: SIGKILL.
    @discardableResult
    func readStatus() -> Bool {
        while statusFD >= 0 && exitStatus == nil {
            var r = (Int32(0), Int32(0))
            let got = withUnsafeMutableBytes(of: &r) { read(statusFD, $0.baseAddress, $0.count) }
            if got == 8 {
                if r.0 == Int32(HF_EXITED) { exitStatus = r.1 }
                continue
            }
            if got < 0 && (errno == EAGAIN || errno == EINTR) { break }
            close(statusFD); statusFD = -1
            if exitStatus == nil { exitStatus = SIGKILL }
        }
        return exitStatus != nil
    }

    /// Whether anything of the program's process group still runs.
    var groupIsAlive: Bool { kill(-pid, 0) == 0 }

    /// Closes the control pipe: the supervisor kills the program's every process (its group
    /// and whatever re-parented to the supervisor) and exits. Idempotent.
    func endAll() {
        if controlFD >= 0 { close(controlFD); controlFD = -1 }
    }

    /// `endAll()`, then waits for the supervisor (so for every process of the program) and
    /// closes the pipe ends still held here (an owner that took one sets it to -1). Idempotent.
    func finish() {
        endAll()
        if !supervisorReaped {
            var s: Int32 = 0
            while waitpid(supervisor, &s, 0) < 0 && errno == EINTR {}
            supervisorReaped = true
        }
        readStatus()
        if statusFD >= 0 { close(statusFD); statusFD = -1 }
        if exitStatus == nil { exitStatus = SIGKILL }
        for fd in [stdin, stdout, stderr] where fd >= 0 { close(fd) }
        stdin = -1; stdout = -1; stderr = -1
    }

    deinit { finish() }

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
}

/// Serialises pipe creation and spawning across workers (see `SupervisedProcess.start`).
private let spawnLock = NSLock()

/// A pipe whose both ends are close-on-exec.
private func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
}

private func closeAll(_ fds: [Int32]) { for fd in fds where fd >= 0 { close(fd) } }

func errnoText() -> String { String(cString: strerror(errno)) }

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}
