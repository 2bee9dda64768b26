/// A mixed-integer linear program in Swift terms: variables with kinds and bounds, sparse
/// linear constraints with lower/upper bounds (ranges), and a linear objective with a sense.
///
/// The model is plain data; nothing reaches GLPK until `solve(timeLimit:mipGap:)`, which first
/// validates every number and index (see `validate()`), so a bad model is a thrown
/// `MixedIntegerProgramError`, never a process abort or a silently wrong answer.
public struct MixedIntegerProgram: Sendable, Hashable {
    /// What values a variable may take.
    public enum Kind: Sendable, Hashable {
        case continuous
        /// Whole numbers within the bounds; finite bounds must be whole numbers.
        case integer
        /// 0 or 1 (bounds within [0, 1]).
        case binary
    }

    /// Whether the objective is made small or large.
    public enum Sense: Sendable, Hashable { case minimize, maximize }

    /// One decision variable: `lower ≤ x ≤ upper` (±infinity for no bound) and its objective
    /// coefficient.
    public struct Variable: Sendable, Hashable {
        public var kind: Kind
        public var lower: Double
        public var upper: Double
        public var cost: Double

        public init(kind: Kind, lower: Double, upper: Double, cost: Double = 0) {
            self.kind = kind
            self.lower = lower
            self.upper = upper
            self.cost = cost
        }
    }

    /// `coefficient × variable`, one entry of a sparse row.
    public struct Term: Sendable, Hashable {
        public var variable: Int
        public var coefficient: Double
        public init(_ variable: Int, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    /// `lower ≤ Σ terms ≤ upper` (±infinity for a one-sided row; equal bounds for an equality).
    public struct Constraint: Sendable, Hashable {
        public var terms: [Term]
        public var lower: Double
        public var upper: Double
        public init(terms: [Term], lower: Double, upper: Double) {
            self.terms = terms
            self.lower = lower
            self.upper = upper
        }
    }

    public var variables: [Variable] = []
    public var constraints: [Constraint] = []
    public var sense: Sense
    /// Added to the objective value.
    public var objectiveConstant: Double = 0

    public init(sense: Sense = .minimize) { self.sense = sense }

    /// Adds a variable and returns its index; `upper` defaults to 1 for a binary and to
    /// +infinity otherwise.
    @discardableResult
    public mutating func addVariable(_ kind: Kind, lower: Double = 0, upper: Double? = nil, cost: Double = 0) -> Int {
        variables.append(Variable(kind: kind, lower: lower, upper: upper ?? (kind == .binary ? 1 : .infinity), cost: cost))
        return variables.count - 1
    }

    /// Adds `lower ≤ Σ coefficient·x[variable] ≤ upper`.
    public mutating func addConstraint(_ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity) {
        constraints.append(Constraint(terms: terms, lower: lower, upper: upper))
    }

    /// Adds `Σ coefficient·x[variable] = value`.
    public mutating func addEquality(_ terms: [Term], _ value: Double) {
        constraints.append(Constraint(terms: terms, lower: value, upper: value))
    }

    /// The objective value of a point (constant included).
    public func objectiveValue(_ x: [Double]) -> Double {
        var s = objectiveConstant
        for (j, v) in variables.enumerated() where v.cost != 0 { s += v.cost * x[j] }
        return s
    }
}
