import Foundation
import Yams

/// The `space:` section: parameters, their domains and conditions.
extension ScenarioReader {
    func searchSpace(_ node: Node) throws(ScenarioError) -> SearchSpace {
        let pairs = try mapping(node, "space", allowed: nil, example: "{units: {choice: [16, 32, 64]}, dropout: {float: [0.0, 0.5]}}")
        let names = pairs.map(\.key)
        var parameters: [Parameter] = []
        for (name, keyNode, value) in pairs {
            let field = "space.\(name)"
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
                  name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw error(keyNode, field, "'\(name)' is not a valid parameter name", hint: "use letters, digits and underscores, starting with a letter (e.g. learning_rate)")
            }
            parameters.append(try parameter(name, value, field: field, declared: parameters, all: names))
        }
        return SearchSpace(parameters: parameters)
    }

    func parameter(_ name: String, _ node: Node, field: String, declared: [Parameter], all: [String]) throws(ScenarioError) -> Parameter {
        // A bare scalar is a fixed value.
        if case .scalar = node {
            return Parameter(name: name, domain: .fixed(try value(node, field)))
        }
        let example = "{float: [0.0, 0.5]}, {int: [1, 4]}, {choice: [16, 32, 64]} or {fixed: 10}"
        let pairs = try mapping(node, field, allowed: ScenarioLoader.parameterKeys, example: example)
        func v(_ k: String) -> Node? { pairs.first { $0.key == k }?.value }
        let kinds = ["float", "int", "choice", "fixed"].filter { k in pairs.contains { $0.key == k } }
        guard kinds.count == 1 else {
            throw error(node, field, kinds.isEmpty ? "says neither float, int, choice nor fixed" : "names more than one kind (\(kinds.joined(separator: ", ")))",
                        hint: "write exactly one of \(example)")
        }
        let kind = kinds[0]
        let logNode = v("log"), stepNode = v("step")
        let log = try logNode.map { n throws(ScenarioError) in try bool(n, "\(field).log") } ?? false
        if kind == "choice" || kind == "fixed" {
            if let logNode { throw error(logNode, "\(field).log", "'log' applies to float and int ranges only", hint: "remove it") }
            if let stepNode { throw error(stepNode, "\(field).step", "'step' applies to float and int ranges only", hint: "remove it") }
        }
        let domain: Domain
        switch kind {
        case "float", "int":
            let rn = v(kind)!
            let rangeExample = kind == "float" ? "\(kind): [0.0, 0.5]" : "\(kind): [1, 4]"
            let items = try sequence(rn, "\(field).\(kind)", example: rangeExample)
            guard items.count == 2 else {
                throw error(rn, "\(field).\(kind)", "a range needs exactly two bounds, found \(items.count)", hint: "write \(rangeExample)")
            }
            if kind == "float" {
                let lo = try double(items[0], "\(field).\(kind)", example: rangeExample)
                let hi = try double(items[1], "\(field).\(kind)", example: rangeExample)
                if lo > hi { throw error(rn, "\(field).float", "the range is inverted: \(formatNumber(lo)) > \(formatNumber(hi))", hint: "write float: [\(formatNumber(hi)), \(formatNumber(lo))]") }
                if lo == hi { throw error(rn, "\(field).float", "the range is empty (both bounds are \(formatNumber(lo)))", hint: "widen it, or write fixed: \(formatNumber(lo))") }
                if !(hi - lo).isFinite {
                    throw error(rn, "\(field).float", "the range is too wide: its width \(formatNumber(hi)) − (\(formatNumber(lo))) is beyond the largest number (about 1.8e308)",
                                hint: "narrow it, e.g. float: [\(formatNumber(max(lo, -1e307))), \(formatNumber(min(hi, 1e307)))], or use a log range over positive values")
                }
                if log && lo <= 0 { throw error(rn, "\(field).float", "a log range needs a lower bound above 0, found \(formatNumber(lo))", hint: "write e.g. float: [1.0e-6, \(formatNumber(hi))], log: true") }
                var step: Double? = nil
                if let stepNode {
                    let s = try double(stepNode, "\(field).step", example: "step: 0.1")
                    if s <= 0 || s > hi - lo { throw error(stepNode, "\(field).step", "must be positive and at most the range's width (\(formatNumber(hi - lo))), found \(formatNumber(s))", hint: "write e.g. step: \(formatNumber((hi - lo) / 10))") }
                    if log { throw error(stepNode, "\(field).step", "'step' and 'log' cannot be combined", hint: "remove one of them") }
                    step = s
                }
                domain = .float(lower: lo, upper: hi, log: log, step: step)
            } else {
                let lo = try int(items[0], "\(field).int", example: rangeExample)
                let hi = try int(items[1], "\(field).int", example: rangeExample)
                let exact = 1 << 53   // values are stored as doubles: integers beyond 2^53 are not exact
                if lo.magnitude > UInt(exact) || hi.magnitude > UInt(exact) {
                    throw error(rn, "\(field).int", "bounds must lie within ±2^53 (9007199254740992)", hint: "narrow the range, or use a float range with log: true")
                }
                if lo > hi { throw error(rn, "\(field).int", "the range is inverted: \(lo) > \(hi)", hint: "write int: [\(hi), \(lo)]") }
                if log && lo <= 0 { throw error(rn, "\(field).int", "a log range needs a lower bound of at least 1, found \(lo)", hint: "write e.g. int: [1, \(hi)], log: true") }
                var step = 1
                if let stepNode {
                    step = try positiveInt(stepNode, "\(field).step", example: "step: 2")
                    if lo < hi && step > hi - lo {
                        throw error(stepNode, "\(field).step", "must be at most the range's width (\(hi - lo)), found \(step)", hint: "write e.g. step: \(max(1, (hi - lo) / 4))")
                    }
                    if log && step != 1 { throw error(stepNode, "\(field).step", "'step' and 'log' cannot be combined", hint: "remove one of them") }
                }
                if lo == hi { throw error(rn, "\(field).int", "the range holds a single value (\(lo))", hint: "widen it, or write fixed: \(lo)") }
                domain = .int(lower: lo, upper: hi, log: log, step: step)
            }
        case "choice":
            let cn = v("choice")!
            let items = try sequence(cn, "\(field).choice", example: "choice: [16, 32, 64]")
            if items.isEmpty { throw error(cn, "\(field).choice", "has no values", hint: "list at least two, e.g. choice: [relu, tanh]") }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            var seen = Set<Value>(minimumCapacity: items.count)
            var seenNumbers = Set<Double>(minimumCapacity: items.count)
            for item in items {
                let val = try value(item, "\(field).choice")
                // Sets, not a linear search: a list of n values is checked in O(n), not O(n²).
                let repeated = !seen.insert(val).inserted
                let repeatedNumber = val.number.map { !seenNumbers.insert($0).inserted } ?? false
                if repeated || repeatedNumber { throw error(item, "\(field).choice", "the value \(val) is listed twice", hint: "list each value once") }
                values.append(val)
            }
            let numbers = values.compactMap(\.number)
            if numbers.count == values.count {
                domain = .ordinal(numbers.sorted())
            } else if numbers.isEmpty {
                domain = .categorical(values)
            } else {
                throw error(cn, "\(field).choice", "mixes numbers and names", hint: "use only numbers (ordered choices) or only names (unordered choices); quote numbers to treat them as names")
            }
        default:
            domain = .fixed(try value(v("fixed")!, "\(field).fixed"))
        }
        var condition: Condition? = nil
        if let wn = v("when") { condition = try self.condition(wn, field: "\(field).when", declared: declared, owner: name, all: all) }
        return Parameter(name: name, domain: domain, condition: condition)
    }

    func condition(_ node: Node, field: String, declared: [Parameter], owner: String, all: [String]) throws(ScenarioError) -> Condition {
        let pairs = try mapping(node, field, allowed: nil, example: "when: {optimizer: sgd}")
        if pairs.isEmpty { throw error(node, field, "is empty", hint: "write e.g. when: {optimizer: sgd}") }
        var clauses: [Condition.Clause] = []
        for (parent, keyNode, valueNode) in pairs {
            guard let index = declared.firstIndex(where: { $0.name == parent }) else {
                if parent != owner && all.contains(parent) {
                    throw error(keyNode, "\(field).\(parent)", "'\(parent)' is declared below '\(owner)'",
                                hint: "move '\(parent)' above '\(owner)' in 'space:' (a condition names a parameter declared before the one it controls)")
                }
                let hint = parent == owner ? "a parameter cannot depend on itself"
                    : (closest(to: parent, in: declared.map(\.name)).map { "did you mean '\($0)'? " } ?? "")
                        + "a condition names a parameter declared above this one (declared so far: \(declared.map(\.name).joined(separator: ", ")))"
                throw error(keyNode, "\(field).\(parent)", "unknown parameter '\(parent)'", hint: hint)
            }
            let domain = declared[index].domain
            let items: [Node]
            if case .sequence(let s) = valueNode { items = Array(s) } else { items = [valueNode] }
            if items.isEmpty { throw error(valueNode, "\(field).\(parent)", "lists no values", hint: "write e.g. \(parent): [a, b]") }
            var allowed: Set<Double> = []
            for item in items {
                let val = try value(item, "\(field).\(parent)")
                guard let encoded = encode(val, in: domain) else {
                    throw error(item, "\(field).\(parent)", "'\(parent)' never takes the value \(val)", hint: "use one of its values: \(describeValues(domain))")
                }
                allowed.insert(encoded)
            }
            clauses.append(Condition.Clause(parameter: index, allowed: allowed))
        }
        return Condition(clauses: clauses)
    }

    func encode(_ v: Value, in domain: Domain) -> Double? {
        switch domain {
        case .categorical(let values): return values.firstIndex(of: v).map(Double.init)
        case .ordinal(let values): return v.number.flatMap { n in values.firstIndex(of: n).map(Double.init) }
        case .int(let lo, let hi, _, let step):
            guard case .int(let i) = v, i >= lo, i <= hi, (i - lo) % step == 0 else { return nil }
            return Double(i)
        case .fixed(let f): return f == v ? 0 : nil
        case .float: return nil
        }
    }

    func describeValues(_ domain: Domain) -> String {
        switch domain {
        case .categorical(let v): return v.map(\.description).joined(separator: ", ")
        case .ordinal(let v): return v.map(formatNumber).joined(separator: ", ")
        case .int(let lo, let hi, _, _): return "whole numbers from \(lo) to \(hi)"
        case .fixed(let f): return f.description
        case .float: return "a float range cannot be used in a condition; use a choice"
        }
    }
}
