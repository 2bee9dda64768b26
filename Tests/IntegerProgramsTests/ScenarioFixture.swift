import Foundation
import Hyperfront
import Studies

/// Scenarios from the repository's Scenarios/ folder, loadable without their data sets.
enum ScenarioFixture {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Scenarios/budgeted-mlp.yaml; a one-row CSV stands in for the data set when it is absent
    /// (only the space, resources and constraints matter here).
    static func budgetedMLP() throws -> Scenario {
        let path = root.appendingPathComponent("Scenarios/budgeted-mlp.yaml").path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let data = root.appendingPathComponent("Scenarios/data/digits.csv").path
        if !FileManager.default.fileExists(atPath: data) {
            let csv = FileManager.default.temporaryDirectory.appendingPathComponent("budgeted-mlp-\(getpid()).csv")
            try "x,label\n1,0\n".write(to: csv, atomically: true, encoding: .utf8)
            text = text.replacingOccurrences(of: "dataset: data/digits.csv", with: "dataset: \(csv.path)")
        }
        return try ScenarioLoader.parse(text, path: path)
    }
}
