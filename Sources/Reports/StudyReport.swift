import Foundation
import Hyperfront
import Pareto
import Store

/// Everything a report shows about a study, computed once from its storage (the stored model
/// and trials; never the scenario file, never a re-run).
public struct StudyReport: Sendable {
    public let info: StudyInfo
    /// What the study searched, optimised and constrained (its stored model).
    public let model: StudyModel
    public let trials: [Trial]
    /// Indices into `trials` of the feasible Pareto front, sorted by the first objective
    /// (ties by trial number).
    public let front: [Int]
    /// Indices into `trials` of complete trials that break a constraint.
    public let infeasible: [Int]
    public let failed: [Int]
    public let running: [Int]
    /// Indices into `trials` of trials the scheduler stopped early (never on the front).
    public let pruned: [Int]
    /// Indices into `trials` of complete, feasible trials (that pass every filter).
    public let feasible: [Int]
    /// Report-only conditions (`--where`, or the scenario's `report.where`) and the complete,
    /// feasible trials they leave out.
    public let filters: [MetricFilter]
    public let filteredOut: [Int]
    /// Objective tolerances (`--tolerance`, or the scenario's `report.tolerance`) and the
    /// Pareto-front trials they leave out: each is ε-dominated by a trial shown (see
    /// `EpsilonDominance.reduce`).
    public let tolerances: [ObjectiveTolerance]
    public let droppedByTolerance: [Int]
    public let metricNames: [String]
    /// Column of each objective's metric in `Trial.metrics` (nil when the study lacks it).
    let objectiveColumns: [Int?]

    public enum ReportError: Error, CustomStringConvertible {
        case store(StudyStorageError)
        case scenario(ScenarioError)
        public var description: String {
            switch self {
            case .store(let e): return e.description
            case .scenario(let e): return "the scenario stored in the study no longer reads: \(e)"
            }
        }
    }

    /// Reads a study: its model (for a first-release file, which stores none, the reading of
    /// its stored scenario text with `registry`, the plug-ins that scenario may name) and its
    /// trials; `filters` and `tolerances` as in `init(info:model:trials:filters:tolerances:)`.
    public init(storage: any StudyStorage, registry: PluginRegistry, filters: [MetricFilter]? = nil, tolerances: [ObjectiveTolerance]? = nil) throws(ReportError) {
        let info: StudyInfo
        let trials: [Trial]
        do {
            info = try storage.info()
            trials = try storage.trials()
        } catch { throw .store(error) }
        let model: StudyModel
        if let stored = info.model {
            model = stored
        } else {
            do { model = StudyModel(scenario: try ScenarioLoader.parse(info.scenario, path: info.scenarioPath, registry: registry, checkFiles: false)) }
            catch { throw .scenario(error) }
        }
        self.init(info: info, model: model, trials: trials, filters: filters, tolerances: tolerances)
    }

    public init(info: StudyInfo, scenario: Scenario, trials: [Trial]) {
        self.init(info: info, model: StudyModel(scenario: scenario), trials: trials)
    }

