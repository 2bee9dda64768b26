import Foundation
import Hyperfront

extension StudyReport {
    /// Fewest trials importance is computed from: below it the top set is a single trial.
    public static let minimumTrialsForImportance = 10
    /// The share of an objective's best trials that forms PED-ANOVA's top set.
    public static let importanceTopShare = 0.1

    /// Each objective's hyperparameter importance by PED-ANOVA (see `PEDANOVA`): the complete
    /// trials shown (feasible or not; filters apply) with the objective measured, their best
    /// 10 % (at least 2) against all of them. Searched parameters only (fixed ones are left
    /// out); empty with fewer than `minimumTrialsForImportance` such trials.
    public var importance: [ParameterImportance] {
        let space = model.space
        let searched = space.parameters.indices.filter { if case .fixed = space[$0].domain { return false } else { return true } }
        guard !searched.isEmpty else { return [] }
        let left = Set(filteredOut)
        let pool = trials.indices.filter { trials[$0].state == .complete && !left.contains($0) }
        return model.objectives.indices.compactMap { k -> ParameterImportance? in
            let rows = pool.compactMap { i -> (Int, Double)? in
                let v = objectiveVector(i)[k]
                return v.isFinite ? (i, v) : nil
            }
            guard rows.count >= Self.minimumTrialsForImportance else { return nil }
            let columns = searched.map { Self.importanceColumn(space[$0].domain, rows.map { trials[$0.0].configuration }, parameter: $0) }
            let order = rows.indices.sorted { rows[$0].1 < rows[$1].1 || (rows[$0].1 == rows[$1].1 && trials[rows[$0].0].number < trials[rows[$1].0].number) }
            let topCount = Swift.min(rows.count, Swift.max(2, Int((Self.importanceTopShare * Double(rows.count)).rounded(.up))))
            let d = PEDANOVA.divergences(columns, top: Array(order.prefix(topCount)))
            let total = d.reduce(0, +)
            let even = 1 / Double(searched.count)
            var pairs: [(parameter: Int, share: Double)] = []
            for (p, x) in zip(searched, d) { pairs.append((p, total > 0 ? x / total : even)) }
            pairs.sort { a, b in a.share > b.share || (a.share == b.share && a.parameter < b.parameter) }
            let shares: [ParameterImportance.Share] = pairs.map { ParameterImportance.Share(parameter: space[$0.parameter].name, share: $0.share) }
            return ParameterImportance(objective: model.objectives[k].metric, shares: shares, trials: rows.count, top: topCount)
        }
    }

    /// A parameter's encoded values as PED-ANOVA reads them.
    static func importanceColumn(_ domain: Domain, _ configurations: [Configuration], parameter p: Int) -> PEDANOVA.Column {
        let raw = configurations.map { p < $0.count ? $0[p] : .nan }
        func scaled(_ lo: Double, _ hi: Double, log: Bool) -> [Double] {
            let f: (Double) -> Double = log ? { Foundation.log(Swift.max($0, 1e-300)) } : { $0 }
            let a = f(lo), b = f(hi)
            return raw.map { $0.isNaN ? .nan : (b > a ? (f($0) - a) / (b - a) : 0.5) }
        }
        switch domain {
        case .float(let lo, let hi, let log, _):
            return .numeric(scaled(lo, hi, log: log), steps: Swift.min(PEDANOVA.gridSteps, domain.cardinality ?? PEDANOVA.gridSteps))
        case .int(let lo, let hi, let log, _):
            return .numeric(scaled(Double(lo), Double(hi), log: log), steps: Swift.max(2, Swift.min(PEDANOVA.gridSteps, domain.cardinality ?? PEDANOVA.gridSteps)))
        case .ordinal(let v):
            return .choice(raw.map { $0.isNaN ? -1 : Int($0) }, count: v.count)
        case .categorical(let v):
            return .choice(raw.map { $0.isNaN ? -1 : Int($0) }, count: v.count)
        case .fixed:
            return .choice(raw.map { _ in 0 }, count: 1)
        }
    }
}
