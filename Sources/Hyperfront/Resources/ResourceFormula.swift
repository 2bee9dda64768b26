/// A resource that follows from the discrete choices alone (parameter count, memory, FLOPs),
/// so a budget on it is known before a trial runs.
public struct ResourceFormula: Sendable, Hashable {
    /// The metric it defines, e.g. `params`.
    public let metric: String
    public let expression: Expression
    /// Indices (into the search space) of the parameters it mentions.
    public let parameters: [Int]

    public init(metric: String, expression: Expression, space: SearchSpace) {
        self.metric = metric
        self.expression = expression
        self.parameters = expression.names.compactMap { space.index(of: $0) }
    }

    /// Its value for a configuration; inactive parameters count as 0, and so does every
    /// comparison on one.
    public func value(_ c: Configuration, in space: SearchSpace) -> Double {
        expression.evaluate({ name in
            guard let i = space.index(of: name) else { return .nan }
            let x = c[i]
            return x.isNaN ? 0 : space[i].domain.numeric(x)
        }, matches: { name, literal in
            guard let i = space.index(of: name), !c[i].isNaN else { return nil }
            return space[i].domain.matches(c[i], literal)
        })
    }
}
