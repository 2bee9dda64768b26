import Randomness

/// Trains a multilayer perceptron classifier by mini-batch gradient descent on the
/// cross-entropy (softmax output for several classes, one sigmoid output for two).
public enum Trainer {
    /// Trains a network on `train` and measures it on `validation`.
    ///
    /// Randomness (initial weights, the order of rows in each epoch, dropout masks) all comes
    /// from `rng`, and BLAS runs on one thread, so the same configuration, data and generator
    /// state give the same result (wall time aside).
    ///
    /// - Parameters:
    ///   - monitorValidation: evaluate the validation loss after every epoch (always on with
    ///     early stopping). Off, only the final weights are evaluated.
    ///   - onEpoch: called after every epoch with the validation metrics measured then (the
    ///     validation pass is made anyway when it is set); return false to stop training there
    ///     (the result then holds the epochs run so far).
    /// - Throws: `TrainingSettingError` for a setting out of range or data that do not fit
    ///   together (different features or classes).
    /// - Complexity: O(epochs · rows · Σ n_{l−1}·n_l).
    public static func train(_ config: TrainingConfiguration, train: Dataset, validation: Dataset,
                             monitorValidation: Bool = true,
                             onEpoch: ((EpochProgress) -> Bool)? = nil,
                             using rng: inout some RandomNumberGenerator) throws(TrainingSettingError) -> TrainingResult {
        try config.validate()
        guard train.rows > 0, validation.rows > 0 else {
            throw TrainingSettingError(parameter: "dataset", message: "no \(train.rows == 0 ? "training" : "validation") rows", hint: "give a data set with rows")
        }
        guard train.featureCount == validation.featureCount, train.classCount == validation.classCount, train.classCount >= 2 else {
            throw TrainingSettingError(parameter: "dataset", message: "training and validation data differ in features or classes",
                                       hint: "use the same columns and classes in both")
        }
        let start = ContinuousClock.now
        var random = RandomSource(drawingFrom: &rng)
        let shape = NetworkShape(inputs: train.featureCount, hidden: config.hidden, classes: train.classCount,
                                 batchSize: config.batchSize)
        let net = Network(shape: shape, activation: config.activation)
        net.initialize(config.initializer, using: &random)
        let optimizer = OptimizerState(config.optimizer, parameterCount: net.parameterCount)
        let dropout = Float(config.dropout), l1 = Float(config.l1), l2 = Float(config.l2)
        let monitor = monitorValidation || config.patience != nil || onEpoch != nil
        let n = train.rows, batch = shape.batchSize

        var order = (0..<n).map { Int32($0) }
        var history: [TrainingResult.Epoch] = []
        var best: (loss: Double, epoch: Int, weights: [Float])? = nil
        var sinceBest = 0
        var flopsPerEpoch = 0
        var diverged = false
        var epochsRun = 0

        train.values.withUnsafeBufferPointer { values in
            train.labels.withUnsafeBufferPointer { labels in
                for epoch in 0..<config.epochs {
                    let lr = config.schedule.rate(base: config.learningRate, epoch: epoch, epochs: config.epochs)
                    random.shuffle(&order)
                    var lossSum = 0.0
                    order.withUnsafeBufferPointer { ord in
                        var first = 0
                        var batchLabels = [Int32](repeating: 0, count: batch)
                        while first < n {
                            let m = min(batch, n - first)
                            net.loadBatch(values.baseAddress!, order: ord.baseAddress!, start: first, rows: m)
                            for r in 0..<m { batchLabels[r] = labels[Int(ord[first + r])] }
                            batchLabels.withUnsafeBufferPointer { y in
                                lossSum += net.forward(rows: m, labels: y.baseAddress!, training: true, dropout: dropout, using: &random)
                                net.backward(rows: m, labels: y.baseAddress!, dropout: dropout)
                            }
                            net.addPenaltyGradients(l1: l1, l2: l2)
                            optimizer.step(weights: net.parameters, gradients: net.gradients, learningRate: Float(lr))
                            first += m
                        }
                    }
                    epochsRun = epoch + 1
                    if epoch == 0 { flopsPerEpoch = net.trainingFLOPs }
                    let trainLoss = lossSum / Double(n)
                    var validationLoss = Double.nan
                    var validationEval: (lossSum: Double, predictions: [Int32])? = nil
                    if monitor {
                        let e = net.evaluate(validation)
                        validationEval = (e.lossSum, e.predictions)
                        validationLoss = e.lossSum / Double(validation.rows)
                    }
                    history.append(.init(epoch: epoch + 1, trainLoss: trainLoss, validationLoss: validationLoss, learningRate: lr))
                    if !trainLoss.isFinite || (monitor && !validationLoss.isFinite) { diverged = true; break }
                    if let onEpoch, let validationEval {
                        let progress = EpochProgress(
                            epoch: epoch + 1, trainLoss: trainLoss, validationLoss: validationLoss,
                            validation: ClassificationMetrics(truth: validation.labels, predicted: validationEval.predictions, classes: train.classCount),
                            parameterCount: net.parameterCount, memoryBytes: 4 * (net.allocatedFloats + optimizer.floats),
                            seconds: (ContinuousClock.now - start) / .seconds(1))
                        if !onEpoch(progress) { break }
                    }
                    if let patience = config.patience {
                        if best == nil || validationLoss < best!.loss {
                            best = (validationLoss, epoch + 1, net.snapshot())
                            sinceBest = 0
                        } else {
                            sinceBest += 1
                            if sinceBest >= patience { break }
                        }
                    }
                }
            }
        }
        var keptEpoch = epochsRun
        if let best { net.restore(best.weights); keptEpoch = best.epoch }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        let trainEval = net.evaluate(train)
        let validationEval = net.evaluate(validation)
        return TrainingResult(
            epochsRun: epochsRun, keptEpoch: keptEpoch,
            trainLoss: trainEval.lossSum / Double(train.rows),
            validationLoss: validationEval.lossSum / Double(validation.rows),
            validation: ClassificationMetrics(truth: validation.labels, predicted: validationEval.predictions, classes: train.classCount),
            history: history, shape: shape, parameterCount: net.parameterCount,
            memoryBytes: 4 * (net.allocatedFloats + optimizer.floats),
            flopsPerEpoch: flopsPerEpoch, seconds: seconds,
            diverged: diverged || !trainEval.lossSum.isFinite || !validationEval.lossSum.isFinite)
    }
}
