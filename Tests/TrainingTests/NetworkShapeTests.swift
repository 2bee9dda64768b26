import Testing
import Randomness
@testable import Training

/// The resource counts of `NetworkShape` against the network actually built and trained.
struct NetworkShapeTests {
    @Test func countsMatchTheBuiltNetworkForRandomArchitectures() throws {
        var rng = RandomSource(seed: 2024)
        for _ in 0..<40 {
            let inputs = 1 + Int(rng.next() % 9)
            let classes = 2 + Int(rng.next() % 4)
            let layers = Int(rng.next() % 4)
            let hidden = (0..<layers).map { _ in 1 + Int(rng.next() % 12) }
            let batch = 1 + Int(rng.next() % 9)
            let optimizer: Optimizer = [.adam, .rmsprop, .sgd(momentum: 0.5, nesterov: true)][Int(rng.next() % 3)]
            let rows = 6 + Int(rng.next() % 20)
            let shape = NetworkShape(inputs: inputs, hidden: hidden, classes: classes, batchSize: batch)

            // Independent count of weights and biases.
            let widths = [inputs] + hidden + [classes == 2 ? 1 : classes]
            var expectedParams = 0
            for l in 1..<widths.count { expectedParams += (widths[l - 1] + 1) * widths[l] }
            #expect(shape.parameterCount == expectedParams)

            let net = Network(shape: shape, activation: .relu)
            #expect(net.parameterCount == shape.parameterCount)
            let state = OptimizerState(optimizer, parameterCount: net.parameterCount)
            #expect(4 * (net.allocatedFloats + state.floats) == shape.memoryBytes(optimizerStateSlots: optimizer.stateSlots))

            // One epoch through the trainer: the FLOPs its matrix products issued, and the
            // memory it allocated, equal the formulas.
            let data = blobs(rows: rows, features: inputs, classes: classes, seed: rng.next())
            var seed = RandomSource(seed: 1)
            let config = TrainingConfiguration(hidden: hidden, optimizer: optimizer, batchSize: batch, epochs: 1)
            let result = try Trainer.train(config, train: data, validation: data, monitorValidation: false, using: &seed)
            #expect(result.flopsPerEpoch == shape.trainingFLOPs(rows: rows), "\(widths) batch \(batch) rows \(rows)")
            #expect(result.memoryBytes == shape.memoryBytes(optimizerStateSlots: optimizer.stateSlots))
            #expect(result.parameterCount == expectedParams)
        }
    }

    @Test func handWorkedExample() {
        // 64-128-64-10, batch 32, Adam: the scikit-learn comparison network.
        let s = NetworkShape(inputs: 64, hidden: [128, 64], classes: 10, batchSize: 32)
        #expect(s.parameterCount == 64 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10)  // 17,226
        #expect(s.parameterCount == 17_226)
        #expect(s.activationFloats == 32 * (64 + 3 * 192 + 20))
        #expect(s.memoryBytes(optimizerStateSlots: 2) == 4 * (4 * 17_226 + 32 * 660))
        #expect(s.trainingFLOPs(rows: 1) == 4 * 64 * 128 + 6 * 128 * 64 + 6 * 64 * 10)
        // Two classes: one sigmoid output.
        #expect(NetworkShape(inputs: 30, hidden: [], classes: 2, batchSize: 8).parameterCount == 31)
    }
}

/// Gaussian blobs: class c centred at 3·(c-th unit vector, cycled), unit noise.
func blobs(rows: Int, features: Int, classes: Int, seed: UInt64, spread: Double = 1) -> Dataset {
    var rng = RandomSource(seed: seed)
    var values: [Float] = []
    var labels: [Int32] = []
    for r in 0..<rows {
        let c = r % classes
        for j in 0..<features {
            let centre = (j % classes == c) ? 3.0 : 0.0
            values.append(Float(centre + spread * rng.normal()))
        }
        labels.append(Int32(c))
    }
    return Dataset(values: values, features: (0..<features).map { "x\($0)" }, labels: labels,
                   classes: (0..<classes).map(String.init), source: "blobs")
}
