import Foundation
import Testing
@testable import Training

/// Each update rule against the same update worked out by hand (in Double) for two steps.
struct OptimizerTests {
    let w0: [Float] = [0.5, -1.25, 2.0]
    let g1: [Float] = [0.1, -0.4, 0.0]
    let g2: [Float] = [-0.2, 0.3, 1.0]

    func run(_ optimizer: Optimizer, lr: Float) -> [Float] {
        let state = OptimizerState(optimizer, parameterCount: 3)
        var w = w0
        for g in [g1, g2] {
            w.withUnsafeMutableBufferPointer { wp in g.withUnsafeBufferPointer { gp in
                state.step(weights: wp.baseAddress!, gradients: gp.baseAddress!, learningRate: lr)
            } }
        }
        return w
    }

    func close(_ a: [Float], _ b: [Double]) -> Bool {
        zip(a, b).allSatisfy { abs(Double($0) - $1) <= 1e-6 * max(1, abs($1)) }
    }

    @Test func plainSGD() {
        // μ = 0: w ← w − η g, twice.
        let w = run(.sgd(momentum: 0, nesterov: false), lr: 0.1)
        let expected = (0..<3).map { Double(w0[$0]) - 0.1 * Double(g1[$0]) - 0.1 * Double(g2[$0]) }
        #expect(close(w, expected), "\(w) vs \(expected)")
    }

    @Test func heavyBallMomentum() {
        // v1 = g1; w1 = w0 − η v1; v2 = μ v1 + g2; w2 = w1 − η v2.
        let w = run(.sgd(momentum: 0.9, nesterov: false), lr: 0.1)
        let expected = (0..<3).map { i -> Double in
            let v1 = Double(g1[i]), v2 = 0.9 * v1 + Double(g2[i])
            return Double(w0[i]) - 0.1 * v1 - 0.1 * v2
        }
        #expect(close(w, expected), "\(w) vs \(expected)")
    }

    @Test func nesterovMomentum() {
        // v_t = μ v_{t−1} + g_t; w ← w − η (g_t + μ v_t).
        let w = run(.sgd(momentum: 0.9, nesterov: true), lr: 0.1)
        let expected = (0..<3).map { i -> Double in
            let v1 = Double(g1[i]), v2 = 0.9 * v1 + Double(g2[i])
            return Double(w0[i]) - 0.1 * (Double(g1[i]) + 0.9 * v1) - 0.1 * (Double(g2[i]) + 0.9 * v2)
        }
        #expect(close(w, expected), "\(w) vs \(expected)")
    }

    @Test func adam() {
        let (b1, b2, eps, lr) = (0.9, 0.999, 1e-8, 0.01)
        let w = run(.adam(beta1: b1, beta2: b2, epsilon: eps), lr: Float(lr))
        let expected = (0..<3).map { i -> Double in
            var x = Double(w0[i]), m = 0.0, v = 0.0
            for (t, g) in [(1, Double(g1[i])), (2, Double(g2[i]))] {
                m = b1 * m + (1 - b1) * g
                v = b2 * v + (1 - b2) * g * g
                let step = lr * (1 - pow(b2, Double(t))).squareRoot() / (1 - pow(b1, Double(t)))
                x -= step * m / (v.squareRoot() + eps)
            }
            return x
        }
        #expect(close(w, expected), "\(w) vs \(expected)")
        // First step of Adam moves every weight with a non-zero gradient by ≈ η against its sign.
        let one = OptimizerState(.adam, parameterCount: 1)
        var x: Float = 1, g: Float = 123
        one.step(weights: &x, gradients: &g, learningRate: 0.01)
        #expect(abs(x - 0.99) < 1e-6)
    }

    @Test func rmsprop() {
        let (rho, eps, lr) = (0.9, 1e-8, 0.01)
        let w = run(.rmsprop(rho: rho, epsilon: eps), lr: Float(lr))
        let expected = (0..<3).map { i -> Double in
            var x = Double(w0[i]), s = 0.0
            for g in [Double(g1[i]), Double(g2[i])] {
                s = rho * s + (1 - rho) * g * g
                x -= lr * g / (s.squareRoot() + eps)
            }
            return x
        }
        #expect(close(w, expected), "\(w) vs \(expected)")
    }

    @Test func stateSlots() {
        #expect(Optimizer.adam.stateSlots == 2)
        #expect(Optimizer.rmsprop.stateSlots == 1)
        #expect(Optimizer.sgd(momentum: 0, nesterov: false).stateSlots == 1)
        #expect(OptimizerState(.adam, parameterCount: 7).floats == 14)
        #expect(Optimizer.stateSlots(name: "adam") == 2 && Optimizer.stateSlots(name: "nadam") == nil)
    }

    @Test func learningRateSchedules() {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, epoch: 7, epochs: 10) == 0.1)
        #expect(abs(LearningRateSchedule.exponential(decay: 0.1).rate(base: 0.1, epoch: 3, epochs: 10) - 0.1 * exp(-0.3)) < 1e-15)
        let step = LearningRateSchedule.step(decay: 0.1, every: 4)
        #expect(step.rate(base: 1, epoch: 3, epochs: 20) == 1)
        #expect(abs(step.rate(base: 1, epoch: 4, epochs: 20) - exp(-0.4)) < 1e-15)
        #expect(abs(step.rate(base: 1, epoch: 9, epochs: 20) - exp(-0.8)) < 1e-15)
        #expect(LearningRateSchedule.cosine.rate(base: 0.2, epoch: 0, epochs: 10) == 0.2)
        #expect(abs(LearningRateSchedule.cosine.rate(base: 0.2, epoch: 5, epochs: 10) - 0.1) < 1e-15)
    }
}
