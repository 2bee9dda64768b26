import Foundation
import Hyperfront
import Pareto
import Store

/// Everything a report shows about a study, computed once from the study file.
public struct StudyReport: Sendable {
    public let info: StudyInfo
    public let scenario: Scenario
    public let trials: [Trial]
    /// Indices into `trials` of the feasible Pareto front, sorted by the first objective.
    public let front: [Int]
    /// Indices into `trials` of complete trials that break a constraint.
    public let infeasible: [Int]
    public let failed: [Int]
    public let running: [Int]
    public let metricNames: [String]

    public enum ReportError: Error, CustomStringConvertible {
        case store(StudyStore.StoreError)
        case scenario(ScenarioError)
        public var description: String {
            switch self {
            case .store(let e): return e.description
            case .scenario(let e): return "the scenario stored in the study no longer reads: \(e)"
            }
        }
    }

    public init(store: StudyStore) throws(ReportError) {
        let info: StudyInfo
        let trials: [Trial]
        do {
            info = try store.info()
            trials = try store.trials()
        } catch { throw .store(error) }
        let scenario: Scenario
        do { scenario = try ScenarioLoader.parse(info.scenario, path: info.scenarioPath, checkFiles: false) }
        catch { throw .scenario(error) }
        self.init(info: info, scenario: scenario, trials: trials)
    }

    public init(info: StudyInfo, scenario: Scenario, trials: [Trial]) {
        self.info = info
        self.scenario = scenario
        self.trials = trials
        self.metricNames = info.metricNames
        var feasible: [Int] = [], infeasible: [Int] = [], failed: [Int] = [], running: [Int] = []
        for (i, t) in trials.enumerated() {
            switch t.state {
            case .complete: (t.violation <= 0 ? { feasible.append(i) } : { infeasible.append(i) })()
            case .failed: failed.append(i)
            case .running: running.append(i)
            }
        }
        self.infeasible = infeasible
        self.failed = failed
        self.running = running
        let m = scenario.objectives.count
        var values: [Double] = []
        values.reserveCapacity(feasible.count * m)
        for i in feasible { values.append(contentsOf: Self.objectives(trials[i], scenario: scenario, metricNames: info.metricNames)) }
        let points = PointSet(values: values, dimension: max(m, 1))
        let nd = feasible.isEmpty ? [] : NondominatedSorting.nondominatedIndices(points).map { feasible[$0] }
        let firstIndex = info.metricNames.firstIndex(of: scenario.objectives.first?.metric ?? "")
        self.front = nd.sorted { a, b in
            let x = firstIndex.map { trials[a].metrics[$0] } ?? 0, y = firstIndex.map { trials[b].metrics[$0] } ?? 0
            return x < y || (x == y && trials[a].number < trials[b].number)
        }
    }

    /// A trial's objective vector, minimised.
    static func objectives(_ t: Trial, scenario: Scenario, metricNames: [String]) -> [Double] {
        scenario.objectives.map { o in
            guard let i = metricNames.firstIndex(of: o.metric), i < t.metrics.count else { return .infinity }
            return o.minimized(t.metrics[i])
        }
    }

    public func objectiveVector(_ trialIndex: Int) -> [Double] {
        Self.objectives(trials[trialIndex], scenario: scenario, metricNames: metricNames)
    }

    public func metric(_ name: String, of trialIndex: Int) -> Double? {
        guard let i = metricNames.firstIndex(of: name), i < trials[trialIndex].metrics.count else { return nil }
        let v = trials[trialIndex].metrics[i]
        return v.isNaN ? nil : v
    }

    /// Hypervolume of the front in the minimised objective space, with the reference point
    /// each objective's worst value over all feasible trials plus 10 % of its range (1 when
    /// the range is 0). Nil when the front is empty.
    public var hypervolume: (value: Double, reference: [Double])? {
        guard !front.isEmpty else { return nil }
        let m = scenario.objectives.count
        var lo = [Double](repeating: .infinity, count: m), hi = [Double](repeating: -.infinity, count: m)
        for (i, t) in trials.enumerated() where t.state == .complete && t.violation <= 0 {
            let v = objectiveVector(i)
            for k in 0..<m { lo[k] = min(lo[k], v[k]); hi[k] = max(hi[k], v[k]) }
        }
        let ref = (0..<m).map { k in hi[k] + (hi[k] > lo[k] ? 0.1 * (hi[k] - lo[k]) : 1) }
        var values: [Double] = []
        for i in front { values.append(contentsOf: objectiveVector(i)) }
        return (Hypervolume.compute(PointSet(values: values, dimension: m), reference: ref), ref)
    }

    /// The front's best trial for each objective (index into `trials`).
    public var bestPerObjective: [Int] {
        scenario.objectives.indices.map { k in
            front.min { objectiveVector($0)[k] < objectiveVector($1)[k] }!
        }
    }

    /// Why the front is empty, in words; nil when it is not.
    public var emptyFrontExplanation: String? {
        guard front.isEmpty else { return nil }
        if trials.isEmpty { return "The study has no trials yet: run it with 'hyperfront run'." }
        if !failed.isEmpty && infeasible.isEmpty && failed.count + running.count == trials.count {
            let reasons = Dictionary(grouping: failed.compactMap { trials[$0].failure }, by: { $0 }).sorted { $0.value.count > $1.value.count }
            let top = reasons.first.map { "most common reason (\($0.value.count)×): \($0.key)" } ?? ""
            return "Every trial failed (\(failed.count)); \(top)"
        }
        if !infeasible.isEmpty {
            var lines = ["No trial satisfies every constraint (\(infeasible.count) infeasible, \(failed.count) failed). Closest to feasible:"]
            for c in scenario.constraints {
                guard let i = metricNames.firstIndex(of: c.metric) else { continue }
                let values = infeasible.map { trials[$0].metrics[i] }.filter { !$0.isNaN }
                guard let best = c.kind == .atMost ? values.min() : values.max() else { continue }
                lines.append("  \(c.description): best seen \(formatNumber(best))")
            }
            return lines.joined(separator: "\n")
        }
        return "No complete trial yet (\(running.count) running)."
    }
}
