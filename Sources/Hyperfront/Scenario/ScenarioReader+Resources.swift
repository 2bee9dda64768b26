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
            let offsets: [Expression: Int]
            do { (expression, offsets) = try Expression.parseLocatingComparisons(s.string) } catch {
                throw self.error(value, field, "cannot read the formula: \(error.message) at character \(error.offset + 1)",
                                 hint: "use numbers, parameter names, + - * / ^, parentheses, min, max, ceil, floor, and comparisons such as (op0 == 'conv3x3')")
            }
            for n in expression.numericNames {
                guard let i = space.index(of: n) else {
                    throw error(value, field, "the formula names '\(n)', which is not a parameter",
                                hint: (closest(to: n, in: space.names).map { "did you mean '\($0)'? " } ?? "") + "parameters: \(space.names.joined(separator: ", "))")
                }
                switch space[i].domain {
                case .float(_, _, _, nil):
                    throw error(value, field, "the formula names '\(n)', a continuous parameter",
                                hint: "a resource formula may only use int, numeric choice and fixed parameters (known before training)")
                case .categorical(let v):
                    throw error(value, field, "the formula uses '\(n)' as a number, but its choices are names",
                                hint: "count a choice with a comparison, which is 1 when it holds and 0 otherwise, e.g. 1000*(\(n) == '\(v.first?.description ?? "name")')")
                default: break
                }
            }
            for c in expression.comparisons {
                let at = offsets[.indicator(name: c.name, value: c.value, equal: c.equal)] ?? 0
                let written = Expression.indicator(name: c.name, value: c.value, equal: c.equal).description
                guard let i = space.index(of: c.name) else {
                    throw error(value, field, offset: at, in: s, "the comparison \(written) names '\(c.name)', which is not a parameter",
                                hint: (closest(to: c.name, in: space.names).map { "did you mean '\($0)'? " } ?? "") + "parameters: \(space.names.joined(separator: ", "))")
                }
                let domain = space[i].domain
                guard let values = domain.encodedValues(limit: Self.maximumCheckedCells) else {
                    throw error(value, field, offset: at, in: s, "the comparison \(written) names '\(c.name)', a continuous parameter (or one with more than \(Self.maximumCheckedCells) values)",
                                hint: "compare parameters whose values are known before training: choices, ints, fixed values")
                }
                if !values.contains(where: { domain.matches($0, c.value) }) {
                    let allowed = values.prefix(20).map { x in
                        let v = domain.decode(x)
                        return v.number != nil ? v.description : "'\(v.description)'"
                    }
                    throw error(value, field, offset: at, in: s, "the comparison \(written) compares '\(c.name)' with '\(c.value)', which is not one of its values",
                                hint: "write one of: \(allowed.joined(separator: ", "))\(values.count > 20 ? ", …" : "")")
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

    /// An error at character `offset` of the formula `scalar`: the column moves there when the
    /// formula is written on one line (plain or quoted), so that file:line:column points at it.
    func error(_ at: Node, _ field: String, offset: Int, in scalar: Node.Scalar, _ message: String, hint: String? = nil) -> ScenarioError {
        var e = error(at, field, message, hint: hint)
        guard !scalar.string.contains("\n") else { return e }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        e.column += offset + (quoted ? 1 : 0)
        return e
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
            var encoded: [[Double]] = []
            var cells = 1
            for n in names {
                guard let i = space.index(of: n), var v = space[i].domain.encodedValues(limit: Self.maximumCheckedCells) else { cells = .max; break }
                if space[i].condition != nil { v.append(.nan) }
                encoded.append(v)
                let (p, overflow) = cells.multipliedReportingOverflow(by: v.count)
                cells = overflow ? .max : p
                if cells > Self.maximumCheckedCells { break }
            }
            if cells > Self.maximumCheckedCells { continue }
            var index = [Int](repeating: 0, count: names.count)
            for _ in 0..<cells {
                func current(_ name: String) -> (Domain, Double)? {
                    guard let k = names.firstIndex(of: name), let i = space.index(of: name) else { return nil }
                    return (space[i].domain, encoded[k][index[k]])
                }
                let x = term.evaluate({ name in
                    guard let (d, e) = current(name) else { return .nan }
                    return e.isNaN ? 0 : d.numeric(e)
                }, matches: { name, literal in
                    guard let (d, e) = current(name), !e.isNaN else { return nil }
                    return d.matches(e, literal)
                })
                if !x.isFinite {
                    let at = names.indices.map { k in
                        let d = space[space.index(of: names[k])!].domain, e = encoded[k][index[k]]
                        return "\(names[k]) = \(e.isNaN ? "inactive" : d.decode(e).description)"
                    }.joined(separator: ", ")
                    return "\(term) is \(x.isNaN ? "not a number" : formatNumber(x))" + (at.isEmpty ? "" : " when \(at)")
                }
                var k = names.count - 1
                while k >= 0 {
                    index[k] += 1
                    if index[k] < encoded[k].count { break }
                    index[k] = 0
                    k -= 1
                }
            }
        }
        return nil
    }
}