    /// `filters`: report-only conditions; a complete, feasible trial that breaks one is shown
    /// nowhere (it is listed in `filteredOut`), so the front, knee and best labels are those
    /// of what remains. `tolerances`: a Pareto-front trial ε-dominated under them by another
    /// is left off the front (listed in `droppedByTolerance`). Nil: the model's own report
    /// settings (the scenario's `report:` section).
    public init(info: StudyInfo, model: StudyModel, trials: [Trial], filters: [MetricFilter]? = nil, tolerances: [ObjectiveTolerance]? = nil) {
        let filters = filters ?? model.report.filters
        let tolerances = tolerances ?? model.report.tolerances
        self.info = info
        self.filters = filters
        self.tolerances = tolerances
        self.model = model
        self.trials = trials
        self.metricNames = info.metricNames
        self.objectiveColumns = model.objectives.map { info.metricNames.firstIndex(of: $0.metric) }
        var feasible: [Int] = [], infeasible: [Int] = [], failed: [Int] = [], running: [Int] = [], pruned: [Int] = [], filteredOut: [Int] = []
        let filterColumns = filters.map { info.metricNames.firstIndex(of: $0.metric) }
        for (i, t) in trials.enumerated() {
            switch t.state {
            case .complete:
                if t.violation > 0 { infeasible.append(i) }
                else if zip(filters, filterColumns).allSatisfy({ f, c in f.accepts(c.flatMap { $0 < t.metrics.count ? t.metrics[$0] : nil }) }) { feasible.append(i) }
                else { filteredOut.append(i) }
            case .failed: failed.append(i)
            // Stopped early: shown with its last values, never on the front.
            case .pruned: pruned.append(i)
            case .running: running.append(i)
            }
        }
        self.feasible = feasible
        self.filteredOut = filteredOut
        self.infeasible = infeasible
        self.failed = failed
        self.running = running
        self.pruned = pruned
        let m = max(model.objectives.count, 1)
        var values: [Double] = []
        values.reserveCapacity(feasible.count * m)
        for i in feasible {
            values.append(contentsOf: Self.objectives(trials[i], objectives: model.objectives, columns: objectiveColumns))
        }
        let nd = model.objectives.isEmpty ? [] : NondominatedSorting.nondominatedIndices(PointSet(values: values, dimension: m)).map { feasible[$0] }
        let first = objectiveColumns.first ?? nil
        let pareto = nd.sorted { a, b in
            let x = first.map { trials[a].metrics[$0] } ?? 0, y = first.map { trials[b].metrics[$0] } ?? 0
            return x < y || (x == y && trials[a].number < trials[b].number)
        }
        let epsilon = Self.epsilonDominance(tolerances, objectives: model.objectives)
        if epsilon.isZero {
            self.front = pareto
            self.droppedByTolerance = []
        } else {
            let columns = objectiveColumns
            let rows = PointSet(values: pareto.flatMap { Self.objectives(trials[$0], objectives: model.objectives, columns: columns) }, dimension: m)
            let kept = epsilon.reduce(rows)
            self.front = kept.map { pareto[$0] }
            let keptSet = Set(kept)
            self.droppedByTolerance = pareto.indices.filter { !keptSet.contains($0) }.map { pareto[$0] }
        }
    }

    /// The ε-dominance of `tolerances` on `objectives` (0 where an objective has none).
    static func epsilonDominance(_ tolerances: [ObjectiveTolerance], objectives: [Objective]) -> EpsilonDominance {
        var absolute = [Double](repeating: 0, count: objectives.count), relative = absolute
        for t in tolerances {
            guard let k = objectives.firstIndex(where: { $0.metric == t.metric }) else { continue }
            switch t.amount {
            case .absolute(let v): absolute[k] = max(absolute[k], v)
            case .relative(let f): relative[k] = max(relative[k], f)
            }
        }
        return EpsilonDominance(absolute: absolute, relative: relative)
    }

    /// A trial's objective vector, minimised (+infinity for a missing metric).
    static func objectives(_ t: Trial, objectives: [Objective], columns: [Int?]) -> [Double] {
        zip(objectives, columns).map { o, c in
            guard let c, c < t.metrics.count, !t.metrics[c].isNaN else { return .infinity }
            return o.minimized(t.metrics[c])
        }
    }

    /// The objective vector of `trials[trialIndex]`, minimised.
    public func objectiveVector(_ trialIndex: Int) -> [Double] {
        Self.objectives(trials[trialIndex], objectives: model.objectives, columns: objectiveColumns)
    }

    /// A metric's value for `trials[trialIndex]`; nil when missing.
    public func metric(_ name: String, of trialIndex: Int) -> Double? {
        guard let i = metricNames.firstIndex(of: name), i < trials[trialIndex].metrics.count else { return nil }
        let v = trials[trialIndex].metrics[i]
        return v.isNaN ? nil : v
    }

