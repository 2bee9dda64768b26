import Foundation
import Testing

/// The architecture-search scenario prices operations with comparisons
/// (`243040*(op0 == 'conv3x3')`): every sampler proposes only cells within its weight budget.
@Test(arguments: ["nsga2", "random", "grid", "bayes"])
func everySamplerKeepsCellsWithinACountedBudget(_ algorithm: String) throws {
    let dir = temporaryDirectory()
    let study = dir.appendingPathComponent("s.sqlite").path
    let run = try CLI.run(["run", "Scenarios/architecture-search/architecture-search.yaml", "--study", study,
                           "--trials", "10", "--workers", "2", "--algorithm", algorithm, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    let csv = try CLI.run(["report", study, "--all", "--format", "csv"])
    let rows = try #require(parseCSV(csv.stdout))
    let header = rows[0]
    let params = try #require(header.firstIndex(of: "params"))
    let ops = (0..<6).map { header.firstIndex(of: "op\($0)")! }
    #expect(rows.count == 11)
    for row in rows.dropFirst() {
        let value = try #require(Double(row[params]))
        // Recomputed from the operations, independently of the formula's parser.
        let expected = 73306 + 28000 * Double(ops.filter { row[$0] == "conv1x1" }.count)
            + 243040 * Double(ops.filter { row[$0] == "conv3x3" }.count)
        #expect(value == expected, "\(row)")
        #expect(value <= 600_000, "\(algorithm) proposed \(row)")
    }
}

@Test func aComparisonWithAnUnknownOperationIsALocatedError() throws {
    let dir = temporaryDirectory()
    let text = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("Scenarios/architecture-search/architecture-search.yaml").path, encoding: .utf8)
        .replacingOccurrences(of: "(op4 == 'conv3x3')", with: "(op4 == 'conv5x5')")
    let path = dir.appendingPathComponent("arch.yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let run = try CLI.run(["run", path, "--study", dir.appendingPathComponent("s.sqlite").path, "--quiet"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("arch.yaml:22:11: error: resources.params: the comparison (op4 == 'conv5x5') compares 'op4' with 'conv5x5', which is not one of its values"), "\(run.stderr)")
    #expect(run.stderr.contains("write one of: 'none', 'skip_connect', 'conv1x1', 'conv3x3', 'avg_pool'"))
}
