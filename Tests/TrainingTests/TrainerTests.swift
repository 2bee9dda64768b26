import Testing
import Randomness
@testable import Training

/// The trainer end to end on small synthetic problems.
struct TrainerTests {
    @Test func learnsSeparableClassesWithEveryOptimizer() throws {
        let train = blobs(rows: 90, features: 4, classes: 3, seed: 1)
        let validation = blobs(rows: 60, features: 4, classes: 3, seed: 2)
        for optimizer: Optimizer in [.adam, .rmsprop, .sgd(momentum: 0.9, nesterov: true)] {
            var rng = RandomSource(seed: 7)
            let config = TrainingConfiguration(hidden: [8], optimizer: optimizer, learningRate: optimizer.name == "sgd" ? 0.05 : 0.01,
                                               batchSize: 16, epochs: 30)
            let r = try Trainer.train(config, train: train, validation: validation, using: &rng)
            #expect(r.validation.accuracy > 0.85, "\(optimizer.name): \(r.validation.accuracy)")
            #expect(r.history.first!.trainLoss > r.history.last!.trainLoss)
            #expect(r.epochsRun == 30 && !r.diverged)
        }
    }

    @Test func binaryClassificationUsesOneSigmoidOutput() throws {
        let train = blobs(rows: 80, features: 3, classes: 2, seed: 3)
        let validation = blobs(rows: 40, features: 3, classes: 2, seed: 4)
        var rng = RandomSource(seed: 1)
        let r = try Trainer.train(TrainingConfiguration(hidden: [6], activation: .tanh, learningRate: 0.01, batchSize: 8, epochs: 20),
                                  train: train, validation: validation, using: &rng)
        #expect(r.shape.outputs == 1)
        #expect(r.validation.accuracy > 0.85)
    }

    @Test func sameSeedSameResultOtherSeedOtherResult() throws {
        let train = blobs(rows: 60, features: 4, classes: 3, seed: 5, spread: 2)
        let validation = blobs(rows: 30, features: 4, classes: 3, seed: 6, spread: 2)
        let config = TrainingConfiguration(hidden: [6, 5], dropout: 0.2, initializer: .heNormal, batchSize: 7, epochs: 5, l1: 1e-3, l2: 1e-3)
        func run(_ seed: UInt64) throws -> TrainingResult {
            var rng = RandomSource(seed: seed)
            return try Trainer.train(config, train: train, validation: validation, using: &rng)
        }
        let a = try run(1), b = try run(1), c = try run(2)
        #expect(a.history.map(\.trainLoss) == b.history.map(\.trainLoss))
        #expect(a.validationLoss == b.validationLoss && a.validation == b.validation && a.trainLoss == b.trainLoss)
        #expect(a.validationLoss != c.validationLoss)
    }

    @Test func earlyStoppingRestoresTheBestEpoch() throws {
        // Noisy, overlapping classes and a large learning rate: the validation loss turns up.
        let train = blobs(rows: 40, features: 6, classes: 3, seed: 8, spread: 3)
        let validation = blobs(rows: 40, features: 6, classes: 3, seed: 9, spread: 3)
        var rng = RandomSource(seed: 3)
        let config = TrainingConfiguration(hidden: [32], learningRate: 0.05, batchSize: 8, epochs: 60, patience: 3)
        let r = try Trainer.train(config, train: train, validation: validation, using: &rng)
        #expect(r.epochsRun < 60)
        #expect(r.epochsRun == r.keptEpoch + 3)
        let best = r.history.min { $0.validationLoss < $1.validationLoss }!
        #expect(best.epoch == r.keptEpoch)
        #expect(abs(r.validationLoss - best.validationLoss) < 1e-9)
    }

    @Test func settingsOutOfRangeAreNamed() {
        let d = blobs(rows: 10, features: 2, classes: 2, seed: 1)
        var rng = RandomSource(seed: 1)
        for (config, name) in [(TrainingConfiguration(dropout: 1), "dropout"), (TrainingConfiguration(learningRate: -1), "learning_rate"),
                               (TrainingConfiguration(batchSize: 0), "batch_size"), (TrainingConfiguration(hidden: [4, 0]), "units_2"),
                               (TrainingConfiguration(optimizer: .sgd(momentum: 1.5, nesterov: false)), "momentum")] {
            do {
                _ = try Trainer.train(config, train: d, validation: d, using: &rng)
                Issue.record("accepted a bad \(name)")
            } catch {
                #expect(error.parameter == name)
            }
        }
    }

    @Test func macroMetricsByHand() {
        // truth  0 0 1 1 2 2 ; predicted 0 1 1 1 0 2
        let m = ClassificationMetrics(truth: [0, 0, 1, 1, 2, 2], predicted: [0, 1, 1, 1, 0, 2], classes: 3)
        #expect(abs(m.accuracy - 4.0 / 6) < 1e-12)
        // precision: 1/2, 2/3, 1 ; recall: 1/2, 1, 1/2
        #expect(abs(m.precision - (0.5 + 2.0 / 3 + 1) / 3) < 1e-12)
        #expect(abs(m.recall - (0.5 + 1 + 0.5) / 3) < 1e-12)
        let f1 = (0.5 + 2 * (2.0 / 3) / (2.0 / 3 + 1) + 2 * 0.5 / 1.5) / 3
        #expect(abs(m.f1 - f1) < 1e-12)
    }
}
