import Testing
import Hyperfront
@testable import IntegerPrograms

@Suite struct MixedIntegerProgramTests {
    /// 0/1 knapsack against enumeration of all 2^n subsets.
    @Test func knapsackMatchesEnumeration() throws {
        var rng = RandomSource(seed: 11)
        for _ in 0..<30 {
            let n = Int.random(in: 1...12, using: &rng)
            let value = (0..<n).map { _ in Double(Int.random(in: 1...40, using: &rng)) }
            let weight = (0..<n).map { _ in Double(Int.random(in: 1...30, using: &rng)) }
            let capacity = Double(Int.random(in: 0...(15 * n), using: &rng))
            var p = MixedIntegerProgram(sense: .maximize)
            for j in 0..<n { p.addVariable(.binary, cost: value[j]) }
            p.addConstraint((0..<n).map { .init($0, weight[$0]) }, upper: capacity)
            let s = try p.solve()
            var best = 0.0
            for mask in 0..<(1 << n) {
                var w = 0.0, v = 0.0
                for j in 0..<n where mask & (1 << j) != 0 { w += weight[j]; v += value[j] }
                if w <= capacity { best = max(best, v) }
            }
            #expect(s.status == .optimal)
            #expect(s.objective == best)
            #expect(s.values.allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test func statusesAreTruthful() throws {
        // Infeasible: x + y ≥ 3 with binaries.
        var p = MixedIntegerProgram()
        p.addVariable(.binary); p.addVariable(.binary)
        p.addConstraint([.init(0, 1), .init(1, 1)], lower: 3)
        #expect(try p.solve().status == .infeasible)
        // LP feasible, no integer point: 2x = 1.
        var q = MixedIntegerProgram()
        q.addVariable(.integer, lower: 0, upper: 5)
        q.addEquality([.init(0, 2)], 1)
        #expect(try q.solve().status == .infeasible)
        // A singleton row that leaves the integer no whole value (GLPK's MIP presolver
        // reports x = 2 as optimal here; the re-check catches it and the re-solve is right).
        var r = MixedIntegerProgram()
        r.addVariable(.integer, lower: 1, upper: 2, cost: -2)
        r.addConstraint([.init(0, 3)], lower: 4, upper: 5)
        #expect(try r.solve().status == .infeasible)
        // Unbounded: maximise an integer with no upper bound.
        var u = MixedIntegerProgram(sense: .maximize)
        u.addVariable(.integer, lower: 0, upper: .infinity, cost: 1)
        #expect(try u.solve().status == .unbounded)
        // Unbounded relaxation but infeasible integer program: reported infeasible, not unbounded.
        var v = MixedIntegerProgram(sense: .maximize)
        v.addVariable(.continuous, lower: 0, upper: .infinity, cost: 1)
        v.addVariable(.integer, lower: 0, upper: 3)
        v.addEquality([.init(1, 2)], 3)
        #expect(try v.solve().status == .infeasible)
        // lb == ub is a fixed variable, not an error.
        var f = MixedIntegerProgram()
        f.addVariable(.integer, lower: 4, upper: 4, cost: 2)
        let fs = try f.solve()
        #expect(fs.status == .optimal && fs.values == [4] && fs.objective == 8)
        // No variables: feasible rows give the constant, infeasible rows say so.
        var e = MixedIntegerProgram()
        e.objectiveConstant = 7
        #expect(try e.solve().objective == 7)
        e.addConstraint([], lower: 1)
        #expect(try e.solve().status == .infeasible)
        // A continuous-only program is solved too.
        var l = MixedIntegerProgram()
        l.addVariable(.continuous, lower: 0, upper: 10, cost: -1)
        l.addConstraint([.init(0, 3)], upper: 7)
        let ls = try l.solve()
        #expect(ls.status == .optimal && abs(ls.values[0] - 7.0 / 3) < 1e-9)
    }

    @Test func timeLimitIsReported() throws {
        // Equality knapsack with even coefficients and an odd right-hand side: no solution,
        // but branch and bound cannot see it quickly; a zero time limit stops it first.
        var rng = RandomSource(seed: 3)
        var p = MixedIntegerProgram()
        let n = 60
        for _ in 0..<n { p.addVariable(.binary, cost: Double(Int.random(in: 1...100, using: &rng))) }
        p.addEquality((0..<n).map { .init($0, 2 * Double(Int.random(in: 1000...9999, using: &rng))) }, Double(2 * 150_000 + 1))
        let s = try p.solve(timeLimit: 0)
        switch s.status {
        case .timeLimitWithoutSolution, .infeasible: break
        default: Issue.record("unexpected \(s.status)")
        }
        #expect(s.values.isEmpty)
    }

    @Test func invalidModelsAreRejected() {
        let spoilers: [(String, (inout MixedIntegerProgram) -> Void)] = [
        ("NaN cost", { (p: inout MixedIntegerProgram) in p.variables[0].cost = .nan }),
        ("infinite cost", { (p: inout MixedIntegerProgram) in p.variables[0].cost = .infinity }),
        ("NaN bound", { (p: inout MixedIntegerProgram) in p.variables[0].lower = .nan }),
        ("inverted bounds", { (p: inout MixedIntegerProgram) in p.variables[1].lower = 5; p.variables[1].upper = 2 }),
        ("fractional integer bound", { (p: inout MixedIntegerProgram) in p.variables[1].upper = 2.5 }),
        ("binary above 1", { (p: inout MixedIntegerProgram) in p.variables[0].upper = 2 }),
        ("+inf lower", { (p: inout MixedIntegerProgram) in p.variables[2].lower = .infinity }),
        ("huge bound", { (p: inout MixedIntegerProgram) in p.variables[2].upper = 1e300 }),
        ("index out of range", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(3, 1)], upper: 1) }),
        ("negative index", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(-1, 1)], upper: 1) }),
        ("duplicate index", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(1, 1), .init(1, 2)], upper: 1) }),
        ("NaN coefficient", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(1, .nan)], upper: 1) }),
        ("infinite coefficient", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(1, -.infinity)], upper: 1) }),
        ("NaN right-hand side", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(1, 1)], upper: .nan) }),
        ("inverted row", { (p: inout MixedIntegerProgram) in p.addConstraint([.init(1, 1)], lower: 2, upper: 1) }),
        ("NaN constant", { (p: inout MixedIntegerProgram) in p.objectiveConstant = .nan }),
        ]
        for (name, spoil) in spoilers {
            var p = MixedIntegerProgram()
            p.addVariable(.binary, cost: 1)
            p.addVariable(.integer, lower: 0, upper: 4)
            p.addVariable(.continuous, lower: -1, upper: 1)
            #expect(throws: Never.self) { try p.solve() }
            spoil(&p)
            #expect(throws: MixedIntegerProgramError.self, "\(name)") { try p.solve() }
        }
    }

    @Test func invalidSettingsAreRejected() {
        var p = MixedIntegerProgram()
        p.addVariable(.binary, cost: 1)
        #expect(throws: MixedIntegerProgramError.self) { try p.solve(timeLimit: -1) }
        #expect(throws: MixedIntegerProgramError.self) { try p.solve(timeLimit: .nan) }
        #expect(throws: MixedIntegerProgramError.self) { try p.solve(mipGap: -0.1) }
        #expect(throws: MixedIntegerProgramError.self) { try p.solve(mipGap: .infinity) }
    }
}
