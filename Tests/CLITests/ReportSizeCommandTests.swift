import Foundation
import Testing

@Suite(.enabled(if: ReportFixtures.available, "python3 is needed to write the synthetic study files"))
struct ReportSizeCommandTests {
    @Test func sizesTargetsAndNamesTheOneNothingFits() throws {
        let study = try ReportFixtures.study()
        let args = ["size", study, "--target", "phone:memory_bytes<=20KB", "--target", "edge:memory_bytes<=300KB,train_seconds<=20",
                    "--target", "watch:1KB", "--max-models", "2", "--weight", "phone=3", "--maximize", "accuracy"]
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("at most 2 distinct configurations"))
        #expect(r.stdout.contains("watch: nothing fits; memory_bytes ≤ 1 KB: the smallest is 4.74 KB"))
        for format in ["markdown", "json"] {
            let a = try CLI.run(args + ["--format", format]), b = try CLI.run(args + ["--format", format])
            #expect(a.status == 0 && a.stdout == b.stdout)
        }
    }

    @Test func badTargetSyntaxIsExplainedWithExitTwo() throws {
        let study = try ReportFixtures.study(trials: 20)
        for bad in ["phone", "phone:memory_bytes<2MB", "phone:memory_bytes<=lots"] {
            let r = try CLI.run(["size", study, "--target", bad])
            #expect(r.status == 2, "\(bad)")
            #expect(r.stderr.contains("--target '\(bad)'") && r.stderr.contains("e.g. phone:memory_bytes<=2MB"))
        }
        let unknown = try CLI.run(["size", study, "--target", "phone:flash_bytes<=2MB"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no metric 'flash_bytes'"))
        let weight = try CLI.run(["size", study, "--target", "phone:2MB", "--weight", "phone=-1"])
        #expect(weight.status == 2)
    }
}
