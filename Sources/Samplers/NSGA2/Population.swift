import Hyperfront
import Pareto

/// Evaluated individuals: configurations with their minimised objectives and violations, and,
/// for a population that went through survival, each member's front rank and crowding distance.
public struct Population: Sendable {
    public private(set) var configurations: [Configuration] = []
    /// Row-major objective values, `objectiveCount` per individual.
    public private(set) var objectives: [Double] = []
    public private(set) var violations: [Double] = []
    /// The generation each individual was proposed in.
    public private(set) var generations: [Int] = []
    /// Front rank (0-based) and crowding distance; filled by survival.
    public internal(set) var ranks: [Int] = []
    public internal(set) var crowding: [Double] = []
    public private(set) var objectiveCount: Int = 0

    public init() {}

    public var count: Int { configurations.count }
    public var isEmpty: Bool { configurations.isEmpty }

    /// The objective values as a point set (minimisation).
    public var points: PointSet { PointSet(values: objectives, dimension: Swift.max(objectiveCount, 1)) }

    /// Adds an evaluated individual. Every individual must have the same number of objectives;
    /// a NaN objective or violation counts as +infinity (a failed trial).
    public mutating func append(_ configuration: Configuration, objectives f: [Double], violation: Double, generation: Int) {
        if configurations.isEmpty { objectiveCount = f.count }
        precondition(f.count == objectiveCount, "every observation must carry \(objectiveCount) objective values, found \(f.count)")
        configurations.append(configuration)
        for v in f { objectives.append(v.isNaN ? .infinity : v) }
        violations.append(violation.isNaN ? .infinity : violation)
        generations.append(generation)
    }

    /// The members at `indices`, in that order (ranks and crowding not copied).
    func subset(_ indices: [Int]) -> Population {
        var p = Population()
        p.objectiveCount = objectiveCount
        p.configurations.reserveCapacity(indices.count)
        p.objectives.reserveCapacity(indices.count * objectiveCount)
        for i in indices {
            p.configurations.append(configurations[i])
            p.objectives += objectives[(i * objectiveCount)..<((i + 1) * objectiveCount)]
            p.violations.append(violations[i])
            p.generations.append(generations[i])
        }
        return p
    }

    static func + (a: Population, b: Population) -> Population {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var p = a
        precondition(a.objectiveCount == b.objectiveCount, "populations with different numbers of objectives")
        p.configurations += b.configurations
        p.objectives += b.objectives
        p.violations += b.violations
        p.generations += b.generations
        p.ranks = []
        p.crowding = []
        return p
    }
}
