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
            out.append(ResourceFormula(metric: metric, expression: expression, space: space))
        }
        return out
    }
}
