import Hyperfront
import Training

/// How scenario parameters become a `TrainingConfiguration`.
extension MLPEvaluator {
    /// Every parameter name the built-in MLP understands (besides `units_1`, `units_2`, …).
    public static let parameterNames = ["layers", "units", "activation", "dropout", "init", "optimizer", "momentum",
                                        "nesterov", "learning_rate", "lr_decay", "lr_schedule", "lr_step", "batch_size",
                                        "epochs", "patience", "l1", "l2"]

    /// Defaults for parameters a scenario leaves out.
    public enum Defaults {
        /// Hidden layers: the number of `units_k` parameters when those are declared, else 1.
        public static let layers = 1
        public static let units = 64
        public static let activation = Activation.relu
        public static let dropout = 0.0
        public static let initializer = WeightInitializer.glorotUniform
        public static let optimizer = "adam"
        public static let momentum = 0.9
        public static let nesterov = false
        /// Learning rate: 0.01 for sgd, 0.001 for adam and rmsprop.
        public static func learningRate(optimizer: String) -> Double { optimizer == "sgd" ? 0.01 : 0.001 }
        public static let lrDecay = 0.0
        /// Epochs per drop of the `step` schedule.
        public static let lrStep = 10
        public static let batchSize = 32
        public static let epochs = 20
    }

    /// The index k of a `units_k` name.
    static func unitsIndex(_ name: String) -> Int? {
        guard name.hasPrefix("units_"), let k = Int(name.dropFirst(6)), k >= 1 else { return nil }
        return k
    }

    /// Number of consecutive `units_1 … units_K` parameters declared in `space`.
    static func declaredUnitLayers(_ space: SearchSpace) -> Int {
        var k = 0
        while space.index(of: "units_\(k + 1)") != nil { k += 1 }
        return k
    }

    /// Maps decoded parameters to a training configuration.
    ///
    /// Parameters (defaults in brackets): `layers` [number of `units_k` declared, else 1] hidden
    /// layers; width of layer k: `units_k` if given, else `units` [64]; `activation`
    /// relu|tanh|sigmoid [relu]; `dropout` [0]; `init` glorot_uniform|glorot_normal|
    /// xavier_uniform|xavier_normal|he_uniform|he_normal|uniform [glorot_uniform]; `optimizer`
    /// sgd|adam|rmsprop [adam]; `momentum` [0.9] and `nesterov` [false] (sgd only);
    /// `learning_rate` [0.01 sgd, 0.001 otherwise]; `lr_decay` [0] with `lr_schedule`
    /// none|exponential|step|cosine [exponential when lr_decay > 0, else none] and `lr_step`
    /// [10] epochs per step; `batch_size` [32]; `epochs` [20]; `patience` [none: no early
    /// stopping; 0 means none too]; `l1`, `l2` [0].
    public func trainingConfiguration(_ parameters: [(name: String, value: Value)]) throws(TrainingSettingError) -> TrainingConfiguration {
        var p: [String: Value] = [:]
        for (n, v) in parameters { p[n] = v }

        func number(_ name: String) throws(TrainingSettingError) -> Double? {
            guard let v = p[name] else { return nil }
            guard let x = v.number, x.isFinite else { throw TrainingSettingError(parameter: name, message: "'\(v)' is not a number", hint: "give \(name) a numeric domain") }
            return x
        }
        func integer(_ name: String) throws(TrainingSettingError) -> Int? {
            guard let x = try number(name) else { return nil }
            guard x == x.rounded(), abs(x) < 1e9 else { throw TrainingSettingError(parameter: name, message: "\(x) is not a whole number", hint: "use an int or integer choice domain for \(name)") }
            return Int(x)
        }
        func name(_ key: String) -> String? {
            guard let v = p[key] else { return nil }
            if case .string(let s) = v { return s }
            return v.description
        }

        let layers = try integer("layers") ?? (MLPEvaluator.declaredUnitLayers(space) > 0 ? MLPEvaluator.declaredUnitLayers(space) : Defaults.layers)
        if layers < 0 { throw TrainingSettingError(parameter: "layers", message: "\(layers) layers", hint: "use 0 or more hidden layers") }
        let shared = try integer("units") ?? Defaults.units
        var hidden: [Int] = []
        for k in 0..<layers { hidden.append(try integer("units_\(k + 1)") ?? shared) }

        var activation = Defaults.activation
        if let a = name("activation") {
            guard let parsed = Activation(rawValue: a) else {
                throw TrainingSettingError(parameter: "activation", message: "unknown activation '\(a)'", hint: "use relu, tanh or sigmoid")
            }
            activation = parsed
        }
        var initializer = Defaults.initializer
        if let i = name("init") {
            guard let parsed = WeightInitializer(name: i) else {
                throw TrainingSettingError(parameter: "init", message: "unknown initialisation '\(i)'",
                                           hint: "use glorot_uniform, glorot_normal, xavier_uniform, xavier_normal, he_uniform, he_normal or uniform")
            }
            initializer = parsed
        }
        let optimizerName = name("optimizer") ?? Defaults.optimizer
        let optimizer: Optimizer
        switch optimizerName {
        case "sgd":
            var nesterov = Defaults.nesterov
            if let v = p["nesterov"] {
                switch v {
                case .bool(let b): nesterov = b
                case .string("true"), .int(1): nesterov = true
                case .string("false"), .int(0): nesterov = false
                default: throw TrainingSettingError(parameter: "nesterov", message: "'\(v)' is not true or false", hint: "use nesterov: {choice: [false, true]}")
                }
            }
            optimizer = .sgd(momentum: try number("momentum") ?? Defaults.momentum, nesterov: nesterov)
        case "adam": optimizer = .adam
        case "rmsprop": optimizer = .rmsprop
        default: throw TrainingSettingError(parameter: "optimizer", message: "unknown optimizer '\(optimizerName)'", hint: "use sgd, adam or rmsprop")
        }

        let decay = try number("lr_decay") ?? Defaults.lrDecay
        let schedule: LearningRateSchedule
        switch name("lr_schedule") ?? (decay > 0 ? "exponential" : "none") {
        case "none", "constant": schedule = .constant
        case "exponential": schedule = .exponential(decay: decay)
        case "step":
            let every = try integer("lr_step") ?? Defaults.lrStep
            if every < 1 { throw TrainingSettingError(parameter: "lr_step", message: "\(every)", hint: "use at least 1 epoch per step") }
            schedule = .step(decay: decay, every: every)
        case "cosine": schedule = .cosine
        case let s: throw TrainingSettingError(parameter: "lr_schedule", message: "unknown schedule '\(s)'", hint: "use none, exponential, step or cosine")
        }

        var patience = try integer("patience")
        if patience == 0 { patience = nil }
        return TrainingConfiguration(
            hidden: hidden, activation: activation, dropout: try number("dropout") ?? Defaults.dropout,
            initializer: initializer, optimizer: optimizer,
            learningRate: try number("learning_rate") ?? Defaults.learningRate(optimizer: optimizerName),
            schedule: schedule, batchSize: try integer("batch_size") ?? Defaults.batchSize,
            epochs: try integer("epochs") ?? Defaults.epochs, patience: patience,
            l1: try number("l1") ?? 0, l2: try number("l2") ?? 0)
    }

