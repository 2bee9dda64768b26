import Foundation
import Testing
import Hyperfront
@testable import IntegerPrograms

/// Repair, extremes and the satisfiability check against brute force (every configuration
/// enumerated) on random small spaces, formulas, budgets and targets.
@Suite struct BudgetModelExactnessTests {
    struct Tally: Sendable, CustomStringConvertible {
        var spaces = 0, impossible = 0, repairs = 0, unchanged = 0, extremes = 0, avoided = 0, wrong = 0
        var failures: [String] = []
        mutating func fail(_ s: String) { wrong += 1; if failures.count < 5 { failures.append(s) } }
        var description: String {
            "\(spaces) spaces (\(impossible) impossible), \(repairs) repairs (\(unchanged) already fitting), \(extremes) extremes, \(avoided) avoiding repairs, \(wrong) wrong"
        }
    }

    /// Runs `spaces` random cases; shared with the release benchmark (larger spaces there).
    static func check(seed: UInt64, spaces: Int, maxConfigurations: Int, targets: Int, comparisons: Bool = false) -> Tally {
        var rng = RandomSource(seed: seed)
        var t = Tally()
        for k in 0..<spaces {
            let o = BudgetOracle.random(using: &rng, maxConfigurations: maxConfigurations, comparisons: comparisons)
            t.spaces += 1
            let model: BudgetModel
            do { model = try BudgetModel(space: o.space, resources: o.resources, constraints: o.constraints) } catch {
                t.fail("space \(k): model refused: \(error)"); continue
            }
            let names = model.budgetedParameters
            let fitting = o.all.filter(o.fits)
            // Satisfiability: throws exactly when nothing fits.
            do {
                try model.checkSatisfiable()
                if fitting.isEmpty { t.fail("space \(k): nothing fits, but the check passed") }
            } catch {
                if !fitting.isEmpty { t.fail("space \(k): \(fitting.count) fit, but the check said \(error)") }
            }
            if fitting.isEmpty {
                t.impossible += 1
                var r = rng
                if (try? model.repair(o.space.sample(using: &r), using: &r)) != nil { t.fail("space \(k): repair succeeded with nothing fitting") }
                continue
            }
            // Repairs: fit, untouched continuous value, minimum distance, consistent conditions.
            for _ in 0..<targets {
                let target = o.space.sample(using: &rng)
                let out: Configuration
                do { out = try model.repair(target, using: &rng) } catch { t.fail("space \(k): repair threw \(error) for \(target.values) in \(o.space.parameters) \(o.resources.map(\.expression)) \(o.constraints)"); continue }
                t.repairs += 1
                let best = fitting.map { o.distance($0, target, over: names) }.min()!
                var normalized = out
                o.space.normalize(&normalized) { _ in .nan }
                if !o.fits(out) { t.fail("space \(k): repair does not fit") }
                if out[o.space.index(of: "lr")!] != target[o.space.index(of: "lr")!] { t.fail("space \(k): continuous value changed") }
                if normalized != out { t.fail("space \(k): repair breaks a condition") }
                if o.distance(out, target, over: names) != best { t.fail("space \(k): distance \(o.distance(out, target, over: names)), brute force \(best)") }
                if model.distance(out, target) != best { t.fail("space \(k): model distance disagrees") }
                if o.fits(target) {
                    t.unchanged += 1
                    if out != target { t.fail("space \(k): a fitting target was changed") }
                }
            }
            // Avoiding: a fitting configuration already evaluated gives the nearest other one.
            if fitting.count >= 2 {
                var target = fitting.randomElement(using: &rng)!
                target[o.space.index(of: "lr")!] = 0.5
                if let out = try? model.repair(target, avoiding: [target], using: &rng) {
                    t.avoided += 1
                    let others = fitting.filter { c in
                        !names.allSatisfy { n in let i = o.space.index(of: n)!; return c[i] == target[i] || (c[i].isNaN && target[i].isNaN) }
                    }
                    // When nothing else fits, repeating it is the only answer.
                    let best = others.map { o.distance($0, target, over: names) }.min() ?? 0
                    if out == target && !others.isEmpty { t.fail("space \(k): avoided configuration proposed again") }
                    if o.distance(out, target, over: names) != best { t.fail("space \(k): avoiding distance \(o.distance(out, target, over: names)), brute force \(best)") }
                } else { t.fail("space \(k): avoiding repair threw") }
            }
            // Extremes: the smallest and largest fitting value of each budgeted resource.
            guard let ext = try? model.extremes(using: &rng) else { t.fail("space \(k): extremes threw"); continue }
            t.extremes += ext.count
            if !ext.allSatisfy(o.fits) { t.fail("space \(k): an extreme does not fit") }
            for f in o.resources {
                let values = fitting.map { f.value($0, in: o.space) }
                let got = ext.map { f.value($0, in: o.space) }
                for want in [values.min()!, values.max()!] where !got.contains(where: { abs($0 - want) <= 1e-9 * max(1, abs(want)) }) {
                    t.fail("space \(k): \(f.metric) extreme \(want) missing from \(got)")
                }
            }
        }
        return t
    }

    @Test func repairAndExtremesMatchBruteForce() {
        let t = Self.check(seed: 1, spaces: 800, maxConfigurations: 1000, targets: 8)
        print("budget exactness (debug):", t)
        #expect(t.wrong == 0, "\(t.failures)")
        #expect(t.repairs - t.unchanged >= 3000 && t.impossible > 5 && t.avoided > 100 && t.unchanged > 100, "\(t)")
    }

    /// The same checks with formulas that count choices (`(p0 == 'b')`, products of them).
    @Test func repairAndExtremesMatchBruteForceWithComparisons() {
        let t = Self.check(seed: 2, spaces: 400, maxConfigurations: 1000, targets: 6, comparisons: true)
        print("budget exactness with comparisons (debug):", t)
        #expect(t.wrong == 0, "\(t.failures)")
        #expect(t.repairs - t.unchanged >= 800 && t.impossible > 2 && t.avoided > 50 && t.unchanged > 50, "\(t)")
    }
}
