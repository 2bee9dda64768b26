/// A batch sampler that can close a batch without some of its results: the withdrawn
/// proposals' results are told later and join the search then. A runner that pipelines
/// batches (see `BatchSchedule` in the Studies module) withdraws the last few proposals of a
/// batch so the next batch can be proposed while they still run.
///
/// Deterministic as long as the caller withdraws and tells at points that do not depend on
/// timing (proposal order only).
public protocol PipelinedSampler: Sampler {
    /// Closes the open batch without the results of `configurations` (proposed by it and not
    /// told yet); they may be told later, with any later batch.
    mutating func withdraw(_ configurations: [Configuration])
}
