/// One named hyperparameter: its domain and, optionally, the condition under which it is active.
public struct Parameter: Sendable, Hashable {
    public let name: String
    public let domain: Domain
    /// When present, the parameter is active only when every clause holds.
    public let condition: Condition?

    public init(name: String, domain: Domain, condition: Condition? = nil) {
        self.name = name
        self.domain = domain
        self.condition = condition
    }
}

/// `when: {optimizer: sgd}` — a conjunction of clauses "parameter has one of these values".
public struct Condition: Sendable, Hashable {
    public struct Clause: Sendable, Hashable {
        /// Index of the parent parameter in the search space.
        public let parameter: Int
        /// Encoded values of the parent for which the clause holds.
        public let allowed: Set<Double>
        public init(parameter: Int, allowed: Set<Double>) {
            self.parameter = parameter
            self.allowed = allowed
        }
    }
    public let clauses: [Clause]
    public init(clauses: [Clause]) { self.clauses = clauses }
}
