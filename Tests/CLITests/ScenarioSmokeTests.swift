import Foundation
import Testing

/// Every scenario shipped in Scenarios/ loads, runs on a short budget, and reports in every format.
let shippedScenarios: [String] = {
    let root = CLI.packageRoot.appendingPathComponent("Scenarios")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
        .compactMap { ($0 as? URL)?.path }
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } ?? []
    return files.map { String($0.dropFirst(CLI.packageRoot.path.count + 1)) }.sorted()
}()

func temporaryDirectory() -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// RFC 4180 reader (quoted fields, doubled quotes), strict about row widths.
func parseCSV(_ text: String) -> [[String]]? {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var chars = Array(text), i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
        i += 1
    }
    chars = []
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else { return nil }
    return rows
}

@Test func scenariosAreShipped() {
    #expect(shippedScenarios.contains("Scenarios/quickstart.yaml"))
    #expect(shippedScenarios.filter { $0.hasPrefix("Scenarios/benchmarks/") }.count >= 12)
}

@Test(arguments: shippedScenarios)
func shippedScenarioRunsAndReports(_ scenario: String) throws {
    let dir = temporaryDirectory()
    let study = dir.appendingPathComponent("s.sqlite").path
    let run = try CLI.run(["run", scenario, "--study", study, "--trials", "6", "--workers", "1", "--quiet"])
    #expect(run.status == 0, "\(scenario): \(run.stderr)")
    let csv = try CLI.run(["report", study, "--all", "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = try #require(parseCSV(csv.stdout), "CSV does not parse")
    #expect(rows.count == 7)
    #expect(rows[0].first == "trial")
    let json = try CLI.run(["report", study, "--all", "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["schema"] as? Int == 1)
    #expect((object?["trials"] as? [Any])?.count == 6)
    let table = try CLI.run(["report", study])
    #expect(table.status == 0 && table.stdout.contains("trials"))
}

@Test func sameSeedSameReport() throws {
    let dir = temporaryDirectory()
    var outputs: [String] = []
    for k in 0..<2 {
        let study = dir.appendingPathComponent("run\(k).sqlite").path
        let run = try CLI.run(["run", "Scenarios/benchmarks/zdt1.yaml", "--study", study, "--trials", "300", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        outputs.append(try CLI.run(["report", study, "--all", "--format", "csv"]).stdout)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].split(separator: "\n").count == 301)
    let other = dir.appendingPathComponent("other.sqlite").path
    _ = try CLI.run(["run", "Scenarios/benchmarks/zdt1.yaml", "--study", other, "--trials", "300", "--seed", "2", "--quiet"])
    #expect(try CLI.run(["report", other, "--all", "--format", "csv"]).stdout != outputs[0])
}

@Test func badScenarioExitsTwoWithLocation() throws {
    let dir = temporaryDirectory()
    let file = dir.appendingPathComponent("bad.yaml")
    try "evaluator: {benchmark: zdt1}\nobjectives:\n  - {metric: f1, goal: up}\n".write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["run", file.path, "--study", dir.appendingPathComponent("x.sqlite").path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("bad.yaml:3:"))
    #expect(r.stderr.contains("objectives[1].goal"))
    #expect(!r.stderr.contains("Stack") && !r.stderr.contains("Fatal"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.sqlite").path))
}

@Test func existingStudyIsNotOverwritten() throws {
    let dir = temporaryDirectory()
    let study = dir.appendingPathComponent("s.sqlite").path
    #expect(try CLI.run(["run", "Scenarios/benchmarks/zdt2.yaml", "--study", study, "--trials", "5", "-q"]).status == 0)
    let again = try CLI.run(["run", "Scenarios/benchmarks/zdt2.yaml", "--study", study, "--trials", "5", "-q"])
    #expect(again.status == 2)
    #expect(again.stderr.contains("--resume"))
    let missing = try CLI.run(["report", dir.appendingPathComponent("none.sqlite").path])
    #expect(missing.status == 2 && missing.stderr.contains("no such study file"))
}

@Test(arguments: [["run"], ["report", "x.sqlite", "--format", "pdf"], ["bogus"], ["run", "x.yaml", "--trials", "0"],
                  ["hv", "x.csv"], ["size"], ["run", "x.yaml", "--workers", "many"]])
func badArgumentsExitTwoWithUsage(_ arguments: [String]) throws {
    let r = try CLI.run(arguments)
    #expect(r.status == 2, "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains("Error") || r.stderr.contains("error"))
    #expect(r.stdout.isEmpty)
}

@Test func helpExitsZero() throws {
    let r = try CLI.run(["--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("run") && r.stdout.contains("report") && r.stdout.contains("compare"))
}

@Test func resumeKeepsTheStudysBudgetAndSeed() throws {
    let dir = temporaryDirectory()
    let study = dir.appendingPathComponent("r.sqlite").path
    #expect(try CLI.run(["run", "Scenarios/benchmarks/zdt1.yaml", "--study", study, "--trials", "120", "--seed", "5", "-q"]).status == 0)
    // Resuming as the stop hint says: the study's own seed and budget, nothing more run.
    let again = try CLI.run(["run", "Scenarios/benchmarks/zdt1.yaml", "--study", study, "--resume", "-q"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try CLI.run(["report", study, "--all", "--format", "csv"]).stdout.split(separator: "\n").count == 121)
    let more = try CLI.run(["run", "Scenarios/benchmarks/zdt1.yaml", "--study", study, "--resume", "--trials", "150", "-q"])
    #expect(more.status == 0, "\(more.stderr)")
    #expect(try CLI.run(["report", study, "--all", "--format", "csv"]).stdout.split(separator: "\n").count == 151)
}
