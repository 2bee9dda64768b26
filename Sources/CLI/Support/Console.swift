import ArgumentParser
import Foundation
import IntegerPrograms
import Synchronization

/// Terminal output helpers: errors to stderr with exit codes, a live status line.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Prints `message` as an error and exits with code 2 (bad input).
    static func badInput(_ message: String) -> ExitCode {
        error(message)
        return ExitCode(2)
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func write(_ text: String, to output: String?) throws {
        if let output {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                throw badInput("cannot write \(output): it is a directory; give a file name, e.g. \(output)/report.html")
            }
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) }
            catch {
                let folder = (output as NSString).deletingLastPathComponent
                let why = !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) ? "its folder \(folder) does not exist" : "permission denied or disk full"
                throw badInput("cannot write \(output): \(why)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Set by SIGINT/SIGTERM: the run stops after the trials in flight and keeps the study consistent.
let interruptRequested = Atomic<Int>(0)

/// Cancelled by SIGINT/SIGTERM: stops the budgets' integer programs (set-up, seeding, repairs),
/// which do not look at `interruptRequested`.
let budgetCancellation = SolveCancellation()

/// Installs the SIGINT/SIGTERM handler: the first signal asks the run to stop (and cancels the
/// budget solves), a second one leaves at once. Install it before the study is set up, so that
/// Ctrl-C also stops a long budget set-up.
func installInterruptHandler() {
    // Made before the handler can run: a signal handler must not be the first to touch it.
    _ = budgetCancellation.isCancelled
    let handler: @convention(c) (Int32) -> Void = { _ in
        let previous = interruptRequested.add(1, ordering: .relaxed).oldValue
        budgetCancellation.cancel()
        if previous >= 1 {
            // Second Ctrl-C: leave at once (finished trials are already committed).
            _exit(130)
        }
    }
    signal(SIGINT, handler)
    signal(SIGTERM, handler)
    // A parent may have started us with these signals blocked (the mask is inherited): a run
    // must stop on them as when started from a shell.
    var stops = sigset_t()
    sigemptyset(&stops)
    sigaddset(&stops, SIGINT)
    sigaddset(&stops, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &stops, nil)
}

/// "1:02:03", "4:05", "0:07".
func formatDuration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    let s = Int(seconds.rounded())
    let h = s / 3600, m = (s % 3600) / 60, r = s % 60
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, r) : String(format: "%d:%02d", m, r)
}
