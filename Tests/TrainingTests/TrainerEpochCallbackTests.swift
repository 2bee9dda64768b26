import Testing
import Randomness
@testable import Training

/// The per-epoch callback: what it is told, and that it can stop training.
@Test func epochCallbackSeesValidationMetricsAndCanStop() throws {
    let train = blobs(rows: 90, features: 4, classes: 3, seed: 1)
    let validation = blobs(rows: 60, features: 4, classes: 3, seed: 2)
    let config = TrainingConfiguration(hidden: [8], learningRate: 0.01, batchSize: 16, epochs: 12)
    var seen: [EpochProgress] = []
    var rng = RandomSource(seed: 7)
    let full = try Trainer.train(config, train: train, validation: validation, onEpoch: { seen.append($0); return true }, using: &rng)
    #expect(seen.map(\.epoch) == Array(1...12))
    // The last epoch's metrics are those of the final weights (no patience: nothing restored).
    #expect(seen.last!.validation.accuracy == full.validation.accuracy)
    #expect(abs(seen.last!.validationLoss - full.validationLoss) < 1e-9)
    #expect(seen.allSatisfy { $0.parameterCount == full.parameterCount && $0.memoryBytes == full.memoryBytes })
    #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })

    // Stopping after epoch 3 gives the first three epochs of the same run.
    var rng2 = RandomSource(seed: 7)
    var calls = 0
    let stopped = try Trainer.train(config, train: train, validation: validation, onEpoch: { p in calls += 1; return p.epoch < 3 }, using: &rng2)
    #expect(calls == 3 && stopped.epochsRun == 3 && stopped.history.count == 3)
    #expect(stopped.history.map(\.trainLoss) == full.history.prefix(3).map(\.trainLoss))
    #expect(stopped.validation.accuracy == seen[2].validation.accuracy)
}
