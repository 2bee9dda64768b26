import Foundation
import Hyperfront
import Studies

/// Progress of a run: on a terminal, one live status line (done/total, running, failed, front
/// size, hypervolume, elapsed, ETA) redrawn at most 10 times a second; otherwise one plain line
/// per finished trial, at most 5 lines a second (a summary line stands for the trials between).
final class ProgressDisplay: @unchecked Sendable {
    let quiet: Bool
    let total: Int
    let start = Date()
    let terminal: Bool
    var lastDraw = 0.0
    var lastLine = 0.0
    var drawn = false
    var skipped = 0

    init(quiet: Bool, total: Int, terminal: Bool = Console.stderrIsTerminal) {
        self.quiet = quiet
        self.total = total
        self.terminal = terminal
    }

    func update(_ p: StudyRunner.Progress) {
        if quiet { return }
        let now = Date().timeIntervalSince(start)
        let done = p.finished + p.reused
        // The text is made only for what is shown (most updates are skipped).
        var front: String { "front \(p.frontSize)" + (p.hypervolume.map { " · hv " + String(format: "%.4g", $0) } ?? "") }
        if terminal {
            if now - lastDraw < 0.1 && done < total { return }
            lastDraw = now
            let eta = p.finished > 0 ? now / Double(p.finished) * Double(max(0, p.total - p.finished)) : .nan
            let text = "trials \(done)/\(total) · running \(p.running) · failed \(p.failed) · \(front) · \(formatDuration(now)) elapsed · ETA \(formatDuration(eta))"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            drawn = true
        } else {
            if now - lastLine < 0.2 && done < total { skipped += 1; return }
            lastLine = now
            var text: String
            if let t = p.lastTrial {
                text = "trial \(t.number) \(t.state.rawValue)"
                if let f = t.failure { text += " (\(f.split(separator: "\n").first ?? ""))" }
            } else {
                text = "resumed"
            }
            if skipped > 0 { text += " (+\(skipped) more)" }
            skipped = 0
            text += " · \(done)/\(total) done · \(p.running) running · \(p.failed) failed · \(front) · \(formatDuration(now)) elapsed"
            Console.note(text)
        }
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
