import Foundation
import Hyperfront
import Testing
@testable import Reports

/// Every subset of at most K candidates, each target taking its best fitting member: the
/// plain definition of the optimum.
private func bruteForce(_ p: SizingProblem) -> (covered: Int, score: Double) {
    let n = p.candidates.count
    var best = p.value(p.assign([]))
    for mask in 0..<(1 << n) where mask.nonzeroBitCount <= p.maxModels {
        let chosen = (0..<n).filter { mask & (1 << $0) != 0 }
        let v = p.value(p.assign(chosen))
        if v.covered > best.covered || (v.covered == best.covered && v.score > best.score) { best = v }
    }
    return best
}

@Test(arguments: ["branch-and-bound", "glpk"])
func solverEqualsBruteForceOnRandomProblems(solver: String) throws {
    var rng = RandomSource(seed: 42)
    for _ in 0..<(solver == "glpk" ? 150 : 300) {
        let n = Int.random(in: 1...10, using: &rng), t = Int.random(in: 1...4, using: &rng)
        let candidates = (0..<n).map { SizingProblem.Candidate(trial: $0, score: Double(Int.random(in: 0...20, using: &rng)) / 4) }
        let fits = (0..<t).map { _ in (0..<n).map { _ in rng.uniform() < 0.45 } }
        let weights = (0..<t).map { _ in Double(Int.random(in: 1...3, using: &rng)) }
        let p = SizingProblem(candidates: candidates, fits: fits, weights: weights, maxModels: Int.random(in: 1...3, using: &rng))
        let s = solver == "glpk" ? try MILPSizingSolver().solve(p) : ExhaustiveSizingSolver().solve(p)
        let v = p.value(s.assignment), oracle = bruteForce(p)
        #expect(v.covered == oracle.covered)
        #expect(abs(v.score - oracle.score) < 1e-9)
        // The solution is valid: fits, and at most K distinct configurations.
        for (k, c) in s.assignment.enumerated() { if let c { #expect(p.fits[k][c]) } }
        #expect(Set(s.assignment.compactMap { $0 }).count <= p.maxModels)
    }
}

@Test func targetSyntaxIsCheckedWithAnExample() throws {
    let t = try DeploymentTarget.parse("edge:memory_bytes<=16MB,train_seconds<=20")
    #expect(t.name == "edge")
    #expect(t.budgets == [OutcomeConstraint(metric: "memory_bytes", kind: .atMost, bound: 16e6), OutcomeConstraint(metric: "train_seconds", kind: .atMost, bound: 20)])
    #expect(try DeploymentTarget.parse("phone:2MB").budgets == [OutcomeConstraint(metric: "memory_bytes", kind: .atMost, bound: 2e6)])
    #expect(try DeploymentTarget.parse("acc:accuracy>=0.9").budgets[0].kind == .atLeast)
    for bad in ["phone", ":memory_bytes<=2MB", "phone:memory_bytes<2MB", "phone:memory_bytes<=two", "phone:memory_bytes<=2MB,", "ph one:2MB"] {
        #expect(throws: DeploymentTarget.SyntaxError.self, "\(bad)") { try DeploymentTarget.parse(bad) }
    }
    do { _ = try DeploymentTarget.parse("phone:memory_bytes<2MB") } catch {
        #expect(error.description.contains("phone:memory_bytes<=2MB"))
    }
}

@Test func sizingPlanPicksTheBestThatFitsAndCountsWhatIsGivenUp() throws {
    let r = try fixtureReport(count: 60)
    let phone = try DeploymentTarget.parse("phone:memory_bytes<=20KB")
    let edge = try DeploymentTarget.parse("edge:memory_bytes<=300KB,train_seconds<=20")
    let server = try DeploymentTarget.parse("server:memory_bytes<=1MB")
    let tiny = try DeploymentTarget.parse("watch:memory_bytes<=1KB")
    let free = try SizingPlan(report: r, targets: [phone, edge, server, tiny], weights: ["phone": 3])
    // Without a model limit each target gets the best feasible trial that fits it.
    for c in free.choices where c.bestFitting != nil {
        #expect(c.trial == c.bestFitting)
        let fitting = r.feasible.filter { i in c.target.budgets.allSatisfy { $0.violation(r.metric($0.metric, of: i)) == 0 } }
        #expect(c.value == fitting.map { r.metric("accuracy", of: $0)! }.max())
    }
    let watch = free.choices[3]
    #expect(watch.trial == nil)
    let smallest = r.feasible.map { r.metric("memory_bytes", of: $0)! }.min()!
    #expect(watch.reason!.contains("the smallest is \(MetricUnit.bytes.format(smallest))"))
    // With one model, one configuration must fit all coverable targets: the phone's budget rules.
    let one = try SizingPlan(report: r, targets: [phone, edge, server], weights: ["phone": 3], maxModels: 1)
    let oneExhaustive = try SizingPlan(report: r, targets: [phone, edge, server], weights: ["phone": 3], maxModels: 1, solver: ExhaustiveSizingSolver())
    #expect(one.choices.map(\.trial) == oneExhaustive.choices.map(\.trial))
    #expect(one.modelsUsed == 1)
    #expect(one.choices.allSatisfy { $0.trial == one.choices[0].trial })
    try Golden.check(SizingFormat.table(free), "size.txt")
    try Golden.check(SizingFormat.table(one), "size-one-model.txt")
    try Golden.check(SizingFormat.markdown(one), "size-one-model.md")
    try Golden.check(SizingFormat.json(free), "size.json")
}

@Test func sizingRefusesUnknownMetricsAndTargets() throws {
    let r = try fixtureReport(count: 20)
    let t = try DeploymentTarget.parse("phone:flash_bytes<=2MB")
    #expect(throws: SizingPlan.PlanError.self) { try SizingPlan(report: r, targets: [t]) }
    let ok = try DeploymentTarget.parse("phone:2MB")
    #expect(throws: SizingPlan.PlanError.self) { try SizingPlan(report: r, targets: [ok], weights: ["edge": 2]) }
    #expect(throws: SizingPlan.PlanError.self) { try SizingPlan(report: r, targets: [ok, ok]) }
    #expect(throws: SizingPlan.PlanError.self) { try SizingPlan(report: r, targets: [ok], maxModels: 0) }
}
