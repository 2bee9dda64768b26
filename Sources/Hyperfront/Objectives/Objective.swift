/// Whether a metric is to be made small or large.
public enum Goal: String, Sendable, Hashable, CaseIterable {
    case minimize, maximize
}

/// One objective of the search: a metric and its direction.
public struct Objective: Sendable, Hashable {
    public let metric: String
    public let goal: Goal

    public init(metric: String, goal: Goal) {
        self.metric = metric
        self.goal = goal
    }

    /// The metric as a value to minimise (maximised metrics are negated here, once).
    @inlinable
    public func minimized(_ value: Double) -> Double { goal == .minimize ? value : -value }

    /// Back from the minimised form to the metric's own value.
    @inlinable
    public func natural(_ value: Double) -> Double { goal == .minimize ? value : -value }
}

/// A bound on a metric: `metric ≤ max` or `metric ≥ min`.
public struct OutcomeConstraint: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case atMost = "max", atLeast = "min" }
    public let metric: String
    public let kind: Kind
    public let bound: Double

    public init(metric: String, kind: Kind, bound: Double) {
        self.metric = metric
        self.kind = kind
        self.bound = bound
    }

    /// How far `value` is outside the bound, relative to the bound's magnitude (0 when inside).
    /// A missing or NaN value violates by +infinity.
    @inlinable
    public func violation(_ value: Double?) -> Double {
        guard let value, !value.isNaN else { return .infinity }
        let scale = Swift.max(Swift.abs(bound), 1e-12)
        switch kind {
        case .atMost: return value <= bound ? 0 : (value - bound) / scale
        case .atLeast: return value >= bound ? 0 : (bound - value) / scale
        }
    }

    /// Signed distance to the bound in the metric's unit: positive = room left.
    public func slack(_ value: Double) -> Double {
        kind == .atMost ? bound - value : value - bound
    }

    public var description: String { "\(metric) \(kind == .atMost ? "≤" : "≥") \(formatNumber(bound))" }
}
