import Hyperfront

extension NSGA2Sampler {
    /// Lets the current generation close without the results of some handed-out proposals, so
    /// the next generation can be bred while they still run. Their results, when told later,
    /// join the survival pool of the generation open at that time (as any unmatched
    /// observation does). Deterministic as long as the caller withdraws and tells at points
    /// that do not depend on timing.
    /// - Complexity: O(batch) per withdrawn configuration.
    public mutating func withdraw(_ configurations: [Configuration]) {
        for c in configurations {
            guard let k = outstandingIndex(of: c) else { continue }
            pending.remove(at: k)
            told.remove(at: k)
            pendingStart -= 1
            if tellHint > k { tellHint -= 1 }
        }
        if batchOpen && outstanding == 0 && pendingStart == pending.count { closeGeneration() }
    }
}

extension NSGA2Sampler: PipelinedSampler {}
