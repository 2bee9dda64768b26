import Foundation
import Testing

/// A negative number given to a numeric option is that option's value, refused with a message
/// that says what the option takes (ArgumentParser took `-1` for a flag: "Missing value").
@Suite struct NegativeNumberArgumentTests {
    @Test func aNegativeSeedSaysWhatASeedIs() throws {
        for arguments in [["run", "none.yaml", "--seed", "-1"], ["hv", "none.csv", "--ref", "1,1", "--approximate", "10", "--seed", "-1"]] {
            let r = try CLI.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("a whole number from 0 to 2^64−1"), "\(arguments): \(r.stderr)")
            #expect(!r.stderr.contains("Missing value"), "\(arguments): \(r.stderr)")
        }
        let tooLarge = try CLI.run(["run", "none.yaml", "--seed", "18446744073709551616"])
        #expect(tooLarge.status == 2 && tooLarge.stderr.contains("a whole number from 0 to 2^64−1"), "\(tooLarge.stderr)")
    }

    /// Every numeric option of every command: the negative value reaches the option's own check.
    @Test(arguments: [
        ["run", "none.yaml", "--trials", "-1"],
        ["run", "none.yaml", "--workers", "-1"],
        ["run", "none.yaml", "--pipeline", "-1"],
        ["hv", "POINTS", "--ref", "2,2", "--approximate", "-1"],
        ["hv", "POINTS", "--ref", "2,2", "--repeat", "-1"],
        ["nondominated", "POINTS", "--repeat", "-1"],
        ["status", "none.sqlite", "--points", "-1"],
        ["create", "none.yaml", "--seed", "-1"],
        ["create", "none.yaml", "--trials", "-1"],
        ["create", "none.yaml", "--pipeline", "-1"],
        ["ask", "none.sqlite", "-n", "-1"],
        ["ask", "none.sqlite", "--timeout", "-1"],
    ])
    func aNegativeCountIsNotAMissingValue(_ arguments: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("negative-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let points = dir.appendingPathComponent("points.csv").path
        try "1,0\n0,1\n".write(toFile: points, atomically: true, encoding: .utf8)
        let r = try CLI.run(arguments.map { $0 == "POINTS" ? points : $0 })
        #expect(r.status == 2, "\(arguments): \(r.stderr)")
        #expect(!r.stderr.contains("Missing value"), "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains("-1"), "\(arguments): \(r.stderr)")
    }

    /// A count out of range is refused with the range and a value to write — never a bound
    /// that the value already breaks ("write --workers 1 or fewer" for -1).
    @Test(arguments: [
        (["--workers", "-1"], "must be a whole number from 1 to 256 (or 0 with a study in PostgreSQL), got -1; write e.g. --workers "),
        (["--workers", "100000"], "must be a whole number from 1 to 256 (or 0 with a study in PostgreSQL), got 100000; write e.g. --workers "),
        (["--trials", "0"], "--trials must be a whole number from 1 to "),
        (["--trials", "-5"], "got -5; write e.g. --trials 100"),
        (["--pipeline", "-1"], "--pipeline must be 0 (strict generations) or more, got -1; write e.g. --pipeline 0"),
        (["--max-failures", "-2"], "--max-failures must be 0 (never stop) or more, got -2; write e.g. --max-failures 5"),
    ])
    func anOutOfRangeCountSaysWhatToWrite(_ option: [String], _ message: String) throws {
        let r = try CLI.run(["run", "none.yaml"] + option)
        #expect(r.status == 2, "\(option): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(option): \(r.stderr)")
        #expect(!r.stderr.contains("or fewer"), "\(option): \(r.stderr)")
    }

    @Test func aNegativeModelCountIsNotAMissingValue() throws {
        let r = try CLI.run(["size", "none.sqlite", "--max-models", "-1"])
        #expect(r.status == 2 && !r.stderr.contains("Missing value"), "\(r.stderr)")
    }
}
