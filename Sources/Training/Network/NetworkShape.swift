/// The sizes of a multilayer perceptron and of its training batch, with the exact resource
/// counts that follow from them. The same formulas, written as expressions over the search
/// space, let budgets be enforced before a network is built.
///
/// Widths: n₀ = inputs, n₁…n_L = hidden, n_{L+1} = outputs (the number of classes, or 1 for
/// two classes: a single sigmoid unit). B = batch size.
public struct NetworkShape: Sendable, Hashable {
    public let inputs: Int
    public let hidden: [Int]
    public let outputs: Int
    public let batchSize: Int

    /// A network for `classes` classes: `classes` softmax outputs, or one sigmoid output for two.
    public init(inputs: Int, hidden: [Int], classes: Int, batchSize: Int) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = NetworkShape.outputWidth(classes: classes)
        self.batchSize = batchSize
    }

    /// Output units for `classes` classes.
    public static func outputWidth(classes: Int) -> Int { classes == 2 ? 1 : classes }

    /// n₀ … n_{L+1}.
    public var widths: [Int] { [inputs] + hidden + [outputs] }

    /// Trainable parameters: Σ_{l=1}^{L+1} (n_{l−1}·n_l + n_l) (weights and biases).
    public var parameterCount: Int {
        let w = widths
        var p = 0
        for l in 1..<w.count { p += w[l - 1] * w[l] + w[l] }
        return p
    }

    /// Floats held for one batch: B·(n₀ + 3·Σ_{l=1}^{L} n_l + 2·n_{L+1}) — the input rows; per
    /// hidden layer its output, its dropout mask and its gradient; the output probabilities
    /// and their gradient.
    public var activationFloats: Int {
        batchSize * (inputs + 3 * hidden.reduce(0, +) + 2 * outputs)
    }

    /// Training memory in bytes (fp32): 4·((2 + s)·P + activationFloats) — weights, gradients,
    /// `s` optimiser state values per parameter (`Optimizer.stateSlots`), and one batch's
    /// activations. Not counted: the data set itself and the copy of the best weights kept
    /// for early stopping.
    public func memoryBytes(optimizerStateSlots s: Int) -> Int {
        4 * ((2 + s) * parameterCount + activationFloats)
    }

    /// Floating-point operations of the matrix products of one training pass over `rows`
    /// rows (2 per multiply-add): per layer l, forward 2·n_{l−1}·n_l, weight gradient
    /// 2·n_{l−1}·n_l, and (except for the first layer) input gradient 2·n_{l−1}·n_l, per row.
    /// Elementwise work (activations, softmax, bias, optimiser update) is not counted.
    public func trainingFLOPs(rows: Int) -> Int {
        let w = widths
        var f = 0
        for l in 1..<w.count { f += (l == 1 ? 4 : 6) * w[l - 1] * w[l] }
        return rows * f
    }
}
