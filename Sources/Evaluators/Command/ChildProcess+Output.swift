import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ChildProcess {
    /// What a trial wrote: stdout handed out line by line (up to `lineLimit` bytes, then only
    /// counted), stderr kept as a bounded tail, both counted for the output limit.
    struct Output {
        let lineLimit: Int
        var stdoutBytes = 0
        var stderrBytes = 0
        /// An unfinished stdout line (at most 1 MB of it: a flood without newlines).
        private var lineBuffer: [UInt8] = []
        private var tail: [UInt8] = []
        private var chunk = [UInt8](repeating: 0, count: 65536)

        init(lineLimit: Int) {
            self.lineLimit = lineLimit
            tail.reserveCapacity(ChildProcess.stderrTailBytes * 2)
        }

        var totalBytes: Int { stdoutBytes &+ stderrBytes }

        /// Reads what `fd` holds now (stdout when `isOut`); closes it and sets it to -1 at its
        /// end or on an error.
        mutating func drain(_ fd: inout Int32, isOut: Bool, onLine: (ArraySlice<UInt8>) -> Void) {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                if isOut { takeStdout(n, onLine: onLine) } else {
                    stderrBytes += n
                    tail.append(contentsOf: chunk[0..<n])
                    if tail.count > ChildProcess.stderrTailBytes * 2 { tail.removeFirst(tail.count - ChildProcess.stderrTailBytes) }
                }
            } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                close(fd); fd = -1
            }
        }

        private mutating func takeStdout(_ n: Int, onLine: (ArraySlice<UInt8>) -> Void) {
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
                    lineBuffer.append(contentsOf: chunk[from..<found])
                    onLine(lineBuffer[...])
                    lineBuffer.removeAll(keepingCapacity: true)
                }
                from = found + 1
            }
            if lineBuffer.count < 1 << 20 { lineBuffer.append(contentsOf: chunk[from..<n].prefix((1 << 20) - lineBuffer.count)) }
        }

        /// Hands out the last line when it had no newline; the stderr tail, bounded.
        mutating func finish(onLine: (ArraySlice<UInt8>) -> Void) -> [UInt8] {
            if !lineBuffer.isEmpty && stdoutBytes <= lineLimit { onLine(lineBuffer[...]) }
            lineBuffer = []
            if tail.count > ChildProcess.stderrTailBytes { tail.removeFirst(tail.count - ChildProcess.stderrTailBytes) }
            return tail
        }
    }
}
