import Foundation
import Testing
import Hyperfront
@testable import IntegerPrograms

/// Random models, including broken ones: the solver never aborts and every status is checked
/// against enumeration of the integer points.
@Suite struct MixedIntegerProgramFuzzTests {
    struct Tally: Sendable {
        var cases = 0, wrong = 0, rejected = 0, optimal = 0, infeasible = 0, unbounded = 0, timeLimit = 0
        var failures: [String] = []
        mutating func fail(_ s: String) { wrong += 1; if failures.count < 5 { failures.append(s) } }
    }

    /// Enumerates the integer points of a bounded all-integer model: the best objective, or nil.
    static func bruteForce(_ p: MixedIntegerProgram) -> Double? {
        let lo = p.variables.map { Int($0.lower) }, hi = p.variables.map { Int($0.upper) }
        var x = lo.map(Double.init)
        var best: Double? = nil
        func rec(_ j: Int) {
            if j == x.count {
                for row in p.constraints {
                    let s = row.terms.reduce(0.0) { $0 + $1.coefficient * x[$1.variable] }
                    if s < row.lower || s > row.upper { return }
                }
                let v = p.objectiveValue(x)
                if best == nil || (p.sense == .minimize ? v < best! : v > best!) { best = v }
                return
            }
            for k in lo[j]...hi[j] { x[j] = Double(k); rec(j + 1) }
        }
        rec(0)
        return best
    }

