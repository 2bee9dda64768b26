import Foundation
import Testing
@testable import Reports

@Test func reportOutputIsRefusedOverInputsTheirLogsAndStudyFiles() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
    let study = dir + "/s.sqlite", text = dir + "/front.csv", other = dir + "/other.db"
    try Data("SQLite format 3\0rest".utf8).write(to: URL(fileURLWithPath: study))
    try Data("SQLite format 3\0rest".utf8).write(to: URL(fileURLWithPath: other))
    try Data("f1,f2\n".utf8).write(to: URL(fileURLWithPath: text))
    #expect(ReportOutput.refusal(output: study, inputs: [study]) != nil)
    #expect(ReportOutput.refusal(output: dir + "/sub/../s.sqlite", inputs: [study]) != nil)
    #expect(ReportOutput.refusal(output: study + "-wal", inputs: [study])?.contains("wal") == true)
    #expect(ReportOutput.refusal(output: text, inputs: [study, text]) != nil)
    #expect(ReportOutput.refusal(output: other, inputs: [study])?.contains("study file") == true)
    // A new file, or an existing text file that is not an input, may be written.
    #expect(ReportOutput.refusal(output: dir + "/report.html", inputs: [study]) == nil)
    #expect(ReportOutput.refusal(output: text, inputs: [study]) == nil)
    #expect(ReportOutput.refusal(output: dir + "/missing/report.html", inputs: [study]) == nil)
}
