import Foundation
import Testing

/// The repository's root (this file is Tests/EvaluatorsTests/PythonClientTests.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The system's python3, which the Python client's tests run with (the client needs Python ≥ 3.9).
let systemPython: String? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The Python client's own protocol tests (python/tests, standard-library unittest), run with the
/// system python3 so `swift test` covers them.
@Test(.enabled(if: systemPython != nil, "python3 is needed for the Python client's tests"))
func pythonClientProtocolTests() throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: systemPython!)
    p.arguments = ["-m", "unittest", "discover", "-s", "python/tests"]
    p.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "HYPERFRONT_PERSISTENT")
    p.environment = env
    let err = Pipe()
    p.standardError = err
    p.standardOutput = FileHandle.nullDevice
    try p.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "python3 -m unittest (python/tests) failed:\n\(text)")
    #expect(text.contains("OK"), "\(text)")
}
