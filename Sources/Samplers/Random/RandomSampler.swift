import Hyperfront

/// Uniform random search (log-uniform for log ranges): the baseline every front is compared with.
public struct RandomSampler: Sampler {
    public let space: SearchSpace
    /// Draws tried per proposal before accepting a configuration that was already seen.
    public var attempts = 32

    public init(space: SearchSpace) { self.space = space }

    public mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] {
        var out: [Proposal] = []
        out.reserveCapacity(limit)
        var batch = Set<Configuration>(minimumCapacity: limit)
        for _ in 0..<limit {
            var c = space.sample(using: &rng)
            var tries = 1
            while (isKnown(c) || batch.contains(c)) && tries < attempts {
                c = space.sample(using: &rng)
                tries += 1
            }
            if isKnown(c) || batch.contains(c) { break }   // the space looks exhausted
            batch.insert(c)
            out.append(Proposal(configuration: c, generation: 0))
        }
        return out
    }

    public mutating func tell(_ observations: [Observation]) {}
}
