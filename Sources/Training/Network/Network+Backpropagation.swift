import Foundation
import LinearAlgebra
import Randomness

/// Forward and backward passes (backpropagation: Rumelhart, Hinton & Williams, 1986) on the
/// batch held in `input`.
extension Network {
    /// Runs the batch of `m` rows through the network, leaving output probabilities in
    /// `output`. During training with `dropout` > 0, hidden outputs are multiplied by an
    /// inverted-dropout mask (Srivastava et al., 2014): kept with probability 1 − dropout and
    /// scaled by 1 / (1 − dropout), so evaluation needs no rescaling.
    ///
    /// - Returns: the summed cross-entropy of the `m` rows when `labels` is given, else 0.
    /// - Complexity: O(m · Σ n_{l−1}·n_l).
    @discardableResult
    func forward(rows m: Int, labels: UnsafePointer<Int32>?, training: Bool, dropout: Float,
                 using rng: inout RandomSource) -> Double {
        let L = layerCount
        var a = UnsafePointer(input)
        for l in 0..<L {
            let nIn = widths[l], nOut = widths[l + 1]
            let z = l < L - 1 ? hiddenOutput[l] : output
            let bias = parameters + biasOffset[l]
            for r in 0..<m { (z + r &* nOut).update(from: bias, count: nOut) }
            BLAS.gemm(transposeA: false, transposeB: false, m: m, n: nOut, k: nIn, alpha: 1,
                      a: a, aCount: m * nIn, b: parameters + weightOffset[l], bCount: nIn * nOut,
                      beta: 1, c: z, cCount: m * nOut)
            if training { trainingFLOPs += 2 * m * nIn * nOut }
            if l < L - 1 {
                activation.apply(z, count: m * nOut)
                if training && dropout > 0 {
                    let keep = 1 - dropout, scale = 1 / keep
                    let mask = hiddenMask[l]
                    var i = 0
                    let n = m * nOut
                    while i < n {
                        let k: Float = rng.uniformFloat() < keep ? scale : 0
                        mask[i] = k
                        z[i] *= k
                        i &+= 1
                    }
                }
                a = UnsafePointer(z)
            }
        }
        return outputLayer(rows: m, labels: labels)
    }

    /// Turns logits in `output` into probabilities (softmax, or sigmoid for one output) and
    /// sums the cross-entropy against `labels` (computed from the logits, stably).
    private func outputLayer(rows m: Int, labels: UnsafePointer<Int32>?) -> Double {
        let o = shape.outputs
        var loss = 0.0
        if o == 1 {
            for r in 0..<m {
                let z = output[r]
                if let labels {
                    let y = Double(labels[r]), zd = Double(z)
                    loss += max(zd, 0) - y * zd + log1p(exp(-abs(zd)))
                }
                output[r] = 1 / (1 + expf(-z))
            }
            return loss
        }
        for r in 0..<m {
            let row = output + r &* o
            var mx = row[0]
            for j in 1..<o where row[j] > mx { mx = row[j] }
            let logitOfLabel = labels.map { row[Int($0[r])] } ?? 0
            var sum: Float = 0
            for j in 0..<o { let e = expf(row[j] - mx); row[j] = e; sum += e }
            let inv = 1 / sum
            for j in 0..<o { row[j] *= inv }
            if labels != nil { loss += -(Double(logitOfLabel) - Double(mx) - log(Double(sum))) }
        }
        return loss
    }

