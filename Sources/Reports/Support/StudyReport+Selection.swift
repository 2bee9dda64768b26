import Hyperfront

extension StudyReport {
    /// A `--where` or `--tolerance` argument that cannot be read, located in its text.
    public struct SelectionError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The report again with the command line's filters (`--where`) and tolerances
    /// (`--tolerance`): each kind given replaces the scenario's own (`report:`); a kind not
    /// given keeps it. Each text is read against the study's metrics and objectives.
    public func selecting(where filterTexts: [String], tolerance toleranceTexts: [String]) throws(SelectionError) -> StudyReport {
        if filterTexts.isEmpty && toleranceTexts.isEmpty { return self }
        var filters = self.filters, tolerances = self.tolerances
        if !filterTexts.isEmpty {
            filters = []
            for t in filterTexts {
                do { filters.append(try MetricFilter.parse(t, metrics: metricNames)) } catch { throw SelectionError(description: error.description) }
            }
        }
        if !toleranceTexts.isEmpty {
            tolerances = []
            let names = model.objectives.map(\.metric)
            for t in toleranceTexts {
                do { tolerances.append(try ObjectiveTolerance.parse(t, objectives: names, metrics: metricNames)) }
                catch { throw SelectionError(description: error.description) }
            }
        }
        return StudyReport(info: info, model: model, trials: trials, filters: filters, tolerances: tolerances)
    }

    /// The summary line about tolerances, or nil without any.
    var toleranceLine: String? {
        guard !tolerances.isEmpty else { return nil }
        let n = droppedByTolerance.count
        return "Tolerances: " + tolerances.map(\.description).joined(separator: ", ")
            + " (a trial is left off the front when another shown is at least as good within the tolerances on every objective and better beyond them on one"
            + "; \(n) Pareto-front trial\(n == 1 ? "" : "s") left out)"
    }
}
