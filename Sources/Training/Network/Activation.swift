import Foundation

/// A hidden layer's nonlinearity. The output layer is fixed by the task: softmax for several
/// classes, a single sigmoid unit for two.
public enum Activation: String, Sendable, Hashable, CaseIterable {
    /// max(0, z) (Nair & Hinton, 2010).
    case relu
    /// tanh(z).
    case tanh
    /// 1 / (1 + e^(−z)).
    case sigmoid

    /// Applies the activation to `count` values in place.
    ///
    /// - Complexity: O(count).
    func apply(_ x: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            var i = 0
            while i < count { x[i] = Swift.max(x[i], 0); i &+= 1 }
        case .tanh:
            var i = 0
            while i < count { x[i] = Foundation.tanhf(x[i]); i &+= 1 }
        case .sigmoid:
            var i = 0
            while i < count { x[i] = 1 / (1 + Foundation.expf(-x[i])); i &+= 1 }
        }
    }

    /// `g[i] *= f′(z[i])`, with f′ written in terms of the activation's output `a = f(z)`
    /// (relu: 1 where a > 0; tanh: 1 − a²; sigmoid: a(1 − a)); `a` is scaled by `outputScale`
    /// first (to undo inverted dropout's 1/keep where a unit was kept).
    ///
    /// - Complexity: O(count).
    func multiplyDerivative(_ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, count: Int, outputScale: Float) {
        switch self {
        case .relu:
            var i = 0
            while i < count { g[i] = a[i] > 0 ? g[i] : 0; i &+= 1 }
        case .tanh:
            var i = 0
            while i < count { let v = a[i] * outputScale; g[i] *= 1 - v * v; i &+= 1 }
        case .sigmoid:
            var i = 0
            while i < count { let v = a[i] * outputScale; g[i] *= v * (1 - v); i &+= 1 }
        }
    }
}
