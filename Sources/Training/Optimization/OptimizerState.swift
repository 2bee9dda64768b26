/// An optimiser's per-parameter state (`Optimizer.stateSlots` buffers of the network's
/// parameter count) and its step counter.
final class OptimizerState {
    let optimizer: Optimizer
    let count: Int
    let state: UnsafeMutablePointer<Float>
    private(set) var steps = 0

    init(_ optimizer: Optimizer, parameterCount: Int) {
        self.optimizer = optimizer
        self.count = parameterCount
        let total = optimizer.stateSlots * parameterCount
        state = .allocate(capacity: total)
        state.initialize(repeating: 0, count: total)
    }

    deinit { state.deallocate() }

    /// Floats held (for the memory account).
    var floats: Int { optimizer.stateSlots * count }

    /// Applies one update of `weights` from `gradients` at learning rate `eta`.
    func step(weights: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, learningRate eta: Float) {
        steps += 1
        switch optimizer {
        case .sgd(let mu, let nesterov):
            Optimizer.sgdStep(weights: weights, gradients: gradients, velocity: state, count: count,
                              learningRate: eta, momentum: Float(mu), nesterov: nesterov)
        case .adam(let b1, let b2, let eps):
            Optimizer.adamStep(weights: weights, gradients: gradients, firstMoment: state, secondMoment: state + count,
                               count: count, learningRate: eta, beta1: Float(b1), beta2: Float(b2), epsilon: Float(eps), step: steps)
        case .rmsprop(let rho, let eps):
            Optimizer.rmspropStep(weights: weights, gradients: gradients, meanSquare: state, count: count,
                                  learningRate: eta, rho: Float(rho), epsilon: Float(eps))
        }
    }
}