    /// Hypervolume of the front in the minimised objective space. The reference point is each
    /// objective's worst value over all feasible trials plus 10 % of its range (plus 1 when the
    /// range is 0), so every front point contributes. Nil when the front is empty. Exact within
    /// `ReportHypervolume`'s work bound, estimated beyond it.
    public var hypervolume: (value: Double, reference: [Double])? {
        guard !front.isEmpty, let ref = referencePoint else { return nil }
        let m = model.objectives.count
        var values: [Double] = []
        for i in front { values.append(contentsOf: objectiveVector(i)) }
        return (ReportHypervolume.value(PointSet(values: values, dimension: m), reference: ref), ref)
    }

    /// The hypervolume reference point (see `hypervolume` and `HypervolumeReference`); nil
    /// without feasible trials.
    public var referencePoint: [Double]? {
        HypervolumeReference.point(of: feasible.lazy.map(objectiveVector), dimension: model.objectives.count)
    }

    /// The front's best trial for each objective (index into `trials`); empty for an empty front.
    public var bestPerObjective: [Int] {
        guard !front.isEmpty else { return [] }
        let vectors = front.map(objectiveVector)
        return model.objectives.indices.map { k in
            var best = 0
            for j in vectors.indices where vectors[j][k] < vectors[best][k] { best = j }
            return front[best]
        }
    }

    /// The front's knee (index into `trials`): the balanced trade-off (see `KneePoint`).
    public var knee: Int? {
        guard front.count > 2 else { return nil }
        return KneePoint.index(PointSet(values: front.flatMap(objectiveVector), dimension: model.objectives.count)).map { front[$0] }
    }

    /// A constraint's slack for `trials[trialIndex]` in the metric's unit (positive = room left).
    public func slack(_ constraint: OutcomeConstraint, of trialIndex: Int) -> Double? {
        metric(constraint.metric, of: trialIndex).map(constraint.slack)
    }

    /// Why the front is empty, in words; nil when it is not.
    public var emptyFrontExplanation: String? {
        guard front.isEmpty else { return nil }
        if trials.isEmpty { return "The study has no trials yet: run it with 'hyperfront run'." }
        if !failed.isEmpty && infeasible.isEmpty && failed.count + running.count == trials.count {
            let reasons = Dictionary(grouping: failed.compactMap { trials[$0].failure }, by: { $0 })
                .sorted { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
            let top = reasons.first.map { "most common reason (\($0.value.count)×): \($0.key)" } ?? "no reason was recorded"
            return "Every trial failed (\(failed.count)); \(top)"
        }
        if !pruned.isEmpty && infeasible.isEmpty && failed.count + running.count + pruned.count == trials.count {
            return "Every finished trial was stopped early by the scheduler (\(pruned.count) pruned, \(failed.count) failed); none ran to its end."
        }
        if !infeasible.isEmpty {
            var lines = ["No trial satisfies every constraint (\(infeasible.count) infeasible, \(failed.count) failed). Closest to feasible:"]
            for c in model.constraints {
                guard let i = metricNames.firstIndex(of: c.metric) else { continue }
                let values = infeasible.map { trials[$0].metrics[i] }.filter { !$0.isNaN }
                guard let best = c.kind == .atMost ? values.min() : values.max() else { continue }
                let unit = MetricUnit(metric: c.metric)
                lines.append("  \(c.description): best seen \(unit.format(best))\(c.violation(best) > 0 ? " (still outside)" : "")")
            }
            if let closest = infeasible.min(by: { trials[$0].violation < trials[$1].violation || (trials[$0].violation == trials[$1].violation && $0 < $1) }) {
                lines.append("  least total violation: trial \(trials[closest].number) (\(TableFormat.fmt(trials[closest].violation)))")
            }
            return lines.joined(separator: "\n")
        }
        return "No complete trial yet (\(running.count) running)."
    }
}
