import Foundation
import Testing
import Hyperfront
@testable import IntegerPrograms

@Suite struct BudgetModelTests {
    /// layers 1–3 and one shared width, the issue's example formula.
    static func smallMLP(_ constraints: [OutcomeConstraint], formula: String = "64*units + units + (layers-1)*(units*units + units) + 10*units + 10",
                         extra: [Parameter] = []) throws(BudgetModelError) -> BudgetModel {
        let space = SearchSpace(parameters: [
            Parameter(name: "layers", domain: .int(lower: 1, upper: 3, log: false, step: 1)),
            Parameter(name: "units", domain: .ordinal([16, 32, 64])),
            Parameter(name: "lr", domain: .float(lower: 1e-4, upper: 0.1, log: true, step: nil)),
        ] + extra)
        let f = ResourceFormula(metric: "params", expression: try! Expression.parse(formula), space: space)
        return try BudgetModel(space: space, resources: [f], constraints: constraints)
    }

    @Test func impossibleBudgetIsExplained() throws {
        let m = try Self.smallMLP([OutcomeConstraint(metric: "params", kind: .atMost, bound: 1000)])
        #expect(throws: BudgetModelError.self) { try m.checkSatisfiable() }
        do { try m.checkSatisfiable() } catch {
            #expect(error.description == "no configuration fits params ≤ 1000: the smallest needs 1,210 (layers=1, units=16); relax the bound or narrow the space")
        }
        let most = try Self.smallMLP([OutcomeConstraint(metric: "params", kind: .atLeast, bound: 1e6)])
        do { try most.checkSatisfiable(); Issue.record("expected an error") } catch {
            // layers=3, units=64: 64·64+64 + 2·(64·64+64) + 640 + 10 = 13,130
            #expect(error.description == "no configuration fits params ≥ 1000000: the largest needs 13,130 (layers=3, units=64); relax the bound or narrow the space")
        }
        // Each alone can be met, not both: 1,210 and 2,410 are the two smallest values.
        let both = try Self.smallMLP([OutcomeConstraint(metric: "params", kind: .atMost, bound: 2000),
                                      OutcomeConstraint(metric: "params", kind: .atLeast, bound: 2000)])
        #expect(throws: BudgetModelError.jointlyImpossible(constraints: ["params ≤ 2000", "params ≥ 2000"])) { try both.checkSatisfiable() }
        var rng = RandomSource(seed: 1)
        #expect(throws: BudgetModelError.self) { try both.repair(Configuration([1, 0, 0.01]), using: &rng) }
    }

    @Test func repairFindsTheNearestFittingConfiguration() throws {
        let m = try Self.smallMLP([OutcomeConstraint(metric: "params", kind: .atMost, bound: 5000)])
        try m.checkSatisfiable()
        var rng = RandomSource(seed: 5)
        // Values: layers 1: 1,210 / 2,410 / 4,810; layers 2: 1,482 / 3,466 / 8,970;
        // layers 3: 1,754 / 4,522 / 13,130 (units 16 / 32 / 64).
        let out = try m.repair(Configuration([3, 2, 0.01]), using: &rng)
        #expect(m.fits(out))
        #expect(out[2] == 0.01)
        // From (3, 64): (3, 32) fits at distance 1, (2, 64) does not; so (3, 32) is the answer.
        #expect(out.values[0] == 3 && out.values[1] == 1)
        // An already fitting configuration is returned unchanged; avoiding it moves it.
        let fine = Configuration([1, 0, 0.02])
        #expect(try m.repair(fine, using: &rng) == fine)
        let moved = try m.repair(fine, avoiding: [fine], using: &rng)
        #expect(moved != fine && m.fits(moved) && m.distance(moved, fine) == 1)
        // A different continuous value is a new configuration: not avoided.
        #expect(try m.repair(fine, avoiding: [Configuration([1, 0, 0.03])], using: &rng) == fine)
    }

    @Test func tieBreakSpreadsRepairs() throws {
        // (1, 64) = 4,810 and (2, 32) = 3,466 both fit 5,000 at distance 1 of (2, 64) = 8,970:
        // repairs from different seeds reach both.
        let m = try Self.smallMLP([OutcomeConstraint(metric: "params", kind: .atMost, bound: 5000)])
        var seen = Set<Configuration>()
        for seed in 0..<40 as Range<UInt64> {
            var rng = RandomSource(seed: seed)
            let out = try m.repair(Configuration([2, 2, 0.01]), using: &rng)
            #expect(m.fits(out) && m.distance(out, Configuration([2, 2, 0.01])) == 1)
            seen.insert(out)
        }
        #expect(seen == [Configuration([1, 2, 0.01]), Configuration([2, 1, 0.01])])
        // The same seed gives the same repair.
        var a = RandomSource(seed: 9), b = RandomSource(seed: 9)
        #expect(try m.repair(Configuration([3, 2, 0.01]), using: &a) == m.repair(Configuration([3, 2, 0.01]), using: &b))
    }

