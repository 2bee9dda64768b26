import Foundation
import Testing

/// A folder of its own for one test, with `files` written into it.
private func folder(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return dir
}

private let grid = """
    name: grid
    evaluator: {benchmark: zdt1, variables: 2}
    objectives: [{metric: f1}, {metric: f2}]
    search: {algorithm: grid, trials: 100, grid_points: 5, seed: 3}
    """

/// The grid study of issue "resume depends on where the budget came from": started with
/// --trials 10, resumed as it is (nothing to do, exit 0), then resumed to 25 trials — the whole
/// 25-point grid, each point once.
@Test func aGridStartedWithTenTrialsResumesToTheWholeGrid() throws {
    let dir = try folder(["grid.yaml": grid])
    let study = dir.appendingPathComponent("g.sqlite").path
    let first = try CLI.run(["run", "grid.yaml", "--study", study, "--trials", "10", "--quiet"], currentDirectory: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let noop = try CLI.run(["run", "grid.yaml", "--study", study, "--resume", "--quiet"], currentDirectory: dir)
    #expect(noop.status == 0, "\(noop.stderr)")
    #expect(noop.stderr.contains("10 trials in \(study) (0 run now"), "\(noop.stderr)")
    let grown = try CLI.run(["run", "grid.yaml", "--study", study, "--resume", "--trials", "25", "--quiet"], currentDirectory: dir)
    #expect(grown.status == 0, "\(grown.stderr)")
    let csv = try CLI.run(["report", study, "--format", "csv", "--all"]).stdout
    let rows = csv.split(separator: "\n").dropFirst()
    #expect(rows.count == 25)
    #expect(Set(rows.map { $0.split(separator: ",")[1...2].joined(separator: ",") }).count == 25)
}

@Test func algorithmIsAnOverrideAndAResumedStudyKeepsItsOwn() throws {
    let dir = try folder(["grid.yaml": grid])
    let study = dir.appendingPathComponent("r.sqlite").path
    let random = try CLI.run(["run", "grid.yaml", "--study", study, "--algorithm", "random", "--trials", "30", "--quiet"], currentDirectory: dir)
    #expect(random.status == 0, "\(random.stderr)")
    // Random search is not held to the grid's 25 points.
    #expect(random.stderr.contains("30 trials in"), "\(random.stderr)")
    let other = try CLI.run(["run", "grid.yaml", "--study", study, "--resume", "--algorithm", "grid"], currentDirectory: dir)
    #expect(other.status == 2 && other.stderr.contains("the study was run with --algorithm random, not grid"), "\(other.stderr)")
    let kept = try CLI.run(["run", "grid.yaml", "--study", study, "--resume", "--trials", "35", "--quiet"], currentDirectory: dir)
    #expect(kept.status == 0 && kept.stderr.contains("35 trials in"), "\(kept.stderr)")
    let unknown = try CLI.run(["run", "grid.yaml", "--algorithm", "nsga3"], currentDirectory: dir)
    #expect(unknown.status == 2 && unknown.stderr.contains("unknown algorithm 'nsga3'"), "\(unknown.stderr)")
}

@Test func tooManyWorkersAreRefusedWithWhatToWrite() throws {
    let dir = try folder(["grid.yaml": grid])
    let r = try CLI.run(["run", "grid.yaml", "--workers", "100000"], currentDirectory: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("--workers must be a whole number from 1 to 256 (or 0 with a study in PostgreSQL), got 100000; write e.g. --workers "), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs").path))
}

@Test func theDefaultStudyStaysInsideRuns() throws {
    let dir = try folder([
        "escape.yaml": grid.replacingOccurrences(of: "name: grid", with: "name: \"../../escaped\""),
        "nested.yaml": grid.replacingOccurrences(of: "name: grid", with: "name: a/b"),
    ])
    let work = dir.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    for name in ["escape.yaml", "nested.yaml"] {
        let r = try CLI.run(["run", "../\(name)", "--trials", "3", "--quiet"], currentDirectory: work)
        #expect(r.status == 0, "\(r.stderr)")
    }
    let runs = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("runs").path).sorted()
    #expect(runs.filter { $0.hasSuffix(".sqlite") } == ["a-b.sqlite", "escaped.sqlite"])
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escaped.sqlite").path))
    #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("runs/a").path))
}

@Test func aStudyInAFolderThatCannotBeMadeIsExplained() throws {
    let dir = try folder(["grid.yaml": grid])
    let r = try CLI.run(["run", "grid.yaml", "--study", "/dev/null/runs/x.sqlite"], currentDirectory: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("cannot create the study file") && r.stderr.contains("/dev/null is a file, not a folder"), "\(r.stderr)")
    #expect(!r.stderr.contains("not a Hyperfront study file"))
}

@Test func aFolderGivenAsTheStudyIsNamedAsSuch() throws {
    let dir = try folder(["grid.yaml": grid])
    let r = try CLI.run(["run", "grid.yaml", "--study", dir.path], currentDirectory: dir)
    #expect(r.status == 2)
    #expect(r.stderr.contains("\(dir.path) is a folder; give the study file's name"), "\(r.stderr)")
    #expect(!r.stderr.contains("already exists"))
}
