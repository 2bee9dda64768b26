import Foundation
import Pareto
import Randomness
import Testing

/// `Hypervolume.contribution`: the volume a point adds to a set, against the difference of two
/// exact hypervolumes, and summed over a front one point at a time against moocore's exact
/// values of the shared fixture fronts.
struct HypervolumeContributionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/pareto")

    @Test(arguments: [2, 3, 4, 5, 6])
    func contributionIsTheDifferenceOfTwoHypervolumes(d: Int) throws {
        var rng = RandomSource(seed: UInt64(70 + d))
        for trial in 0..<40 {
            let n = [0, 1, 5, 30, 120][trial % 5]
            let set = trial % 3 == 0 ? Sample.grid(n, d, &rng) : Sample.uniform(n, d, &rng)
            let p = trial % 3 == 0 ? Sample.grid(1, d, &rng).values : Sample.uniform(1, d, &rng).values
            let ref = [Double](repeating: trial % 4 == 0 ? 0.9 : 1.1, count: d)
            var budget = Int.max / 2
            let c = Hypervolume.contribution(of: p, to: set, reference: ref, budget: &budget)
            var with = set
            with.append(p)
            let expected = Hypervolume.compute(with, reference: ref) - Hypervolume.compute(set, reference: ref)
            let value = try #require(c)
            #expect(abs(value - expected) <= 1e-12 * max(1, Hypervolume.compute(with, reference: ref)), "d \(d) n \(n): \(value) against \(expected)")
            #expect(value >= 0)
            if zip(p, ref).allSatisfy({ $0 < $1 }) { #expect(budget < Int.max / 2, "the work is counted") }
        }
    }

    @Test func aCoveredOrOutsidePointAddsNothing() {
        let set = PointSet(rows: [[0.2, 0.5, 0.3], [0.6, 0.1, 0.4]])
        var budget = 1_000
        #expect(Hypervolume.contribution(of: [0.2, 0.5, 0.3], to: set, reference: [1, 1, 1], budget: &budget) == 0)
        #expect(Hypervolume.contribution(of: [0.3, 0.6, 0.3], to: set, reference: [1, 1, 1], budget: &budget) == 0)
        #expect(Hypervolume.contribution(of: [0.1, 0.1, 1.0], to: set, reference: [1, 1, 1], budget: &budget) == 0)
        // Alone, a point adds its box.
        let box = Hypervolume.contribution(of: [0.5, 0.5, 0.5], to: PointSet(values: [], dimension: 3), reference: [1, 1, 1], budget: &budget)
        #expect(box == 0.125)
    }

    @Test func anExhaustedBudgetGivesNil() {
        var rng = RandomSource(seed: 5)
        let set = Sample.sphere(300, 5, &rng)
        var budget = 50
        #expect(Hypervolume.contribution(of: [0.3, 0.3, 0.3, 0.3, 0.3], to: set, reference: [1.1, 1.1, 1.1, 1.1, 1.1], budget: &budget) == nil)
        #expect(budget < 0)
    }

    /// Adding the fixture fronts' points in file order and summing what each adds gives
    /// moocore 0.3.2's exact hypervolume of the whole front.
    @Test(arguments: ["hv-d2-n1000", "hv-d3-n1000", "hv-d4-n400", "hv-d5-n500", "hv-d6-n200"])
    func summedContributionsMatchMoocore(name: String) throws {
        let inputs = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("inputs.json"))) as! [String: Any]
        let entry = try #require((inputs["hv_fronts"] as! [[String: Any]]).first { ($0["file"] as! String) == name + ".csv" })
        let exact = entry["hypervolume_exact"] as! Double
        let ref = entry["reference_point"] as! [Double]
        let rows = try String(contentsOf: Self.fixtures.appendingPathComponent(name + ".csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",").map { Double($0)! } }
        var front = PointSet(values: [], dimension: ref.count)
        var total = 0.0, budget = Int.max / 2
        for p in rows {
            total += try #require(Hypervolume.contribution(of: p, to: front, reference: ref, budget: &budget))
            front.append(p)
        }
        #expect(abs(total - exact) / exact <= 1e-12, "\(name): \(total) against \(exact)")
    }
}
