import Foundation
import Hyperfront
import Training

/// The built-in evaluator: trains a multilayer perceptron on a CSV data set for each trial
/// and reports validation quality, cost and size.
///
/// The data are read, split and standardised once, when the evaluator is made: a stratified
/// split with seed 0 (the same validation rows for every trial, so trials compare), or the
/// separate validation file; standardisation is fitted on the training rows only. Each trial
/// then trains from `request.seed` (initial weights, row order, dropout) with one BLAS thread,
/// so the same configuration and seed give the same metrics, `train_seconds` aside.
///
/// Metrics (`MLPSpec.metrics`): `val_loss` (mean validation cross-entropy), `accuracy`,
/// `precision`, `recall`, `f1` (macro, on the validation rows), `train_loss` (mean training
/// cross-entropy of the kept weights), `params`, `memory_bytes` (fp32 weights + gradients +
/// the trial's optimiser state + one batch's activations; see `NetworkShape.memoryBytes`),
/// `flops` (matrix-product FLOPs per training epoch), `train_seconds` (wall time of the
/// training loop) and `epochs_run`. Parameters and their defaults: see
/// `trainingConfiguration(_:)`. With `cv: k`, stratified k-fold cross-validation instead (see
/// `crossValidate`).
public struct MLPEvaluator: Evaluator {
    public let spec: MLPSpec
    public let space: SearchSpace
    /// Standardised training and validation rows.
    public let train: Dataset
    public let validation: Dataset
    public let standardizer: Standardizer
    /// With `cv: k`: each fold's standardised training and validation rows (`train` and
    /// `validation` are then fold 0's); empty for a hold-out split.
    public let folds: [(train: Dataset, validation: Dataset)]

    public var metricNames: [String] { spec.reportedMetrics ?? MLPSpec.metrics }
    public var features: Int { train.featureCount }
    public var classes: Int { train.classCount }

    /// Reads the data set(s) of `spec` and checks that `space` names only parameters the
    /// trainer knows, with domains it can use.
    public init(spec: MLPSpec, space: SearchSpace) throws(MLPEvaluatorError) {
        try MLPEvaluator.checkSpace(space)
        do { try BLASLibrary.load() } catch { throw .library(error) }
        let all: Dataset
        do { all = try Dataset.load(csv: spec.dataset, label: spec.label) } catch { throw .data(error) }
        var trainRaw: Dataset, validationRaw: Dataset
        var folds: [(train: Dataset, validation: Dataset)] = []
        if let k = spec.cv {
            // Stratified k-fold; standardisation fitted on each fold's training rows only.
            let assignment: [Int]
            do { assignment = try all.stratifiedFolds(k) } catch { throw .data(error) }
            for f in 0..<k {
                let (t, v) = all.fold(f, of: assignment)
                let scaler = Standardizer(fitting: t)
                folds.append((scaler.apply(to: t), scaler.apply(to: v)))
            }
            (trainRaw, validationRaw) = all.fold(0, of: assignment)
        } else if let v = spec.validationDataset {
            trainRaw = all
            do { validationRaw = try Dataset.load(csv: v, label: spec.label, features: all.features, classes: all.classes) } catch { throw .data(error) }
        } else {
            var splitRandom = RandomSource(seed: 0)
            do { (trainRaw, validationRaw) = try all.stratifiedSplit(validationFraction: spec.validationFraction, using: &splitRandom) } catch { throw .data(error) }
        }
        let scaler = Standardizer(fitting: trainRaw)
        self.spec = spec
        self.space = space
        self.standardizer = scaler
        self.train = scaler.apply(to: trainRaw)
        self.validation = scaler.apply(to: validationRaw)
        self.folds = folds
    }

    public func evaluate(_ request: TrialRequest) -> TrialOutcome {
        let config: TrainingConfiguration
        do { config = try trainingConfiguration(request.parameters) } catch {
            return .failed("bad parameter \(error.description)")
        }
        if !folds.isEmpty { return crossValidate(config, seed: request.seed) }
        var rng = RandomSource(seed: request.seed)
        let result: TrainingResult
        // Each epoch's validation metrics go to the trial's scheduler, which may stop training.
        let channel = request.channel
        let onEpoch = { (p: EpochProgress) -> Bool in
            channel.report(step: p.epoch, [
                "epoch": Double(p.epoch), "val_loss": p.validationLoss, "train_loss": p.trainLoss,
                "accuracy": p.validation.accuracy, "precision": p.validation.precision, "recall": p.validation.recall,
                "f1": p.validation.f1, "params": Double(p.parameterCount), "memory_bytes": Double(p.memoryBytes),
                "train_seconds": p.seconds, "epochs_run": Double(p.epoch),
            ]) == .continue
        }
        do { result = try Trainer.train(config, train: train, validation: validation, monitorValidation: true, onEpoch: onEpoch, using: &rng) } catch {
            return .failed(error.description)
        }
        let intermediate = result.history.map { ["step": Double($0.epoch), "val_loss": $0.validationLoss, "train_loss": $0.trainLoss] }
        if result.diverged {
            return .failed("training diverged in epoch \(result.epochsRun) (the loss became NaN or infinite); a smaller learning_rate usually helps",
                           intermediate: intermediate)
        }
        let metrics: [String: Double] = [
            "val_loss": result.validationLoss,
            "accuracy": result.validation.accuracy,
            "precision": result.validation.precision,
            "recall": result.validation.recall,
            "f1": result.validation.f1,
            "train_loss": result.trainLoss,
            "params": Double(result.parameterCount),
            "memory_bytes": Double(result.memoryBytes),
            "flops": Double(result.flopsPerEpoch),
            "train_seconds": result.seconds,
            "epochs_run": Double(result.epochsRun),
        ]
        return TrialOutcome(metrics: metrics, intermediate: intermediate)
    }
}
