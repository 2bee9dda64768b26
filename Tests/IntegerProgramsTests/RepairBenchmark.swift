import Foundation
import Testing
import Hyperfront
@testable import IntegerPrograms

/// Figures for scripts/bench-repair.sh (release build): exactness at scale and the cost of one
/// repair on the MLP-shaped space. Runs only when HYPERFRONT_BENCH is set; prints, never times
/// against a threshold.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["HYPERFRONT_BENCH"] != nil))
struct RepairBenchmark {
    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
    }

    /// CPU seconds used by the calling thread (robust to other processes on the core).
    static func threadCPUTime() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    @Test func exactnessAtScale() {
        let clock = ContinuousClock()
        let start = clock.now
        let t = BudgetModelExactnessTests.check(seed: 77, spaces: 3000, maxConfigurations: 5000, targets: 10)
        print("exactness (≤ 5 discrete parameters, ≤ 5,000 configurations):", t, "in", clock.now - start)
        #expect(t.wrong == 0, "\(t.failures)")
    }

    /// Median time of one repair on the MLP space (layers 1–5, per-layer widths, batch size),
    /// with the weight budget alone and with both of the scenario's budgets; every repair is
    /// checked against brute force over all 46,650 discrete configurations.
    @Test func mlpRepairCost() throws {
        let scenario = try ScenarioFixture.budgetedMLP()
        let space = scenario.space
        let all = BudgetOracle.enumerate(space, over: ["layers", "units_1", "units_2", "units_3", "units_4", "units_5", "batch_size"])
        for (label, constraints) in [("weights ≤ 50,000", Array(scenario.constraints.prefix(1))), ("weights ≤ 50,000 and train memory ≤ 2 MB", scenario.constraints)] {
            let build = ContinuousClock().measure {
                _ = try? BudgetModel(space: space, resources: scenario.resources, constraints: constraints)
            }
            let model = try BudgetModel(space: space, resources: scenario.resources, constraints: constraints)
            let fitting = all.filter(model.fits)
            var rng = RandomSource(seed: 2026)
            var times: [Double] = [], cpu: [Double] = [], broken = 0, proposals = 0, wrong = 0, breakingAfter = 0
            let clock = ContinuousClock()
            while times.count < 500 {
                let c = space.sample(using: &rng)
                proposals += 1
                if model.fits(c) { continue }
                broken += 1
                let start = clock.now, cpuStart = Self.threadCPUTime()
                let out = try model.repair(c, using: &rng)
                let d = clock.now - start
                cpu.append((Self.threadCPUTime() - cpuStart) * 1e3)
                times.append(Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1e3)
                if !model.fits(out) { breakingAfter += 1 }
                if times.count <= 200 {
                    let best = fitting.map { model.distance($0, c) }.min()!
                    if model.distance(out, c) != best { wrong += 1 }
                }
            }
            print("""
                MLP space, \(label): model built in \(build); \(model.structure.variables.count) variables, \
                \(model.structure.constraints.count) rows; \(fitting.count) of \(all.count) discrete configurations fit
                  uniform proposals breaking the budget: \(broken) of \(proposals) (\(String(format: "%.1f", 100 * Double(broken) / Double(proposals))) %)
                  repair ms (wall): median \(String(format: "%.3f", Self.percentile(times, 0.5))), p90 \(String(format: "%.3f", Self.percentile(times, 0.9))), max \(String(format: "%.3f", times.max()!)) over \(times.count) repairs
                  repair ms (thread CPU): median \(String(format: "%.3f", Self.percentile(cpu, 0.5))), p90 \(String(format: "%.3f", Self.percentile(cpu, 0.9))), max \(String(format: "%.3f", cpu.max()!))
                  repairs that still break a budget: \(breakingAfter); not nearest (of 200 checked by brute force): \(wrong)
                """)
            #expect(wrong == 0 && breakingAfter == 0)
        }
    }
}
