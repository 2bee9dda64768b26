import Foundation
import Testing

/// Reports never destroy or write to the study they read, and compare refuses inputs it
/// would misread.
@Suite struct StudyFileSafetyTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/Fixtures/first-release")

    /// A fresh copy of a first-release fixture, in a folder of its own.
    static func copy(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("\(name).sqlite").path
        try FileManager.default.copyItem(atPath: fixtures.appendingPathComponent("\(name).sqlite").path, toPath: path)
        return path
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func reportOutputOverItsStudyIsRefused() throws {
        let study = try Self.copy("zdt1")
        let before = try Self.bytes(study)
        for output in [study, (study as NSString).deletingLastPathComponent + "/./" + (study as NSString).lastPathComponent] {
            let r = try CLI.run(["report", study, "--format", "csv", "--output", output])
            #expect(r.status == 2 && r.stderr.contains("that is the input"), "\(r.stderr)")
        }
        // Through a symbolic link too.
        let link = study + ".link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: study)
        #expect(try CLI.run(["report", study, "--output", link]).status == 2)
        // Any other study file is refused as well.
        let other = try Self.copy("command")
        let otherBefore = try Self.bytes(other)
        let r = try CLI.run(["report", study, "--format", "json", "--output", other])
        #expect(r.status == 2 && r.stderr.contains("is a study file"), "\(r.stderr)")
        let size = try CLI.run(["size", study, "--target", "small:f1<=1", "--output", other])
        #expect(size.status == 2, "\(size.stderr)")
        #expect(try Self.bytes(study) == before && Self.bytes(other) == otherBefore)
    }

    @Test func compareOutputOverAnInputIsRefused() throws {
        let a = try Self.copy("zdt1"), b = try Self.copy("zdt1")
        let before = try Self.bytes(b)
        let r = try CLI.run(["compare", a, b, "--output", b])
        #expect(r.status == 2 && r.stderr.contains("that is the input"), "\(r.stderr)")
        let csv = (a as NSString).deletingLastPathComponent + "/front.csv"
        try "f1,f2\n0.1,0.9\n0.5,0.4\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let c = try CLI.run(["compare", a, "--runs", "\(csv)", "--output", csv])
        #expect(c.status == 2, "\(c.stderr)")
        #expect(try Self.bytes(b) == before && String(contentsOfFile: csv, encoding: .utf8) == "f1,f2\n0.1,0.9\n0.5,0.4\n")
    }

    @Test func readingNeitherWritesNorLeavesFilesInAReadOnlyFolder() throws {
        let study = try Self.copy("mlp")
        let dir = (study as NSString).deletingLastPathComponent
        let before = try Self.bytes(study)
        let modified = try FileManager.default.attributesOfItem(atPath: study)[.modificationDate] as? Date
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        let report = try CLI.run(["report", study, "--all", "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == (try String(contentsOf: Self.fixtures.appendingPathComponent("mlp.report-all.csv"), encoding: .utf8)))
        let status = try CLI.run(["status", study])
        #expect(status.status == 0 && status.stdout.contains("trials: 12 of 12 done"), "\(status.stderr)")
        #expect(try CLI.run(["size", study, "--target", "phone:memory_bytes<=100KB"]).status == 0)
        #expect(try CLI.run(["compare", study, study]).status == 0)
        // Nothing changed, and nothing was made beside it (no -wal, no -shm; root ignores the mode).
        #expect(try Self.bytes(study) == before)
        #expect((try FileManager.default.attributesOfItem(atPath: study)[.modificationDate] as? Date) == modified)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["mlp.sqlite"])
    }

    @Test func firstReleaseStudiesReportTheSameBytes() throws {
        for name in ["zdt1", "mlp", "command"] {
            let study = try Self.copy(name)
            let csv = try CLI.run(["report", study, "--all", "--format", "csv"])
            #expect(csv.status == 0, "\(csv.stderr)")
            #expect(csv.stdout == (try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).report-all.csv"), encoding: .utf8)), "\(name)")
            // What the first release printed, then the sections added since (importance).
            let table = try CLI.run(["report", study])
            let first = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).report.txt"), encoding: .utf8)
            #expect(table.status == 0 && table.stdout.hasPrefix(first), "\(name): \(table.stdout)")
        }
    }

    @Test func firstReleaseStudiesResumeToALargerBudget() throws {
        for (name, trials) in [("zdt1", 40), ("mlp", 12), ("command", 10)] {
            let study = try Self.copy(name)
            let scenario = "Tests/Fixtures/first-release/\(name).yaml"
            // Nothing to do at the stored budget.
            let again = try CLI.run(["run", scenario, "--study", study, "--resume", "--quiet"])
            #expect(again.status == 0, "\(name): \(again.stderr)")
            let more = try CLI.run(["run", scenario, "--study", study, "--resume", "--trials", String(trials + 5), "--quiet"])
            #expect(more.status == 0, "\(name): \(more.stderr)")
            let csv = try CLI.run(["report", study, "--all", "--format", "csv"]).stdout
            let rows = csv.split(separator: "\n", omittingEmptySubsequences: false)
            let old = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).report-all.csv"), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            // The first release's trials are kept as they were; five more follow.
            #expect(rows.count == old.count + 5, "\(name)")
            #expect(Array(rows.prefix(old.count - 1)) == Array(old.prefix(old.count - 1)), "\(name)")
            let status = try CLI.run(["status", study]).stdout
            #expect(status.contains("trials: \(trials + 5) of \(trials + 5) done"), "\(name): \(status)")
        }
    }

    @Test func compareRefusesCSVsWithOtherColumnsBothWays() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hf-cols-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let two = dir.appendingPathComponent("two.csv").path, three = dir.appendingPathComponent("three.csv").path
        try "0.1,0.9\n0.5,0.4\n".write(toFile: two, atomically: true, encoding: .utf8)
        try "0.1,0.9,3\n0.5,0.4,2\n".write(toFile: three, atomically: true, encoding: .utf8)
        for (a, b) in [(two, three), (three, two)] {
            let r = try CLI.run(["compare", a, b])
            #expect(r.status == 2, "compare \(a) \(b): \(r.stdout)")
            #expect(!r.stderr.isEmpty && !r.stderr.contains("Fatal error"))
        }
        let named2 = dir.appendingPathComponent("n2.csv").path, named3 = dir.appendingPathComponent("n3.csv").path
        try "f1,f2\n0.1,0.9\n0.5,0.4\n".write(toFile: named2, atomically: true, encoding: .utf8)
        try "f1,f2,f3\n0.1,0.9,3\n0.5,0.4,2\n".write(toFile: named3, atomically: true, encoding: .utf8)
        for (a, b) in [(named2, named3), (named3, named2)] {
            let r = try CLI.run(["compare", a, b])
            #expect(r.status == 2 && r.stderr.contains("f3"), "compare \(a) \(b): \(r.stderr)")
        }
        #expect(try CLI.run(["compare", two, two]).status == 0)
    }

    @Test func compareWithAnEmptyRunsListIsAClearError() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("hf-pts-\(UUID().uuidString).csv").path
        try "0.1,0.9\n0.5,0.4\n".write(toFile: csv, atomically: true, encoding: .utf8)
        for args in [["--runs", "", "--runs", csv], ["--runs", ",", "--runs", csv], [csv, "--runs", " "]] {
            let r = try CLI.run(["compare"] + args)
            #expect(r.status == 2 && r.stderr.contains("--runs"), "\(args): \(r.stderr)")
        }
    }

    @Test func negativeReferencePointNeedsNoEqualsSign() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("hf-neg-\(UUID().uuidString).csv").path
        try "-3,-1\n-2,-2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try CLI.run(["hv", csv, "--ref", "-1,-1"])
        #expect(r.status == 0, "\(r.stderr)")
        // (-3, -1) is not below the reference in f2 and adds nothing; (-2, -2) adds a 1 × 1 box.
        #expect(Double(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == 1)
        #expect(r.stdout == (try CLI.run(["hv", csv, "--ref=-1,-1"])).stdout)
    }

    /// A study whose disk is full when its file is first written is a failure of the machine
    /// (exit code 1), not bad input: the message says the disk is full and where, and no
    /// half-made study file is left. Needs root for a 64 KB tmpfs; under CI a missing mount
    /// fails the test, elsewhere it is skipped with the reason printed.
    @Test func aFullDiskAtTheFirstCommitExitsWithOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hf-full-\(UUID().uuidString)")
        let disk = root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let mount = try Self.system("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path])
        guard mount.status == 0 else {
            let why = "cannot mount a 64 KB tmpfs at \(disk.path) (\(mount.output.trimmingCharacters(in: .whitespacesAndNewlines))); run the tests as root"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("\(why)") } else { print("skipped aFullDiskAtTheFirstCommitExitsWithOne: \(why)") }
            return
        }
        defer { _ = try? Self.system("/usr/bin/umount", [disk.path]) }
        let scenario = root.appendingPathComponent("s.yaml").path
        try """
        name: full
        evaluator: {benchmark: zdt1, variables: 3}
        objectives: [{metric: f1}, {metric: f2}]
        search: {algorithm: random, trials: 4, seed: 1}
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", scenario, "--study", disk.appendingPathComponent("s.sqlite").path, "--quiet"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("the disk is full") && r.stderr.contains(disk.path), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }

    /// Runs `program` with `arguments`; its exit status and its stdout and stderr together.
    static func system(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
