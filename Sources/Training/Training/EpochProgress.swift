/// What the trainer measured after one epoch, handed to `Trainer.train`'s `onEpoch`.
public struct EpochProgress: Sendable {
    /// 1-based.
    public let epoch: Int
    public let trainLoss: Double
    public let validationLoss: Double
    /// Accuracy, precision, recall and F1 on the validation rows with the weights after this epoch.
    public let validation: ClassificationMetrics
    public let parameterCount: Int
    public let memoryBytes: Int
    /// Wall time of the training loop so far.
    public let seconds: Double
}
