import Foundation
import Testing

/// `compare`'s verdict on real runs: NSGA-II against random search on ZDT1 at 25,000
/// evaluations, five seeds each — a difference every indicator must find, with p < 0.05.
struct CompareVerdictTests {
    @Test func nsga2BeatsRandomSearchOnZDT1WithSignificance() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hyperfront-verdict-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var runs: [String: [String]] = [:]
        for algorithm in ["nsga2", "random"] {
            for seed in 1...5 {
                let study = dir.appendingPathComponent("\(algorithm)-s\(seed).sqlite").path
                let r = try CLI.run(["run", "Scenarios/benchmarks/zdt1.yaml", "--seed", "\(seed)", "--algorithm", algorithm, "--study", study])
                #expect(r.status == 0, "\(algorithm) seed \(seed): \(r.stderr)")
                runs[algorithm, default: []].append(study)
            }
        }
        let r = try CLI.run(["compare", "--runs", "random=" + runs["random"]!.joined(separator: ","),
                             "--runs", "nsga2=" + runs["nsga2"]!.joined(separator: ","), "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let verdicts = try #require(obj["verdicts"] as? [[String: Any]])
        #expect(verdicts.count == 4)
        for v in verdicts {
            #expect(v["better"] as? String == "nsga2", "\(v["sentence"] ?? "")")
            #expect((v["p"] as? Double ?? 1) < 0.05 && v["test"] as? String == "Mann–Whitney U")
            // Seeds pair: NSGA-II wins on every one.
            let wins = try #require(v["wins"] as? [String: Int])
            #expect(wins["second"] == 5 && wins["first"] == 0)
        }
        #expect((obj["warnings"] as? [String])?.isEmpty == true)
        let table = try CLI.run(["compare", "--runs", "random=" + runs["random"]!.joined(separator: ","),
                                 "--runs", "nsga2=" + runs["nsga2"]!.joined(separator: ",")])
        #expect(table.stdout.contains("hypervolume: nsga2 is better than random"))
        // Named sides: a duplicate name and an empty name are refused.
        let dup = try CLI.run(["compare", "--runs", "x=" + runs["random"]![0], "--runs", "x=" + runs["nsga2"]![0]])
        #expect(dup.status == 2 && dup.stderr.contains("two sets are named 'x'"))
        let empty = try CLI.run(["compare", "--runs", "=" + runs["random"]![0], "--runs", runs["nsga2"]![0]])
        #expect(empty.status == 2 && empty.stderr.contains("the name before '=' is empty"))
    }

    /// Two fronts that differ by 0.00012 in f1 — less than one validation sample of 8,000 —
    /// are a tie on every indicator, for single fronts and for repeated runs (Tests/Fixtures/compare).
    @Test func aDifferenceBelowOneValidationSampleIsATie() throws {
        let dir = "Tests/Fixtures/compare/"
        func verdicts(_ args: [String]) throws -> [[String: Any]] {
            let r = try CLI.run(["compare"] + args + ["--maximize", "f1", "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return try #require(obj["verdicts"] as? [[String: Any]])
        }
        let single = try verdicts([dir + "negligible-a1.csv", dir + "negligible-b1.csv"])
        let runs = try verdicts(["--runs", "a=" + (1...3).map { dir + "negligible-a\($0).csv" }.joined(separator: ","),
                                 "--runs", "b=" + (1...3).map { dir + "negligible-b\($0).csv" }.joined(separator: ",")])
        for v in single + runs {
            #expect(v["negligible"] as? Bool == true && v["better"] is NSNull, "\(v["sentence"] ?? "")")
            #expect((v["sentence"] as? String ?? "").contains(" tie — the difference "))
        }
        #expect(single.count == 4 && runs.count == 4)
        // The table says it in words, with the difference in f1's own unit.
        let table = try CLI.run(["compare", dir + "negligible-a1.csv", dir + "negligible-b1.csv", "--maximize", "f1"])
        #expect(table.stdout.contains("hypervolume: ") && table.stdout.contains(" tie — ") && table.stdout.contains("+0.00012"), "\(table.stdout)")
    }
}
