import Samplers
import Hyperfront

/// A batch sampler that can close a batch without some of its results (see
/// `StudyRunner.pipelineDepth`): the withdrawn proposals' results are told later and join the
/// search then.
public protocol PipelinedSampler: Sampler {
    mutating func withdraw(_ configurations: [Configuration])
}

extension NSGA2Sampler: PipelinedSampler {}

/// Holds the sampler's place while the real one is being mutated through a cast (avoids a
/// copy-on-write of its storage).
struct PlaceholderSampler: Sampler {
    mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] { [] }
    mutating func tell(_ observations: [Observation]) {}
}
