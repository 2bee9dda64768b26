import Randomness

/// A multilayer perceptron being trained: its parameters, their gradients and one batch's
/// activations, in buffers allocated once (sizes as `NetworkShape` counts them).
///
/// Parameter layout: for each layer l, its weights W_l (n_{l−1} × n_l, row-major) then its
/// biases b_l (n_l). A batch is a row-major m × n matrix (m ≤ B rows).
final class Network {
    let shape: NetworkShape
    let activation: Activation
    let widths: [Int]
    let parameterCount: Int
    /// Offset of W_l and b_l for layer l = 0 … L (layer l maps n_l to n_{l+1} in `widths`).
    let weightOffset: [Int]
    let biasOffset: [Int]

    let parameters: UnsafeMutablePointer<Float>
    let gradients: UnsafeMutablePointer<Float>
    /// B × n₀ input rows.
    let input: UnsafeMutablePointer<Float>
    /// Per hidden layer: output (after dropout during training), dropout mask (0 or 1/keep),
    /// gradient with respect to the layer's pre-activation.
    let hiddenOutput: [UnsafeMutablePointer<Float>]
    let hiddenMask: [UnsafeMutablePointer<Float>]
    let hiddenDelta: [UnsafeMutablePointer<Float>]
    /// B × n_{L+1} output probabilities and the loss gradient with respect to the logits.
    let output: UnsafeMutablePointer<Float>
    let outputDelta: UnsafeMutablePointer<Float>

    /// Every float this network allocated (parameters, gradients, batch buffers).
    private(set) var allocatedFloats = 0
    private var allocations: [UnsafeMutablePointer<Float>] = []
    /// FLOPs of the matrix products issued by training passes (`forward(training: true)` and
    /// `backward`), counted as the calls are made.
    var trainingFLOPs = 0

    init(shape: NetworkShape, activation: Activation) {
        precondition(shape.inputs > 0 && shape.outputs > 0 && shape.batchSize > 0 && shape.hidden.allSatisfy { $0 > 0 },
                     "every width and the batch size must be positive")
        self.shape = shape
        self.activation = activation
        widths = shape.widths
        var w: [Int] = [], b: [Int] = []
        var p = 0
        for l in 1..<widths.count {
            w.append(p); p += widths[l - 1] * widths[l]
            b.append(p); p += widths[l]
        }
        weightOffset = w
        biasOffset = b
        parameterCount = p
        var allocated: [UnsafeMutablePointer<Float>] = []
        var total = 0
        func make(_ n: Int) -> UnsafeMutablePointer<Float> {
            let ptr = UnsafeMutablePointer<Float>.allocate(capacity: n)
            ptr.initialize(repeating: 0, count: n)
            allocated.append(ptr)
            total += n
            return ptr
        }
        let batch = shape.batchSize
        parameters = make(p)
        gradients = make(p)
        input = make(batch * shape.inputs)
        hiddenOutput = shape.hidden.map { make(batch * $0) }
        hiddenMask = shape.hidden.map { make(batch * $0) }
        hiddenDelta = shape.hidden.map { make(batch * $0) }
        output = make(batch * shape.outputs)
        outputDelta = make(batch * shape.outputs)
        allocations = allocated
        allocatedFloats = total
    }

    deinit { for a in allocations { a.deallocate() } }

    var layerCount: Int { widths.count - 1 }

    /// Draws every weight from `initializer` and sets the biases to 0.
    func initialize(_ initializer: WeightInitializer, using rng: inout RandomSource) {
        for l in 0..<layerCount {
            initializer.fill(parameters + weightOffset[l], fanIn: widths[l], fanOut: widths[l + 1], using: &rng)
            (parameters + biasOffset[l]).update(repeating: 0, count: widths[l + 1])
        }
    }

    /// Copies the parameters out (for keeping the best weights).
    func snapshot() -> [Float] { Array(UnsafeBufferPointer(start: parameters, count: parameterCount)) }

    /// Restores parameters from `snapshot()`.
    func restore(_ s: [Float]) {
        precondition(s.count == parameterCount)
        s.withUnsafeBufferPointer { parameters.update(from: $0.baseAddress!, count: parameterCount) }
    }

    /// Copies rows `order[start ..< start + m]` of `values` (row-major, n₀ columns) into the
    /// input buffer.
    func loadBatch(_ values: UnsafePointer<Float>, order: UnsafePointer<Int32>, start: Int, rows m: Int) {
        precondition(m > 0 && m <= shape.batchSize)
        let f = shape.inputs
        for r in 0..<m {
            (input + r &* f).update(from: values + Int(order[start &+ r]) &* f, count: f)
        }
    }

    /// Copies `m` consecutive rows starting at `first` into the input buffer.
    func loadRows(_ values: UnsafePointer<Float>, first: Int, rows m: Int) {
        precondition(m > 0 && m <= shape.batchSize)
        input.update(from: values + first * shape.inputs, count: m * shape.inputs)
    }
}
