import Foundation
import Testing

/// Golden files under Tests/ReportsTests/Golden. Set HYPERFRONT_UPDATE_GOLDEN=1 to rewrite
/// them after an intended change (and review the diff).
enum Golden {
    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden") }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HYPERFRONT_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if text != expected {
            let a = text.split(separator: "\n", omittingEmptySubsequences: false), b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(name) differs from its golden file at line \(line + 1):\n got:      \(line < a.count ? String(a[line]) : "<end>")\n expected: \(line < b.count ? String(b[line]) : "<end>")",
                         sourceLocation: sourceLocation)
        }
    }
}