    /// Gradients of the mean cross-entropy of the last training forward pass (`m` rows, the
    /// same `labels`) with respect to every parameter, written to `gradients`.
    ///
    /// - Complexity: O(m · Σ n_{l−1}·n_l).
    func backward(rows m: Int, labels: UnsafePointer<Int32>, dropout: Float) {
        let L = layerCount
        let o = shape.outputs
        let invM = 1 / Float(m)
        // ∂(mean CE)/∂logits = (p − onehot(y)) / m, for softmax and for the single sigmoid.
        for r in 0..<m {
            let p = output + r &* o, d = outputDelta + r &* o
            for j in 0..<o { d[j] = p[j] * invM }
            if o == 1 { d[0] -= Float(labels[r]) * invM } else { d[Int(labels[r])] -= invM }
        }
        var delta = outputDelta
        for l in stride(from: L - 1, through: 0, by: -1) {
            let nIn = widths[l], nOut = widths[l + 1]
            let a = l == 0 ? UnsafePointer(input) : UnsafePointer(hiddenOutput[l - 1])
            BLAS.gemm(transposeA: true, transposeB: false, m: nIn, n: nOut, k: m, alpha: 1,
                      a: a, aCount: m * nIn, b: delta, bCount: m * nOut,
                      beta: 0, c: gradients + weightOffset[l], cCount: nIn * nOut)
            trainingFLOPs += 2 * m * nIn * nOut
            let gb = gradients + biasOffset[l]
            gb.update(repeating: 0, count: nOut)
            for r in 0..<m {
                let d = delta + r &* nOut
                var j = 0
                while j < nOut { gb[j] += d[j]; j &+= 1 }
            }
            if l > 0 {
                let below = hiddenDelta[l - 1]
                BLAS.gemm(transposeA: false, transposeB: true, m: m, n: nIn, k: nOut, alpha: 1,
                          a: delta, aCount: m * nOut, b: parameters + weightOffset[l], bCount: nIn * nOut,
                          beta: 0, c: below, cCount: m * nIn)
                trainingFLOPs += 2 * m * nIn * nOut
                let n = m * nIn
                if dropout > 0 {
                    let mask = hiddenMask[l - 1]
                    var i = 0
                    while i < n { below[i] *= mask[i]; i &+= 1 }
                    activation.multiplyDerivative(below, output: hiddenOutput[l - 1], count: n, outputScale: 1 - dropout)
                } else {
                    activation.multiplyDerivative(below, output: hiddenOutput[l - 1], count: n, outputScale: 1)
                }
                delta = below
            }
        }
    }

    /// The penalty l1·Σ|w| + (l2/2)·Σw² over all weights (biases are not penalised).
    func penalty(l1: Float, l2: Float) -> Double {
        if l1 == 0 && l2 == 0 { return 0 }
        var abs1 = 0.0, sq = 0.0
        for l in 0..<layerCount {
            let w = parameters + weightOffset[l]
            for i in 0..<(widths[l] * widths[l + 1]) { let v = Double(w[i]); abs1 += Swift.abs(v); sq += v * v }
        }
        return Double(l1) * abs1 + Double(l2) / 2 * sq
    }

    /// Adds the penalty's gradient l1·sign(w) + l2·w to the weight gradients (sign(0) = 0).
    func addPenaltyGradients(l1: Float, l2: Float) {
        if l1 == 0 && l2 == 0 { return }
        for l in 0..<layerCount {
            let w = parameters + weightOffset[l], g = gradients + weightOffset[l]
            let n = widths[l] * widths[l + 1]
            var i = 0
            if l1 == 0 {
                while i < n { g[i] += l2 * w[i]; i &+= 1 }
            } else {
                while i < n {
                    let s: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
                    g[i] += l2 * w[i] + l1 * s
                    i &+= 1
                }
            }
        }
    }

    /// Evaluates `data` (no dropout) in batches: summed cross-entropy and the predicted class
    /// of every row.
    func evaluate(_ data: Dataset) -> (lossSum: Double, predictions: [Int32]) {
        var predictions = [Int32](repeating: 0, count: data.rows)
        var loss = 0.0
        var unused = RandomSource(seed: 0)
        let o = shape.outputs, b = shape.batchSize
        data.values.withUnsafeBufferPointer { values in
            data.labels.withUnsafeBufferPointer { labels in
                var start = 0
                while start < data.rows {
                    let m = min(b, data.rows - start)
                    loadRows(values.baseAddress!, first: start, rows: m)
                    loss += forward(rows: m, labels: labels.baseAddress! + start, training: false, dropout: 0, using: &unused)
                    for r in 0..<m {
                        if o == 1 {
                            predictions[start + r] = output[r] >= 0.5 ? 1 : 0
                        } else {
                            let row = output + r * o
                            var best = 0
                            for j in 1..<o where row[j] > row[best] { best = j }
                            predictions[start + r] = Int32(best)
                        }
                    }
                    start += m
                }
            }
        }
        return (loss, predictions)
    }
}