    /// Checks that `space` uses only known parameter names, that the architecture parameters
    /// (`layers`, `units`, `units_k`, `batch_size`, `epochs`, `patience`, `lr_step`) have whole-number
    /// domains, and that every named choice is one the trainer knows.
    static func checkSpace(_ space: SearchSpace) throws(MLPEvaluatorError) {
        let integral: Set<String> = ["layers", "units", "batch_size", "epochs", "patience", "lr_step"]
        let named: [String: [String]] = [
            "activation": Activation.allCases.map(\.rawValue),
            "init": WeightInitializer.allCases.map(\.rawValue) + ["xavier_uniform", "xavier_normal"],
            "optimizer": ["sgd", "adam", "rmsprop"],
            "lr_schedule": ["none", "constant", "exponential", "step", "cosine"],
        ]
        for parameter in space.parameters {
            let n = parameter.name
            guard parameterNames.contains(n) || unitsIndex(n) != nil else {
                let suggestion = closest(to: n, in: parameterNames)
                throw .space(parameter: n, message: "the built-in MLP has no parameter '\(n)'",
                             hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "known: \(parameterNames.joined(separator: ", ")), units_1, units_2, …")
            }
            if integral.contains(n) || unitsIndex(n) != nil {
                let ok: Bool
                switch parameter.domain {
                case .int: ok = true
                case .ordinal(let v): ok = v.allSatisfy { $0 == $0.rounded() }
                case .fixed(let v): ok = v.number.map { $0 == $0.rounded() } ?? false
                default: ok = false
                }
                if !ok {
                    throw .space(parameter: n, message: "'\(n)' needs whole numbers",
                                 hint: "declare it as {int: [lo, hi]} or {choice: [16, 32, 64]}")
                }
            }
            if let allowed = named[n] {
                let values: [Value]
                switch parameter.domain {
                case .categorical(let v): values = v
                case .fixed(let v): values = [v]
                default: throw .space(parameter: n, message: "'\(n)' takes names", hint: "declare it as {choice: [\(allowed.prefix(3).joined(separator: ", "))]}")
                }
                for v in values where !allowed.contains(v.description) {
                    throw .space(parameter: n, message: "unknown \(n) '\(v)'", hint: "choose among \(allowed.joined(separator: ", "))")
                }
            }
        }
    }
}
