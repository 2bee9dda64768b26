import Foundation
import Hyperfront
import Training

extension MLPEvaluator {
    /// The quality metrics averaged over the folds; each also gets `<metric>_std`.
    public static let foldMetrics = ["val_loss", "accuracy", "precision", "recall", "f1", "train_loss"]

    /// Stratified k-fold cross-validation (`cv: k`; folds by `Dataset.stratifiedFolds`, as
    /// scikit-learn's `cross_val_score(..., cv=k)` scores a fixed split): the configuration is
    /// trained k times, each time on k − 1 folds from the trial's seed and validated on the
    /// fold left out. Reports each quality metric's mean over the folds and its standard
    /// deviation (`accuracy_std`, …; population deviation, NumPy's default `ddof=0`),
    /// `train_seconds` summed over the k trainings, `epochs_run` averaged, and the
    /// architecture's `params`, `memory_bytes` and `flops`. A fold that diverges fails the
    /// trial. The trainings report no intermediate values (an early-stopping scheduler lets
    /// cross-validated trials run to their end).
    /// - Complexity: k trainings.
    func crossValidate(_ config: TrainingConfiguration, seed: UInt64) -> TrialOutcome {
        var results: [TrainingResult] = []
        for (f, fold) in folds.enumerated() {
            var rng = RandomSource(seed: seed)
            let result: TrainingResult
            do { result = try Trainer.train(config, train: fold.train, validation: fold.validation, monitorValidation: true, using: &rng) }
            catch { return .failed(error.description) }
            if result.diverged {
                return .failed("training diverged in epoch \(result.epochsRun) of fold \(f + 1) of \(folds.count) (the loss became NaN or infinite); a smaller learning_rate usually helps")
            }
            results.append(result)
        }
        func values(_ name: String) -> [Double] {
            results.map { r in
                switch name {
                case "val_loss": r.validationLoss
                case "accuracy": r.validation.accuracy
                case "precision": r.validation.precision
                case "recall": r.validation.recall
                case "f1": r.validation.f1
                default: r.trainLoss
                }
            }
        }
        var metrics: [String: Double] = [:]
        for name in Self.foldMetrics {
            let v = values(name)
            let mean = v.reduce(0, +) / Double(v.count)
            metrics[name] = mean
            metrics[name + "_std"] = (v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count)).squareRoot()
        }
        let first = results[0]
        metrics["params"] = Double(first.parameterCount)
        metrics["memory_bytes"] = Double(first.memoryBytes)
        metrics["flops"] = Double(first.flopsPerEpoch)
        metrics["train_seconds"] = results.map(\.seconds).reduce(0, +)
        metrics["epochs_run"] = Double(results.map(\.epochsRun).reduce(0, +)) / Double(results.count)
        return TrialOutcome(metrics: metrics)
    }
}
