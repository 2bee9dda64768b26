/// A scenario's report-only settings (`report:`): filters and objective tolerances that every
/// report of the study applies unless the command line gives its own. They change what is
/// shown, never what is run or stored.
public struct ReportSettings: Sendable, Equatable {
    /// `report.where`: conditions a shown trial meets.
    public var filters: [MetricFilter]
    /// `report.tolerance`: per-objective tolerances for ε-dominance on the front.
    public var tolerances: [ObjectiveTolerance]

    public init(filters: [MetricFilter] = [], tolerances: [ObjectiveTolerance] = []) {
        self.filters = filters
        self.tolerances = tolerances
    }

    public var isEmpty: Bool { filters.isEmpty && tolerances.isEmpty }
}
