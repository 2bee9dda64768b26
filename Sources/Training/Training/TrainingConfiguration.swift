/// Everything that decides how a network is built and trained. Defaults follow common
/// practice (Keras/scikit-learn): one hidden layer of 64 relu units, Glorot-uniform weights,
/// Adam at 1e-3, batch 32, 20 epochs, no dropout, no penalty, no early stopping.
public struct TrainingConfiguration: Sendable, Hashable {
    /// Widths of the hidden layers (may be empty: softmax regression).
    public var hidden: [Int]
    public var activation: Activation
    /// Probability of dropping a hidden unit during training, in [0, 1).
    public var dropout: Double
    public var initializer: WeightInitializer
    public var optimizer: Optimizer
    public var learningRate: Double
    public var schedule: LearningRateSchedule
    public var batchSize: Int
    /// Maximum number of passes over the training rows.
    public var epochs: Int
    /// Stop when the validation loss has not improved for this many epochs, then restore the
    /// best weights (nil: train all epochs, keep the last weights).
    public var patience: Int?
    /// Penalty l1·Σ|w| + (l2/2)·Σw² on the weights (not the biases), added to the mean loss.
    public var l1: Double
    public var l2: Double

    public init(hidden: [Int] = [64], activation: Activation = .relu, dropout: Double = 0,
                initializer: WeightInitializer = .glorotUniform, optimizer: Optimizer = .adam,
                learningRate: Double = 1e-3, schedule: LearningRateSchedule = .constant,
                batchSize: Int = 32, epochs: Int = 20, patience: Int? = nil, l1: Double = 0, l2: Double = 0) {
        self.hidden = hidden
        self.activation = activation
        self.dropout = dropout
        self.initializer = initializer
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.schedule = schedule
        self.batchSize = batchSize
        self.epochs = epochs
        self.patience = patience
        self.l1 = l1
        self.l2 = l2
    }

    /// Checks every setting, naming the first one out of range.
    public func validate() throws(TrainingSettingError) {
        for (k, u) in hidden.enumerated() where u < 1 {
            throw TrainingSettingError(parameter: hidden.count == 1 ? "units" : "units_\(k + 1)", message: "\(u) units", hint: "use at least 1 unit per hidden layer")
        }
        if !(dropout >= 0 && dropout < 1) { throw TrainingSettingError(parameter: "dropout", message: "\(dropout) is not in [0, 1)", hint: "use e.g. dropout: {float: [0.0, 0.5]}") }
        if !(learningRate > 0 && learningRate.isFinite) { throw TrainingSettingError(parameter: "learning_rate", message: "\(learningRate) is not a positive number", hint: "use e.g. learning_rate: {float: [1.0e-4, 1.0e-1], log: true}") }
        if batchSize < 1 { throw TrainingSettingError(parameter: "batch_size", message: "\(batchSize)", hint: "use a batch size of at least 1") }
        if epochs < 1 { throw TrainingSettingError(parameter: "epochs", message: "\(epochs)", hint: "train at least 1 epoch") }
        if let patience, patience < 1 { throw TrainingSettingError(parameter: "patience", message: "\(patience)", hint: "use a patience of at least 1 epoch, or leave it out for no early stopping") }
        if !(l1 >= 0 && l1.isFinite) { throw TrainingSettingError(parameter: "l1", message: "\(l1) is negative or not finite", hint: "use a penalty ≥ 0") }
        if !(l2 >= 0 && l2.isFinite) { throw TrainingSettingError(parameter: "l2", message: "\(l2) is negative or not finite", hint: "use a penalty ≥ 0") }
        switch optimizer {
        case .sgd(let mu, _):
            if !(mu >= 0 && mu < 1) { throw TrainingSettingError(parameter: "momentum", message: "\(mu) is not in [0, 1)", hint: "use e.g. momentum: {float: [0.5, 0.99]}") }
        case .adam(let b1, let b2, let eps):
            if !(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1 && eps > 0) { throw TrainingSettingError(parameter: "optimizer", message: "Adam constants out of range", hint: "use 0 ≤ β₁, β₂ < 1 and ε > 0") }
        case .rmsprop(let rho, let eps):
            if !(rho >= 0 && rho < 1 && eps > 0) { throw TrainingSettingError(parameter: "optimizer", message: "RMSprop constants out of range", hint: "use 0 ≤ ρ < 1 and ε > 0") }
        }
        switch schedule {
        case .exponential(let d), .step(let d, _):
            if !(d >= 0 && d.isFinite) { throw TrainingSettingError(parameter: "lr_decay", message: "\(d) is negative or not finite", hint: "use a decay ≥ 0, e.g. lr_decay: {float: [0.0, 0.1]}") }
        default: break
        }
    }
}

/// A training setting out of range, or a value the trainer does not know.
public struct TrainingSettingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario parameter concerned (e.g. `learning_rate`).
    public let parameter: String
    public let message: String
    /// What to write instead.
    public let hint: String

    public init(parameter: String, message: String, hint: String) {
        self.parameter = parameter
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(parameter): \(message) — \(hint)" }
}
