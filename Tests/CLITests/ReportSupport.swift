import Foundation
import Testing

/// Synthetic study files for the report, compare and size commands, written by
/// scripts/make-synthetic-study.py (Python 3, standard library only).
enum ReportFixtures {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var available: Bool { python != nil }

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    /// A fresh study with `trials` trials.
    static func study(trials: Int = 120, objectives: Int = 2, seed: Int = 1) throws -> String {
        let path = temporary("study.sqlite")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python!)
        p.arguments = [CLI.packageRoot.appendingPathComponent("scripts/make-synthetic-study.py").path, path,
                       "--trials", String(trials), "--objectives", String(objectives), "--seed", String(seed)]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "make-synthetic-study.py failed")
        return path
    }
}
