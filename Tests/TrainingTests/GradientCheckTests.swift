import Testing
import Randomness
@testable import Training

/// Backpropagated gradients against central finite differences of the loss the network
/// computes, for every activation, both output layers (softmax, single sigmoid), dropout,
/// the L1 and L2 penalties, and networks of 0, 1 and 2 hidden layers.
struct GradientCheckTests {
    struct Case: CustomStringConvertible, Sendable {
        var hidden: [Int]
        var activation: Activation
        var classes: Int
        var dropout: Float = 0
        var l1: Float = 0
        var l2: Float = 0
        var description: String { "\(hidden) \(activation) classes=\(classes) dropout=\(dropout) l1=\(l1) l2=\(l2)" }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        for a in Activation.allCases {
            out.append(Case(hidden: [5, 4], activation: a, classes: 3))
            out.append(Case(hidden: [4], activation: a, classes: 2))
            out.append(Case(hidden: [4, 3], activation: a, classes: 3, dropout: 0.3))
        }
        out.append(Case(hidden: [], activation: .relu, classes: 3))
        out.append(Case(hidden: [], activation: .relu, classes: 2))
        out.append(Case(hidden: [4], activation: .tanh, classes: 3, l2: 0.3))
        out.append(Case(hidden: [4], activation: .sigmoid, classes: 2, l1: 0.05))
        out.append(Case(hidden: [3, 3], activation: .relu, classes: 4, dropout: 0.2, l1: 0.02, l2: 0.1))
        return out
    }()

    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ c: Case) {
        let inputs = 3, rows = 6
        let shape = NetworkShape(inputs: inputs, hidden: c.hidden, classes: c.classes, batchSize: rows)
        let net = Network(shape: shape, activation: c.activation)
        var rng = RandomSource(seed: 11)
        net.initialize(.glorotNormal, using: &rng)
        // Non-zero biases, so that the bias gradients are exercised away from the initial point.
        for l in 0..<net.layerCount { for j in 0..<net.widths[l + 1] { net.parameters[net.biasOffset[l] + j] = Float(rng.normal() * 0.3) } }
        var x = [Float](repeating: 0, count: rows * inputs)
        for i in x.indices { x[i] = Float(rng.normal()) }
        let labels: [Int32] = (0..<rows).map { Int32($0 % c.classes) }

        // Every evaluation uses the same dropout mask (same generator state).
        func loss() -> (value: Double, pattern: [Bool]) {
            x.withUnsafeBufferPointer { net.loadRows($0.baseAddress!, first: 0, rows: rows) }
            var maskRandom = RandomSource(seed: 99)
            let ce = labels.withUnsafeBufferPointer {
                net.forward(rows: rows, labels: $0.baseAddress!, training: true, dropout: c.dropout, using: &maskRandom)
            }
            var pattern: [Bool] = []
            for (l, width) in c.hidden.enumerated() { for i in 0..<(rows * width) { pattern.append(net.hiddenOutput[l][i] > 0) } }
            return (ce / Double(rows) + net.penalty(l1: c.l1, l2: c.l2), pattern)
        }

        let base = loss()
        labels.withUnsafeBufferPointer { net.backward(rows: rows, labels: $0.baseAddress!, dropout: c.dropout) }
        net.addPenaltyGradients(l1: c.l1, l2: c.l2)
        let analytic = Array(UnsafeBufferPointer(start: net.gradients, count: net.parameterCount))
        #expect(base.value.isFinite)

        let eps: Float = 1e-3
        var checked = 0, skipped = 0, worst = 0.0
        for p in 0..<net.parameterCount {
            let saved = net.parameters[p]
            // L1 is not differentiable at 0: stay away from the kink.
            if c.l1 > 0 && abs(saved) < 2 * eps { skipped += 1; continue }
            net.parameters[p] = saved + eps
            let plus = loss()
            net.parameters[p] = saved - eps
            let minus = loss()
            net.parameters[p] = saved
            // A relu unit crossing its kink between the two evaluations makes the difference
            // quotient meaningless there; such parameters are skipped and counted.
            if plus.pattern != minus.pattern { skipped += 1; continue }
            let numeric = (plus.value - minus.value) / Double(2 * eps)
            let error = abs(numeric - Double(analytic[p]))
            worst = max(worst, error / (1e-3 + abs(numeric)))
            #expect(error <= 1e-3 + 2e-2 * abs(numeric), "parameter \(p): backprop \(analytic[p]), finite difference \(numeric)")
            checked += 1
        }
        #expect(skipped <= net.parameterCount / 10, "skipped \(skipped) of \(net.parameterCount)")
        #expect(checked > 0)
    }

    /// Guards the check itself: a wrong gradient is caught.
    @Test func aPerturbedGradientIsDetected() {
        let shape = NetworkShape(inputs: 2, hidden: [3], classes: 3, batchSize: 4)
        let net = Network(shape: shape, activation: .tanh)
        var rng = RandomSource(seed: 5)
        net.initialize(.glorotUniform, using: &rng)
        let x: [Float] = [0.5, -1, 1.5, 0.2, -0.3, 0.8, 1, 1]
        let y: [Int32] = [0, 1, 2, 1]
        func loss() -> Double {
            x.withUnsafeBufferPointer { net.loadRows($0.baseAddress!, first: 0, rows: 4) }
            return y.withUnsafeBufferPointer { net.forward(rows: 4, labels: $0.baseAddress!, training: false, dropout: 0, using: &rng) } / 4
        }
        _ = loss()
        y.withUnsafeBufferPointer { net.backward(rows: 4, labels: $0.baseAddress!, dropout: 0) }
        let g0 = Double(net.gradients[0])
        let saved = net.parameters[0]
        net.parameters[0] = saved + 1e-3; let plus = loss()
        net.parameters[0] = saved - 1e-3; let minus = loss()
        let numeric = (plus - minus) / 2e-3
        #expect(abs(numeric - g0) < 1e-3)
        #expect(abs(numeric - (g0 * 1.1 + 0.01)) > 1e-3)
    }
}
