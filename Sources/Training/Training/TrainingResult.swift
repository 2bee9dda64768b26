/// What one training run produced.
public struct TrainingResult: Sendable {
    /// One epoch's figures.
    public struct Epoch: Sendable, Hashable {
        /// 1-based.
        public let epoch: Int
        /// Mean cross-entropy over the epoch's mini-batches (before the updates of each batch,
        /// dropout on, penalty excluded).
        public let trainLoss: Double
        /// Mean validation cross-entropy after the epoch (NaN when not monitored).
        public let validationLoss: Double
        public let learningRate: Double
    }

    /// Epochs trained (fewer than configured when early stopping fired or training diverged).
    public let epochsRun: Int
    /// The epoch whose weights were kept (1-based): the best by validation loss with early
    /// stopping, otherwise the last.
    public let keptEpoch: Int
    /// Mean cross-entropy of the kept weights on the training rows (no dropout, no penalty).
    public let trainLoss: Double
    /// Mean cross-entropy of the kept weights on the validation rows.
    public let validationLoss: Double
    /// Accuracy, macro precision, recall and F1 on the validation rows.
    public let validation: ClassificationMetrics
    public let history: [Epoch]
    public let shape: NetworkShape
    /// Trainable parameters of the network built.
    public let parameterCount: Int
    /// Bytes of the buffers the run allocated: weights, gradients, optimiser state and one
    /// batch's activations (see `NetworkShape.memoryBytes`).
    public let memoryBytes: Int
    /// Matrix-product FLOPs counted during the first training epoch.
    public let flopsPerEpoch: Int
    /// Wall time of the training loop (including per-epoch validation), seconds.
    public let seconds: Double
    /// True when a loss became NaN or infinite; training stopped there.
    public let diverged: Bool
}
