import Foundation

/// Hyperparameter importance by PED-ANOVA (Watanabe, Bansal & Hutter 2023, "PED-ANOVA:
/// Efficiently quantifying hyperparameter importance in arbitrary subspaces", IJCAI; the
/// method behind Optuna's `PedAnovaImportanceEvaluator`). A parameter matters for an objective
/// as much as its values among the objective's best trials (the top set) are distributed
/// unlike its values among all trials: the importance is the Pearson divergence
///
///     D(p_top ‖ p_all) = Σ_c p_all(c) · (p_top(c) / p_all(c) − 1)²
///
/// of two smoothed distributions over the parameter's cells. The paper shows this equals the
/// variance the parameter explains of the indicator "the trial is in the top set", a local
/// fANOVA without a surrogate model, in closed form and deterministic.
///
/// Cells: a numeric parameter (float or int, in log space when its range is logarithmic) is
/// scaled to [0, 1] and read on a grid of `gridSteps` points (fewer for an int range with fewer
/// values); each trial spreads a Gaussian kernel over the grid (bandwidth by Scott's rule on
/// the set's values, at least half a grid step). A choice has one cell per value. A
/// conditional parameter has one more cell, "inactive", that holds the trials where it did not
/// apply. Both distributions add a uniform prior of weight 1 over the cells (so no cell has
/// probability 0).
public enum PEDANOVA {
    /// Grid points a continuous parameter is read on (as in Optuna's implementation).
    public static let gridSteps = 50

    /// One parameter's observed values over every trial considered.
    public enum Column: Sendable {
        /// Values scaled to [0, 1] (NaN: inactive), read on `steps` grid points.
        case numeric([Double], steps: Int)
        /// Choice indices in 0..<count (negative: inactive).
        case choice([Int], count: Int)
    }

    /// The importance (Pearson divergence) of each column, for a top set against all trials
    /// (`top`: indices into the columns' values; every index is a trial considered).
    /// - Complexity: O(p · (n + b · s)) for p columns over n trials, b = 1000 fine bins and
    ///   s grid steps.
    public static func divergences(_ columns: [Column], top: [Int]) -> [Double] {
        columns.map { column in
            let all = distribution(column, members: nil)
            let best = distribution(column, members: top)
            var d = 0.0
            for (pa, pt) in zip(all, best) where pa > 0 { d += pa * (pt / pa - 1) * (pt / pa - 1) }
            return d
        }
    }

    /// Fine bins values are counted in before smoothing (a value moves at most 1/2000).
    static let fineBins = 1000

    /// The smoothed distribution of one column over its cells, for `members` (nil: all values).
    static func distribution(_ column: Column, members: [Int]?) -> [Double] {
        switch column {
        case .choice(let values, let count):
            let inactiveCell = values.contains { $0 < 0 }
            let cells = count + (inactiveCell ? 1 : 0)
            var mass = [Double](repeating: 0, count: cells)
            var n = 0.0
            func add(_ v: Int) { mass[v < 0 ? count : Swift.min(v, count - 1)] += 1; n += 1 }
            if let members { for i in members { add(values[i]) } } else { for v in values { add(v) } }
            return normalised(mass, n: n)
        case .numeric(let values, let steps):
            let inactiveCell = values.contains { $0.isNaN }
            let cells = steps + (inactiveCell ? 1 : 0)
            var mass = [Double](repeating: 0, count: cells)
            var counts = [Double](repeating: 0, count: fineBins + 1)
            var n = 0.0, active = 0.0, sum = 0.0, squares = 0.0
            func add(_ v: Double) {
                n += 1
                if v.isNaN { mass[steps] += 1; return }
                let x = Swift.min(Swift.max(v, 0), 1)
                counts[Int((x * Double(fineBins)).rounded())] += 1
                active += 1; sum += x; squares += x * x
            }
            if let members { for i in members { add(values[i]) } } else { for v in values { add(v) } }
            if active > 0 {
                let step = 1 / Double(Swift.max(steps - 1, 1))
                let variance = Swift.max(squares / active - (sum / active) * (sum / active), 0)
                let scott = 1.059 * variance.squareRoot() * pow(active, -0.2)
                let h = Swift.max(scott, 0.5 * step)
                for (bin, c) in counts.enumerated() where c > 0 {
                    let x = Double(bin) / Double(fineBins)
                    var kernel = [Double](repeating: 0, count: steps)
                    var total = 0.0
                    for j in 0..<steps {
                        let z = (Double(j) * step - x) / h
                        kernel[j] = exp(-0.5 * z * z)
                        total += kernel[j]
                    }
                    for j in 0..<steps { mass[j] += c * kernel[j] / total }
                }
            }
            return normalised(mass, n: n)
        }
    }

    /// (mass + uniform prior of weight 1) / (n + 1).
    static func normalised(_ mass: [Double], n: Double) -> [Double] {
        let prior = 1 / Double(mass.count)
        return mass.map { ($0 + prior) / (n + 1) }
    }
}