    static func randomModel(using rng: inout RandomSource) -> (MixedIntegerProgram, unboundedVariable: Bool, spoiled: Bool, hard: Bool) {
        var p = MixedIntegerProgram(sense: Bool.random(using: &rng) ? .minimize : .maximize)
        if Int.random(in: 0..<25, using: &rng) == 0 {
            // A parity-infeasible equality knapsack with a zero time limit.
            for _ in 0..<50 { p.addVariable(.binary, cost: Double(Int.random(in: 1...9, using: &rng))) }
            p.addEquality((0..<50).map { .init($0, 2 * Double(Int.random(in: 100...999, using: &rng))) }, 20_001)
            return (p, false, false, true)
        }
        let n = Int.random(in: 0...4, using: &rng)
        for _ in 0..<n {
            let kind: MixedIntegerProgram.Kind = Bool.random(using: &rng) ? .binary : .integer
            if kind == .binary {
                let fixed = Int.random(in: 0..<6, using: &rng)
                p.addVariable(.binary, lower: fixed == 0 ? 1 : 0, upper: fixed == 1 ? 0 : 1)
            } else {
                let a = Int.random(in: -3...3, using: &rng)
                let b = Int.random(in: 0..<4, using: &rng) == 0 ? a : Int.random(in: a...3, using: &rng)   // lb == ub sometimes
                p.addVariable(.integer, lower: Double(a), upper: Double(b))
            }
            p.variables[p.variables.count - 1].cost = Double(Int.random(in: -5...5, using: &rng))
        }
        for _ in 0..<Int.random(in: 0...4, using: &rng) where n > 0 {
            var terms: [MixedIntegerProgram.Term] = []
            for j in 0..<n where Bool.random(using: &rng) { terms.append(.init(j, Double(Int.random(in: -4...4, using: &rng)))) }
            let r = Double(Int.random(in: -6...6, using: &rng))
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: p.addConstraint(terms, upper: r)
            case 1: p.addConstraint(terms, lower: r)
            case 2: p.addEquality(terms, r)
            default: p.addConstraint(terms, lower: r, upper: r + Double(Int.random(in: 0...3, using: &rng)))
            }
        }
        p.objectiveConstant = Double(Int.random(in: -3...3, using: &rng))
        var unbounded = false
        if Int.random(in: 0..<5, using: &rng) == 0 {
            // A variable that improves the objective without limit and appears in no row.
            let sign = p.sense == .minimize ? -1.0 : 1.0
            if Bool.random(using: &rng) {
                p.addVariable(.integer, lower: 0, upper: .infinity, cost: sign)
            } else {
                p.addVariable(.continuous, lower: -.infinity, upper: 0, cost: -sign * 0.5)
            }
            unbounded = true
        }
        var spoiled = false
        if Int.random(in: 0..<6, using: &rng) == 0, !p.variables.isEmpty {
            let bad: [Double] = [.nan, .infinity, -.infinity, 1e300]
            let v = bad[Int.random(in: 0..<bad.count, using: &rng)]
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: p.variables[0].cost = v
            case 1: p.addConstraint([.init(0, v)], upper: 1)
            case 2: p.addConstraint([.init(0, 1)], lower: v.isNaN ? v : 0, upper: v.isNaN ? 1 : -abs(v))
            default: p.addConstraint([.init(0, 1), .init(0, 1)], upper: 1)   // duplicate index
            }
            spoiled = true
        }
        return (p, unbounded, spoiled, false)
    }

    static func fuzz(seed: UInt64, cases: Int) -> Tally {
        var rng = RandomSource(seed: seed)
        var t = Tally()
        for k in 0..<cases {
            let (p, unboundedVariable, spoiled, hard) = randomModel(using: &rng)
            t.cases += 1
            let s: MixedIntegerSolution
            do { s = try p.solve(timeLimit: hard ? 0 : 10) } catch {
                t.rejected += 1
                if !spoiled { t.fail("case \(k): valid model rejected: \(error)") }
                continue
            }
            if spoiled { t.fail("case \(k): spoiled model accepted with \(s.status)"); continue }
            if hard {
                if s.status == .timeLimitWithoutSolution || s.status == .infeasible { t.timeLimit += 1 } else { t.fail("case \(k): hard model gave \(s.status)") }
                continue
            }
            let bounded = MixedIntegerProgram(sense: p.sense, variables: Array(p.variables.prefix(unboundedVariable ? p.variables.count - 1 : p.variables.count)),
                                              constraints: p.constraints, constant: p.objectiveConstant)
            let best = bruteForce(bounded)
            switch s.status {
            case .optimal:
                t.optimal += 1
                if unboundedVariable || best == nil || abs(s.objective - best!) > 1e-6 {
                    t.fail("case \(k): optimal \(s.objective), enumeration \(String(describing: best)), unbounded variable \(unboundedVariable)")
                }
            case .infeasible:
                t.infeasible += 1
                if best != nil { t.fail("case \(k): infeasible, but enumeration found \(best!)") }
            case .unbounded:
                t.unbounded += 1
                if !unboundedVariable || best == nil { t.fail("case \(k): unbounded, enumeration \(String(describing: best))") }
            default:
                t.fail("case \(k): status \(s.status)")
            }
        }
        return t
    }

    @Test func randomModelsGetTruthfulStatuses() {
        let t = Self.fuzz(seed: 2024, cases: 1500)
        print("MILP fuzz: \(t.cases) models: \(t.optimal) optimal, \(t.infeasible) infeasible, \(t.unbounded) unbounded, \(t.timeLimit) time limit, \(t.rejected) rejected, \(t.wrong) wrong")
        #expect(t.wrong == 0, "\(t.failures)")
        // The generator reaches every outcome.
        #expect(t.optimal > 300 && t.infeasible > 50 && t.unbounded > 20 && t.rejected > 50 && t.timeLimit > 10)
    }

    @Test func twoThreadsSolvingAtOnce() async {
        let tallies = await withTaskGroup(of: Tally.self) { group in
            for seed in [7, 8] as [UInt64] { group.addTask { Self.fuzz(seed: seed, cases: 600) } }
            var out: [Tally] = []
            for await t in group { out.append(t) }
            return out
        }
        #expect(tallies.count == 2)
        for t in tallies { #expect(t.wrong == 0, "\(t.failures)") }
    }

    /// Threads that solve and end release their GLPK environment (no crash on reuse).
    @Test func shortLivedThreads() {
        let done = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var wrong = 0 }
        let box = Box()
        for seed in 0..<8 as Range<UInt64> {
            let thread = Thread {
                let t = Self.fuzz(seed: 100 + seed, cases: 40)
                box.wrong += t.wrong
                done.signal()
            }
            thread.start()
            done.wait()
        }
        #expect(box.wrong == 0)
    }
}

extension MixedIntegerProgram {
    init(sense: Sense, variables: [Variable], constraints: [Constraint], constant: Double) {
        self.init(sense: sense)
        self.variables = variables
        self.constraints = constraints
        self.objectiveConstant = constant
    }
}

