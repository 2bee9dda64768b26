import Hyperfront
import Pareto

extension ComparedFront {
    /// A CSV front as a report would show it: the points that pass `filters` (texts of
    /// `--where`, on the objectives' columns), reduced to their non-dominated points and then
    /// by ε-dominance under `tolerances` (texts of `--tolerance`; see `EpsilonDominance`).
    public func selecting(filters: [String], tolerances: [String]) throws(ReadError) -> ComparedFront {
        if filters.isEmpty && tolerances.isEmpty { return self }
        let names = objectives.map(\.metric)
        var parsedFilters: [MetricFilter] = []
        var parsedTolerances: [ObjectiveTolerance] = []
        do {
            for f in filters { parsedFilters.append(try MetricFilter.parse(f, metrics: names)) }
            for t in tolerances { parsedTolerances.append(try ObjectiveTolerance.parse(t, objectives: names, metrics: names)) }
        } catch { throw .study("\(name): \(error)") }
        let kept = points.filter { p in
            parsedFilters.allSatisfy { f in names.firstIndex(of: f.metric).map { f.accepts(p[$0]) } ?? false }
        }
        let m = objectives.count
        let minimised = kept.map { p in zip(objectives, p).map { $0.minimized($1) } }
        let nd = NondominatedSorting.nondominatedIndices(PointSet(values: minimised.flatMap { $0 }, dimension: m)).sorted()
        let epsilon = StudyReport.epsilonDominance(parsedTolerances, objectives: objectives)
        let reduced = epsilon.reduce(PointSet(values: nd.flatMap { minimised[$0] }, dimension: m)).map { nd[$0] }
        var out = self
        out.points = reduced.map { kept[$0] }
        return out
    }
}
