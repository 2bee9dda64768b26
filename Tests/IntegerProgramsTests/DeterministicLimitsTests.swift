import Foundation
import Testing
import Hyperfront
@testable import IntegerPrograms

/// Work limits instead of time limits: what the budget programs answer depends on the model and
/// the seed alone, never on how busy the machine is; set-up and repairs can be cancelled.
@Suite struct DeterministicLimitsTests {
    /// Twelve ordinal parameters and a budget over the products of neighbouring triples.
    static func tripleProducts(bound: Double) throws -> BudgetModel {
        let names = (0..<12).map { "p\($0)" }
        let space = SearchSpace(parameters: names.map { Parameter(name: $0, domain: .ordinal([1, 2, 3, 4, 6, 8])) })
        let formula = (0..<10).map { "\(names[$0])*\(names[$0 + 1])*\(names[$0 + 2])" }.joined(separator: " + ")
        let f = ResourceFormula(metric: "flops", expression: try Expression.parse(formula), space: space)
        return try BudgetModel(space: space, resources: [f],
                               constraints: [OutcomeConstraint(metric: "flops", kind: .atMost, bound: bound)])
    }

    /// Seeds, then repairs 8 random configurations, as a study's set-up and first proposals do.
    static func proposals(_ model: BudgetModel, seed: UInt64) throws -> [Configuration] {
        var rng = RandomSource(seed: seed)
        try model.checkSatisfiable()
        var out = try model.extremes(using: &rng)
        for _ in 0..<8 { out.append(try model.repair(model.space.sample(using: &rng), using: &rng)) }
        return out
    }

    /// The equality knapsack of `MixedIntegerProgramTests.timeLimitIsReported`: no solution,
    /// and branch and bound takes very long to find that out.
    static func hardKnapsack() -> MixedIntegerProgram {
        var rng = RandomSource(seed: 3)
        var p = MixedIntegerProgram()
        let n = 60
        for _ in 0..<n { p.addVariable(.binary, cost: Double(Int.random(in: 1...100, using: &rng))) }
        p.addEquality((0..<n).map { .init($0, 2 * Double(Int.random(in: 1000...9999, using: &rng))) }, Double(2 * 150_000 + 1))
        return p
    }

    @Test func theSameScenarioProposesTheSameTrialsOnABusyMachine() throws {
        let model = try Self.tripleProducts(bound: 400)
        let quiet = try Self.proposals(model, seed: 11)
        #expect(quiet.allSatisfy(model.fits))
        // Two threads burn CPU while the same set-up and repairs run again.
        let stop = SolveCancellation()
        let burners = (0..<2).map { _ in
            Thread {
                var x = 1.0
                while !stop.isCancelled { for _ in 0..<10_000 { x = x * 1.0000001 + 1e-9 } }
                if x == 0 { print(x) }
            }
        }
        burners.forEach { $0.start() }
        defer { stop.cancel() }
        let busy = try Self.proposals(model, seed: 11)
        #expect(busy == quiet)
    }

    @Test func aRepairThatReachesItsWorkLimitFallsBackDeterministically() throws {
        var tiny = try Self.tripleProducts(bound: 10)   // only the all-ones configuration fits (10 triples of 1)
        tiny.nodeLimit = 1
        tiny.extremeNodeLimit = 1
        var big = tiny
        big.nodeLimit = 1_000_000
        var rng = RandomSource(seed: 5)
        let start = tiny.space.sample(using: &rng)
        var r1 = RandomSource(seed: 9), r2 = RandomSource(seed: 9), r3 = RandomSource(seed: 9)
        let a = try tiny.repair(start, using: &r1)
        let b = try tiny.repair(start, using: &r2)
        let c = try big.repair(start, using: &r3)
        let allOnes = Configuration([Double](repeating: 0, count: 12))
        #expect(a == b)
        #expect(a == allOnes && c == allOnes)
        try tiny.checkSatisfiable()
    }

    @Test func aNodeLimitStopsTheSearchTheSameWayEveryTime() throws {
        let p = Self.hardKnapsack()
        let s1 = try p.solve(limits: SolveLimits(nodes: 50))
        let s2 = try p.solve(limits: SolveLimits(nodes: 50))
        #expect(s1.status == .workLimitWithoutSolution)
        #expect(s1.status == s2.status && s2.values.isEmpty)
        #expect(throws: MixedIntegerProgramError.self) { try p.solve(limits: SolveLimits(nodes: 0)) }
    }

    @Test func aSolveInProgressIsCancelled() throws {
        let p = Self.hardKnapsack()
        let cancellation = SolveCancellation()
        let timer = Thread { usleep(200_000); cancellation.cancel() }
        timer.start()
        let s = try p.solve(limits: SolveLimits(cancellation: cancellation))
        #expect(s.status == .cancelled)
        // Once cancelled, budget set-up stops before its first solve.
        var model = try Self.tripleProducts(bound: 400)
        model.cancellation = cancellation
        #expect(throws: BudgetModelError.cancelled) { try model.checkSatisfiable() }
        var rng = RandomSource(seed: 1)
        #expect(throws: BudgetModelError.cancelled) { _ = try model.extremes(using: &rng) }
    }
}
