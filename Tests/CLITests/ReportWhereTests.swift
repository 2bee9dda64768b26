import Foundation
import Testing

@Suite(.enabled(if: ReportFixtures.available, "python3 is needed to write the synthetic study files"))
struct ReportWhereTests {
    @Test func whereFiltersWhatTheFrontShows() throws {
        let a = try ReportFixtures.study(trials: 120, seed: 3)
        let full = try CLI.run(["report", a, "--format", "json"])
        let cut = try CLI.run(["report", a, "--format", "json", "--where", "accuracy>=0.9", "--where", "memory_bytes < 400000"])
        #expect(full.status == 0 && cut.status == 0, "\(cut.stderr)")
        func trials(_ text: String) throws -> (all: [[String: Any]], obj: [String: Any]) {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return (try #require(obj["trials"] as? [[String: Any]]), obj)
        }
        let (front, obj) = try trials(cut.stdout)
        #expect(!front.isEmpty)
        for t in front {
            let m = try #require(t["metrics"] as? [String: Double])
            #expect((m["accuracy"] ?? 0) >= 0.9 && (m["memory_bytes"] ?? .infinity) < 400000)
        }
        let filters = try #require(obj["filters"] as? [String: Any])
        #expect(filters["where"] as? [String] == ["accuracy>=0.9", "memory_bytes<400000"] && (filters["left_out"] as? Int ?? 0) > 0)
        // The knee is a shown trial.
        if let knee = obj["knee"] as? Int { #expect(front.contains { $0["trial"] as? Int == knee }) }
        #expect(try trials(full.stdout).obj["filters"] == nil)
        let table = try CLI.run(["report", a, "--where", "accuracy>=0.9"])
        #expect(table.stdout.contains("Shown: trials where accuracy>=0.9"))
    }

    @Test func badFiltersAreLocatedAndExitWithTwo() throws {
        let a = try ReportFixtures.study()
        let op = try CLI.run(["report", a, "--where", "accuracy>>0.9"])
        #expect(op.status == 2 && op.stderr.contains("--where 'accuracy>>0.9': at character 9: '>>' is not a comparison"), "\(op.stderr)")
        let metric = try CLI.run(["report", a, "--where", "acc>=0.9"])
        #expect(metric.status == 2 && metric.stderr.contains("the study has no metric 'acc' (it has "), "\(metric.stderr)")
        let number = try CLI.run(["report", a, "--where", "accuracy>=high"])
        #expect(number.status == 2 && number.stderr.contains("at character 11: 'high' is not a number"), "\(number.stderr)")
        let none = try CLI.run(["report", a, "--where", "accuracy"])
        #expect(none.status == 2 && none.stderr.contains("no comparison"))
    }

    @Test func tolerancesThinTheFrontOfEveryCommandThatShowsOne() throws {
        let a = try ReportFixtures.study(trials: 200, objectives: 3, seed: 5)
        func json(_ text: String) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) }
        let full = try json(try CLI.run(["report", a, "--format", "json"]).stdout)
        let thin = try CLI.run(["report", a, "--format", "json", "--tolerance", "train_seconds=10%", "--tolerance", "accuracy=0.005"])
        #expect(thin.status == 0, "\(thin.stderr)")
        let t = try json(thin.stdout)
        let fullSize = try #require((full["summary"] as? [String: Any])?["front_size"] as? Int)
        let thinSize = try #require((t["summary"] as? [String: Any])?["front_size"] as? Int)
        let tol = try #require(t["tolerances"] as? [String: Any])
        #expect(tol["given"] as? [String] == ["train_seconds=10%", "accuracy=0.005"])
        #expect(thinSize > 0 && thinSize + (tol["left_out"] as? Int ?? -1) == fullSize && thinSize < fullSize)
        let status = try CLI.run(["status", a, "--tolerance", "train_seconds=10%", "--tolerance", "accuracy=0.005", "--where", "accuracy>=0.8"])
        #expect(status.status == 0 && status.stdout.contains("tolerances: train_seconds=10%, accuracy=0.005 (") && status.stdout.contains("shown: trials where accuracy>=0.8"), "\(status.stdout)")
        let b = try ReportFixtures.study(trials: 200, objectives: 3, seed: 6)
        let compare = try CLI.run(["compare", a, b, "--format", "json", "--tolerance", "train_seconds=10%"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let sizes = try #require((try json(compare.stdout)["sets"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]]).compactMap { $0["points"] as? Int }
        let plain = try #require((try json(try CLI.run(["compare", a, b, "--format", "json"]).stdout)["sets"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]]).compactMap { $0["points"] as? Int }
        #expect(sizes.count == 1 && plain.count == 1 && sizes[0] < plain[0])
        let size = try CLI.run(["size", a, "--target", "phone:memory_bytes<=400KB", "--where", "accuracy>=0.99"])
        #expect(size.status == 0 && size.stdout.contains("nothing fits"), "\(size.stdout)")
    }

    @Test func badTolerancesAreLocatedAndExitWithTwo() throws {
        let a = try ReportFixtures.study()
        for (args, text) in [(["report", a, "--tolerance", "memory_bytes=5KB"], ""),
                             (["report", a, "--tolerance", "train_seconds"], "--tolerance 'train_seconds': no '='"),
                             (["status", a, "--tolerance", "acc=1%"], "--tolerance 'acc=1%': the study has no metric 'acc'"),
                             (["report", a, "--tolerance", "accuracy=-2"], "at character 10: -2 is negative"),
                             (["compare", a, a, "--tolerance", "accuracy=x"], "'accuracy=x': at character 10: 'x' is not an amount"),
                             (["compare", a, a, "--where", "accuracy>>1"], "'>>' is not a comparison"),
                             (["status", a, "--where", "acc>1"], "the study has no metric 'acc'")] {
            let r = try CLI.run(args)
            if text.isEmpty { #expect(r.status == 0, "\(r.stderr)"); continue }
            #expect(r.status == 2 && r.stderr.contains(text), "\(args): \(r.stderr)")
        }
    }
}
