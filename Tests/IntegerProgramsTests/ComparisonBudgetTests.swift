import Foundation
import Testing
import Hyperfront
@testable import IntegerPrograms

/// Budgets whose formulas count categorical choices with comparisons, on the six-edge cell of
/// an architecture search (NAS-Bench-201's shape), against brute force over all 5^6 cells.
@Suite struct ComparisonBudgetTests {
    static let ops = ["none", "skip_connect", "conv1x1", "conv3x3", "avg_pool"]
    static let formula = "73306 + 28000*(" + (0..<6).map { "(op\($0) == 'conv1x1')" }.joined(separator: " + ")
        + ") + 243040*(" + (0..<6).map { "(op\($0) == 'conv3x3')" }.joined(separator: " + ") + ")"

    static func cell(_ constraints: [OutcomeConstraint]) throws -> (BudgetModel, BudgetOracle) {
        let space = SearchSpace(parameters: (0..<6).map { Parameter(name: "op\($0)", domain: .categorical(ops.map { .string($0) })) }
                                + [Parameter(name: "lr", domain: .float(lower: 1e-4, upper: 0.1, log: true, step: nil))])
        let f = ResourceFormula(metric: "params", expression: try Expression.parse(formula), space: space)
        let model = try BudgetModel(space: space, resources: [f], constraints: constraints)
        return (model, BudgetOracle(space: space, resources: [f], constraints: constraints, all: BudgetOracle.enumerate(space)))
    }

    @Test func theProgramIsOneHotAndExact() throws {
        let (model, o) = try Self.cell([OutcomeConstraint(metric: "params", kind: .atMost, bound: 600_000)])
        // One binary per edge and operation; every comparison is a single binary: no tables.
        #expect(model.structure.variables.count == 30)
        #expect(o.all.count == 15_625)
        let conv3 = Configuration([3, 3, 0, 0, 0, 0, 0.01]), conv1 = Configuration([2, 2, 2, 2, 2, 2, 0.01])
        #expect(o.resources[0].value(conv3, in: o.space) == 73306 + 2 * 243040)
        #expect(o.resources[0].value(conv1, in: o.space) == 73306 + 6 * 28000)
        let fitting = o.all.filter(o.fits)
        #expect(fitting.count > 0 && fitting.count < o.all.count)
        try model.checkSatisfiable()
        var rng = RandomSource(seed: 5)
        let names = model.budgetedParameters
        for _ in 0..<25 {
            let target = o.space.sample(using: &rng)
            let out = try model.repair(target, using: &rng)
            #expect(o.fits(out))
            #expect(out[6] == target[6], "the continuous value is kept")
            let best = fitting.map { o.distance($0, target, over: names) }.min()!
            #expect(o.distance(out, target, over: names) == best, "\(target.values) → \(out.values)")
        }
        let ext = try model.extremes(using: &rng)
        let values = ext.map { o.resources[0].value($0, in: o.space) }
        let fitValues = fitting.map { o.resources[0].value($0, in: o.space) }
        #expect(values.contains(fitValues.min()!) && values.contains(fitValues.max()!), "\(values)")
        #expect(fitValues.max()! == 73306 + 2 * 243040 + 28000)
    }

    @Test func impossibleBudgetsNameTheBestCell() throws {
        do {
            try Self.cell([OutcomeConstraint(metric: "params", kind: .atMost, bound: 70_000)]).0.checkSatisfiable()
            Issue.record("a budget below the fixed part was accepted")
        } catch {
            #expect("\(error)".hasPrefix("no configuration fits params ≤ 70000: the smallest needs 73,306 (op0="), "\(error)")
        }
        do {
            try Self.cell([OutcomeConstraint(metric: "params", kind: .atLeast, bound: 2e6)]).0.checkSatisfiable()
            Issue.record("a budget above six 3x3 convolutions was accepted")
        } catch {
            #expect("\(error)" == "no configuration fits params ≥ 2000000: the largest needs 1,531,546 (op0=conv3x3, op1=conv3x3, op2=conv3x3, op3=conv3x3, op4=conv3x3, op5=conv3x3); relax the bound or narrow the space")
        }
    }

    @Test func productsOfComparisonsAndConditionsAreExact() throws {
        // A 3x3 convolution on edge 0 is cheaper when edge 1 pools its output; op1 exists
        // only when op0 is not none.
        let choices = Self.ops.map { Value.string($0) }
        let space = SearchSpace(parameters: [
            Parameter(name: "op0", domain: .categorical(choices)),
            Parameter(name: "op1", domain: .categorical(choices), condition: Condition(clauses: [.init(parameter: 0, allowed: [1, 2, 3, 4])])),
            Parameter(name: "width", domain: .ordinal([16, 32, 64])),
        ])
        let e = try Expression.parse("100 + width*(5*(op0 == 'conv3x3') + 2*(op1 != 'none')) - 40*(op0 == 'conv3x3')*(op1 == 'avg_pool')")
        let f = ResourceFormula(metric: "cost", expression: e, space: space)
        let o = BudgetOracle(space: space, resources: [f], constraints: [OutcomeConstraint(metric: "cost", kind: .atMost, bound: 300)], all: BudgetOracle.enumerate(space))
        let model = try BudgetModel(space: space, resources: [f], constraints: o.constraints)
        var rng = RandomSource(seed: 9)
        let fitting = o.all.filter(o.fits)
        for target in o.all {
            let out = try model.repair(target, using: &rng)
            #expect(o.fits(out))
            let best = fitting.map { o.distance($0, target, over: model.budgetedParameters) }.min()!
            #expect(o.distance(out, target, over: model.budgetedParameters) == best)
        }
    }
}