    /// Two threads repairing with one model give the same answers as one thread.
    @Test func concurrentRepairsMatchSerialOnes() async throws {
        let scenario = try ScenarioFixture.budgetedMLP()
        let m = try BudgetModel(space: scenario.space, resources: scenario.resources, constraints: scenario.constraints)
        @Sendable func repairs(_ seed: UInt64) throws -> [Configuration] {
            var rng = RandomSource(seed: seed)
            return try (0..<60).map { _ in try m.repair(scenario.space.sample(using: &rng), using: &rng) }
        }
        let serial = try [repairs(1), repairs(2)]
        async let a = Task.detached { try repairs(1) }.value
        async let b = Task.detached { try repairs(2) }.value
        let parallel = try await [a, b]
        #expect(parallel == serial)
        #expect(serial.joined().allSatisfy(m.fits))
    }

    @Test func badFormulasAreClearErrors() throws {
        let budget = [OutcomeConstraint(metric: "params", kind: .atMost, bound: 10)]
        #expect(throws: BudgetModelError.continuousParameter(metric: "params", name: "lr")) {
            try Self.smallMLP(budget, formula: "units*lr")
        }
        #expect(throws: BudgetModelError.unknownParameter(metric: "params", name: "width")) {
            try Self.smallMLP(budget, formula: "units*width")
        }
        let wide = [Parameter(name: "a", domain: .int(lower: 1, upper: 1000, log: false, step: 1)),
                    Parameter(name: "b", domain: .int(lower: 1, upper: 1000, log: false, step: 1))]
        do { _ = try Self.smallMLP(budget, formula: "a*b", extra: wide); Issue.record("expected an error") } catch {
            #expect(error == .tableTooLarge(metric: "params", term: "a*b", parameters: ["a", "b"], cells: 1_000_000, limit: 100_000))
            #expect(error.description.contains("a table of 1,000,000 cells (at most 100,000)"))
        }
        let huge = [Parameter(name: "n", domain: .int(lower: 1, upper: 100_000, log: false, step: 1))]
        #expect(throws: BudgetModelError.tooManyValues(metric: "params", name: "n", count: 100_000, limit: 10_000)) {
            try Self.smallMLP(budget, formula: "n", extra: huge)
        }
        let empty = [Parameter(name: "z", domain: .int(lower: 1, upper: 4, log: false, step: 0))]
        do { _ = try Self.smallMLP(budget, formula: "z", extra: empty); Issue.record("expected an error") } catch {
            #expect(error.description.contains("whose range holds no values"))
        }
        // A formula on no budget is not modelled, so it may name anything.
        let free = try Self.smallMLP([], formula: "units*lr")
        #expect(!free.isActive)
        var rng = RandomSource(seed: 1)
        #expect(try free.repair(Configuration([3, 2, 0.5]), using: &rng) == Configuration([3, 2, 0.5]))
        #expect(throws: BudgetModelError.self) { try free.repair(Configuration([3, 2]), using: &rng) }
    }

    @Test func nonFiniteValuesNeverFit() throws {
        // 1/(layers-1) is infinite for layers = 1: that choice is excluded.
        let m = try Self.smallMLP([OutcomeConstraint(metric: "params", kind: .atMost, bound: 1)], formula: "1/(layers-1)")
        var rng = RandomSource(seed: 2)
        #expect(!m.fits(Configuration([1, 0, 0.01])))
        let out = try m.repair(Configuration([1, 0, 0.01]), using: &rng)
        #expect(out == Configuration([2, 0, 0.01]))
    }

    /// The scenario in Scenarios/: its weight formula equals the count of a real MLP's
    /// weights and biases, and its budgets can be met.
    @Test func budgetedScenario() throws {
        let scenario = try ScenarioFixture.budgetedMLP()
        let m = try BudgetModel(space: scenario.space, resources: scenario.resources, constraints: scenario.constraints)
        #expect(m.isActive && m.budgets.count == 2)
        #expect(m.budgetedParameters == ["layers", "units_1", "units_2", "units_3", "units_4", "units_5", "batch_size"])
        try m.checkSatisfiable()
        var rng = RandomSource(seed: 3)
        let weights = scenario.resources.first { $0.metric == "weights" }!
        for _ in 0..<300 {
            let c = scenario.space.sample(using: &rng)
            let widths = (1...5).compactMap { k -> Double? in
                let v = c[scenario.space.index(of: "units_\(k)")!]
                return v.isNaN ? nil : scenario.space[scenario.space.index(of: "units_\(k)")!].domain.numeric(v)
            }
            let sizes = [64.0] + widths + [10]
            let count = zip(sizes, sizes.dropFirst()).reduce(0.0) { $0 + $1.0 * $1.1 + $1.1 }
            #expect(weights.value(c, in: scenario.space) == count)
            let out = try m.repair(c, using: &rng)
            #expect(m.fits(out))
        }
        let ext = try m.extremes(using: &rng)
        #expect(ext.count >= 2 && ext.allSatisfy(m.fits))
        let smallest: Double = 64 * 16 + 16 + 16 * 10 + 10
        #expect(ext.map { weights.value($0, in: scenario.space) }.min() == smallest)
    }
}
