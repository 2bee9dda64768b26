import Hyperfront
import Training

/// Exact resource formulas over the architecture parameters, for budgets enforced before
/// training (the integer-program layer tabulates each additive term over the choices it names).
extension MLPEvaluator {
    /// `params`, `memory_bytes` and `flops` of this evaluator's data set (features, classes,
    /// training rows) as formulas over its search space.
    public func resourceFormulas() throws(MLPEvaluatorError) -> [ResourceFormula] {
        try MLPEvaluator.resourceFormulas(space: space, features: features, classes: classes, trainingRows: train.rows)
    }

    /// `params`, `memory_bytes` and `flops` as formulas over `layers`, `units` / `units_k` and
    /// `batch_size` (whichever the space declares; the defaults of `trainingConfiguration(_:)`
    /// stand in for the others). With widths n₀ = `features`, n_k the width of hidden layer k,
    /// o = `classes` (1 for two classes), L hidden layers and B the batch size:
    ///
    /// - params = Σ_{k=1}^{L} (n_{k−1}·n_k + n_k) + n_L·o + o
    /// - memory_bytes = 4·((2 + s)·params + B·(n₀ + 3·Σ_{k=1}^{L} n_k + 2·o)): weights, gradients,
    ///   s optimiser values per parameter, one batch's activations (`NetworkShape.memoryBytes`).
    ///   The optimiser is a named choice, which a formula cannot mention, so s is the largest
    ///   over the optimisers the space allows (adam 2, sgd 1, rmsprop 1): exact when they agree
    ///   (one optimiser, or sgd/rmsprop), otherwise an upper bound that is reached by adam.
    /// - flops = `trainingRows`·(Σ_{k=1}^{L} c_k·n_{k−1}·n_k + c_{L+1}·n_L·o), c₁ = 4, c_k = 6 for
    ///   k ≥ 2: forward, weight-gradient and input-gradient matrix products of one epoch
    ///   (`NetworkShape.trainingFLOPs`).
    ///
    /// The indicator "layer k exists" is written `min(1, max(0, layers − k + 1))` (exact for whole
    /// `layers`), so the formulas hold for every layer count in the domain, and an inactive
    /// `units_k` (counted 0) contributes nothing.
    public static func resourceFormulas(space: SearchSpace, features: Int, classes: Int, trainingRows: Int) throws(MLPEvaluatorError) -> [ResourceFormula] {
        try checkSpace(space)
        let o = Double(NetworkShape.outputWidth(classes: classes))
        let f = Double(features)

        // Hidden layer count: a parameter, or a constant.
        let layersConstant = declaredUnitLayers(space) > 0 ? declaredUnitLayers(space) : Defaults.layers
        var maxLayers = layersConstant
        var minLayers = layersConstant
        var layersParameter = false
        if let i = space.index(of: "layers") {
            switch space[i].domain {
            case .int(let lo, let hi, _, _): minLayers = lo; maxLayers = hi; layersParameter = true
            case .ordinal(let v): minLayers = Int(v.min() ?? 0); maxLayers = Int(v.max() ?? 0); layersParameter = true
            case .fixed(let v): minLayers = Int(v.number ?? 0); maxLayers = minLayers
            default: break
            }
        }
        /// [layer k exists]
        func exists(_ k: Int) -> Expression {
            if k <= 0 { return .number(1) }
            if k > maxLayers { return .number(0) }
            if k <= minLayers { return .number(1) }
            guard layersParameter else { return .number(k <= layersConstant ? 1 : 0) }
            return .call("min", [.number(1), .call("max", [.number(0), .subtract(.name("layers"), .number(Double(k - 1)))])])
        }
        /// [exactly k hidden layers]
        func last(_ k: Int) -> Expression { subtract(exists(k), exists(k + 1)) }
        func width(_ k: Int) -> Expression {
            if k == 0 { return .number(f) }
            if space.index(of: "units_\(k)") != nil { return .name("units_\(k)") }
            if space.index(of: "units") != nil { return .name("units") }
            return .number(Double(Defaults.units))
        }
        let batch: Expression = space.index(of: "batch_size") != nil ? .name("batch_size") : .number(Double(Defaults.batchSize))

        var params: [Expression] = []
        var hiddenUnits: [Expression] = []
        var flops: [Expression] = []
        for k in 1...max(1, maxLayers) where k <= maxLayers {
            let g = exists(k)
            params.append(multiply(g, add(multiply(width(k - 1), width(k)), width(k))))
            hiddenUnits.append(multiply(g, width(k)))
            flops.append(multiply(g, multiply(.number(k == 1 ? 4 : 6), multiply(width(k - 1), width(k)))))
        }
        for k in 0...maxLayers {
            params.append(multiply(last(k), multiply(width(k), .number(o))))
            flops.append(multiply(last(k), multiply(.number(k == 0 ? 4 : 6), multiply(width(k), .number(o)))))
        }
        params.append(.number(o))
        let paramsExpression = sum(params)

        var slots = Optimizer.stateSlots(name: Defaults.optimizer)!
        if let i = space.index(of: "optimizer") {
            switch space[i].domain {
            case .categorical(let v): slots = v.compactMap { Optimizer.stateSlots(name: $0.description) }.max() ?? slots
            case .fixed(let v): slots = Optimizer.stateSlots(name: v.description) ?? slots
            default: break
            }
        }
        let activations = multiply(batch, sum([.number(f), multiply(.number(3), sum(hiddenUnits)), .number(2 * o)]))
        let memory = multiply(.number(4), add(multiply(.number(Double(2 + slots)), paramsExpression), activations))
        let flopsExpression = multiply(.number(Double(trainingRows)), sum(flops))
        return [
            ResourceFormula(metric: "params", expression: paramsExpression, space: space),
            ResourceFormula(metric: "memory_bytes", expression: memory, space: space),
            ResourceFormula(metric: "flops", expression: flopsExpression, space: space),
        ]
    }
}

// Expression builders that fold constants, so the formulas stay short.
private func add(_ a: Expression, _ b: Expression) -> Expression {
    if case .number(0) = a { return b }
    if case .number(0) = b { return a }
    if case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
    return .add(a, b)
}
private func subtract(_ a: Expression, _ b: Expression) -> Expression {
    if case .number(0) = b { return a }
    if case .number(let x) = a, case .number(let y) = b { return .number(x - y) }
    return .subtract(a, b)
}
private func multiply(_ a: Expression, _ b: Expression) -> Expression {
    if case .number(0) = a { return .number(0) }
    if case .number(0) = b { return .number(0) }
    if case .number(1) = a { return b }
    if case .number(1) = b { return a }
    if case .number(let x) = a, case .number(let y) = b { return .number(x * y) }
    return .multiply(a, b)
}
private func sum(_ terms: [Expression]) -> Expression { terms.reduce(.number(0), add) }
