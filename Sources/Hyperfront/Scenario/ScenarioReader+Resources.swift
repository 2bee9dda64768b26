import Foundation
import Yams

/// The `resources:` section: formulas over discrete parameters.
extension ScenarioReader {
    func resourceFormulas(_ node: Node, space: SearchSpace, evaluator: EvaluatorSpec) throws(ScenarioError) -> [ResourceFormula] {
        let pairs = try mapping(node, "resources", allowed: nil, example: "{params: \"64*units + units\"}")
        var out: [ResourceFormula] = []
        for (metric, _, value) in pairs {
            let field = "resources.\(metric)"
            if let produced = evaluator.metrics, produced.contains(metric) {
                throw error(value, field, "the evaluator already reports '\(metric)'", hint: "name the formula differently, or remove it")
            }
            let s = try scalar(value, field, example: "\"64*units + units\"")
            let expression: Expression
            do { expression = try Expression.parse(s.string) } catch {
                throw self.error(value, field, "cannot read the formula: \(error.message) at character \(error.offset + 1)",
                                 hint: "use numbers, parameter names, + - * / ^, parentheses, min, max, ceil, floor")
            }
            for n in expression.names {
                guard let i = space.index(of: n) else {
                    throw error(value, field, "the formula names '\(n)', which is not a parameter",
                                hint: (closest(to: n, in: space.names).map { "did you mean '\($0)'? " } ?? "") + "parameters: \(space.names.joined(separator: ", "))")
                }
                switch space[i].domain {
                case .float(_, _, _, nil):
                    throw error(value, field, "the formula names '\(n)', a continuous parameter",
                                hint: "a resource formula may only use int, numeric choice and fixed parameters (known before training)")
                case .categorical:
                    throw error(value, field, "the formula names '\(n)', whose choices are names, not numbers",
                                hint: "a resource formula may only use int, numeric choice and fixed parameters")
                default: break
                }
            }
            if let bad = nonFiniteValue(expression, space: space) {
                throw error(value, field, "the formula's value is not a finite number: \(bad)",
                            hint: "keep every number below 1e308 and every divisor away from 0 (e.g. write u/max(d, 1)), so each configuration has a finite \(metric)")
            }
            out.append(ResourceFormula(metric: metric, expression: expression, space: space))
        }
        return out
    }

    /// The most combinations of values tried per additive term when checking a formula.
    static let maximumCheckedCells = 100_000

    /// Where `expression` is not finite (e.g. "floor(u/0) is inf when u = 1"), nil when every
    /// additive term is finite for every combination of its parameters' values (an inactive
    /// parameter counts as 0). Terms over more than `maximumCheckedCells` combinations are not
    /// enumerated; the budget model refuses them anyway.
    func nonFiniteValue(_ expression: Expression, space: SearchSpace) -> String? {
        for term in expression.additiveTerms {
            var names: [String] = []
            for n in term.names where !names.contains(n) { names.append(n) }
            var values: [[Double]] = []
            var cells = 1
            for n in names {
                guard let i = space.index(of: n), let count = space[i].domain.cardinality, count <= Self.maximumCheckedCells else { cells = .max; break }
                let domain = space[i].domain
                var v: [Double]
                switch domain {
                case .int(let lo, _, _, let step): v = (0..<count).map { Double(lo + $0 * step) }
                case .float(let lo, _, _, let step?): v = (0..<count).map { lo + Double($0) * step }
                default: v = (0..<count).map { domain.numeric(Double($0)) }
                }
                if space[i].condition != nil { v.append(0) }
                values.append(v)
                let (p, overflow) = cells.multipliedReportingOverflow(by: v.count)
                cells = overflow ? .max : p
                if cells > Self.maximumCheckedCells { break }
            }
            if cells > Self.maximumCheckedCells { continue }
            var index = [Int](repeating: 0, count: names.count)
            for _ in 0..<cells {
                let x = term.evaluate { name in names.firstIndex(of: name).map { values[$0][index[$0]] } ?? .nan }
                if !x.isFinite {
                    let at = names.indices.map { "\(names[$0]) = \(formatNumber(values[$0][index[$0]]))" }.joined(separator: ", ")
                    return "\(term) is \(x.isNaN ? "not a number" : formatNumber(x))" + (at.isEmpty ? "" : " when \(at)")
                }
                var k = names.count - 1
                while k >= 0 {
                    index[k] += 1
                    if index[k] < values[k].count { break }
                    index[k] = 0
                    k -= 1
                }
            }
        }
        return nil
    }
}
