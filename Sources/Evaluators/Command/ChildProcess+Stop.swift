import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ChildProcess {
    /// SIGTERM to the group, up to `killGrace` seconds for it to leave, then everything of the
    /// trial is killed by its supervisor (at once when `immediately`); the pipes are drained
    /// meanwhile so a process blocked on a full pipe can die.
    func stopGroup(_ child: SupervisedProcess, immediately: Bool, outFD: inout Int32, errFD: inout Int32,
                   output: inout Output, onLine: (ArraySlice<UInt8>) -> Void) {
        if immediately { child.endAll() } else { kill(-child.pid, SIGTERM) }
        let termDeadline = Date().addingTimeInterval(killGrace)
        var killed = immediately
        while true {
            let reaped = child.readStatus()
            if reaped && !child.groupIsAlive { break }
            if !killed && Date() >= termDeadline { child.endAll(); killed = true }
            if killed && Date() >= termDeadline.addingTimeInterval(5) { break }
            var fds: [pollfd] = []
            if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if fds.isEmpty { usleep(5000); continue }
            if poll(&fds, nfds_t(fds.count), 10) > 0 {
                for f in fds where f.revents != 0 {
                    if f.fd == outFD { output.drain(&outFD, isOut: true, onLine: onLine) }
                    else if f.fd == errFD { output.drain(&errFD, isOut: false, onLine: onLine) }
                }
            }
        }
    }

    /// A wait status as an ending (WIFEXITED / WEXITSTATUS / WTERMSIG as in <sys/wait.h>).
    static func ending(_ status: Int32) -> Ending {
        let sig = status & 0x7f
        if sig == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(sig)
    }

    func failedStart(_ why: String, _ start: Date) -> Result {
        Result(ending: .couldNotStart(why), stdoutBytes: 0, stderrBytes: 0, stderrTail: [], seconds: Date().timeIntervalSince(start))
    }
}
