import Foundation
import Testing

/// The HTML report and compare pages in a real browser: scripts/report-screenshots.sh renders
/// them with the built binary, loads each in headless Chromium (installing Debian's package
/// when it can) driven over the DevTools protocol by scripts/report-browser-check.py, fails on
/// any console message, when a scripted brush or filter leaves the front unchanged or labels a
/// knee that is not the shown front's, or when a compare page's side boxes and hover names do
/// not work, and saves screenshots. A missing browser (or
/// python3) fails the test under CI (`CI=true`); elsewhere it is skipped with a message.
@Suite(.enabled(if: ReportFixtures.available || ContinuousIntegration.active, "python3 is needed to write the synthetic study files"))
struct ReportBrowserTests {
    @Test func reportAndComparePagesLoadWithoutConsoleMessages() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hyperfront-screenshots-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [CLI.packageRoot.appendingPathComponent("scripts/report-screenshots.sh").path, out.path]
        var env = ProcessInfo.processInfo.environment
        env["HYPERFRONT"] = CLI.binary.path
        p.environment = env
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        if text.contains("SKIPPED") {
            #expect(!ContinuousIntegration.active, "a browser test that skips under CI checks nothing: \(text)")
            print("ReportBrowserTests: \(text)")
            return
        }
        for page in ["report-2d", "report-3d", "report-curves", "compare", "compare-runs"] {
            #expect(text.contains("\(page): loaded with no console messages"), "\(text)")
            let size = (try? FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("\(page).png").path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(page).png is missing or blank")
        }
        // A mouse brush over the scatter plot and a typed range each change the page's front
        // (read back from the page's state), and clearing the filters restores the report's.
        for page in ["report-2d", "report-3d", "report-curves"] {
            #expect(text.contains("\(page): interactions changed the front as expected"), "\(text)")
            #expect(!text.contains("\(page): FAILED"), "\(text)")
        }
        #expect(text.contains("report-curves: learning curves: drawn"), "\(text)")
        // The knee and best labels follow the front shown: with no filter they are the
        // report's, after the brush they are those of the brushed front, and a range that
        // leaves the knee out moves it to the knee of what remains (each checked against the
        // knee rule re-done by the script from the page's data).
        for page in ["report-2d", "report-3d"] {
            let lines = text.split(separator: "\n").filter { $0.hasPrefix("\(page): filter") && $0.contains("(leaves out the knee)") }
            #expect(lines.count == 1, "\(text)")
        }
        // The compare pages: a box per side hides and shows it in every plot; hovering a line
        // names it.
        for page in ["compare", "compare-runs"] {
            #expect(text.contains("\(page): side toggles and hover names work"), "\(text)")
        }
    }
}

/// Whether the tests run under continuous integration (`CI=true`), where a missing tool fails
/// a test instead of skipping it.
enum ContinuousIntegration {
    static var active: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}
