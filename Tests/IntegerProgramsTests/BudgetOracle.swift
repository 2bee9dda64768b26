import Hyperfront
@testable import IntegerPrograms

/// Random small search spaces, resource formulas and budgets, with brute-force answers
/// computed by enumerating every configuration.
struct BudgetOracle {
    let space: SearchSpace
    let resources: [ResourceFormula]
    let constraints: [OutcomeConstraint]
    /// Every configuration of the discrete parameters (the continuous `lr` left NaN).
    let all: [Configuration]

    /// Every assignment of the discrete parameters consistent with the conditions.
    /// With `names`, only those parameters are enumerated (the others stay NaN).
    static func enumerate(_ space: SearchSpace, over names: Set<String>? = nil) -> [Configuration] {
        var out: [Configuration] = []
        var c = Configuration([Double](repeating: .nan, count: space.count))
        func rec(_ i: Int) {
            if i == space.count { out.append(c); return }
            guard space.isActive(i, in: c), space[i].domain.isDiscrete, names?.contains(space[i].name) ?? true else {
                c[i] = .nan
                rec(i + 1)
                return
            }
            let values: [Double]
            switch space[i].domain {
            case .int(let lo, let hi, _, let step): values = stride(from: lo, through: hi, by: step).map(Double.init)
            case .ordinal(let v): values = v.indices.map(Double.init)
            case .categorical(let v): values = v.indices.map(Double.init)
            case .fixed: values = [0]
            case .float: values = []
            }
            for v in values { c[i] = v; rec(i + 1) }
            c[i] = .nan
        }
        rec(0)
        return out
    }

    /// A random space of 2–5 discrete parameters (≤ `maxConfigurations` configurations), with
    /// conditions, plus one continuous parameter; 1–2 formulas; budgets drawn from real values.
    /// With `comparisons`, the formulas also count choices with comparisons (`randomFormulaWithComparisons`).
    static func random(using rng: inout RandomSource, maxConfigurations: Int, comparisons: Bool = false) -> BudgetOracle {
        while true {
            let n = Int.random(in: 2...5, using: &rng)
            var params: [Parameter] = []
            let lrAt = Int.random(in: 0...n, using: &rng)
            var k = 0
            while params.count < n + 1 {
                if params.count == lrAt {
                    params.append(Parameter(name: "lr", domain: .float(lower: 0, upper: 1, log: false, step: nil)))
                    continue
                }
                let domain: Domain
                switch Int.random(in: 0..<7, using: &rng) {
                case 0, 1:
                    let lo = Int.random(in: 0...3, using: &rng), step = Int.random(in: 1...2, using: &rng)
                    domain = .int(lower: lo, upper: lo + step * Int.random(in: 1...4, using: &rng), log: false, step: step)
                case 2, 3, 4:
                    let pool: [Double] = [1, 2, 4, 8, 16, 32, 64]
                    let count = Int.random(in: 2...5, using: &rng)
                    domain = .ordinal(Array(pool.shuffled(using: &rng).prefix(count)).sorted())
                case 5:
                    domain = .categorical(Array([Value.string("a"), .string("b"), .string("c")].prefix(Int.random(in: 2...3, using: &rng))))
                default:
                    domain = .fixed(.int(3))
                }
                var condition: Condition? = nil
                let parents = params.indices.filter { params[$0].name != "lr" && params[$0].domain.cardinality! >= 2 }
                if !parents.isEmpty, Int.random(in: 0..<3, using: &rng) == 0 {
                    let parent = parents.randomElement(using: &rng)!
                    let values = enumerateValues(params[parent].domain)
                    let allowed = Set(values.shuffled(using: &rng).prefix(Int.random(in: 1..<values.count, using: &rng)))
                    condition = Condition(clauses: [.init(parameter: parent, allowed: allowed)])
                    if Int.random(in: 0..<4, using: &rng) == 0, let second = parents.filter({ $0 != parent }).randomElement(using: &rng) {
                        let v2 = enumerateValues(params[second].domain)
                        condition = Condition(clauses: condition!.clauses + [.init(parameter: second, allowed: Set(v2.shuffled(using: &rng).prefix(Int.random(in: 1..<v2.count, using: &rng))))])
                    }
                }
                params.append(Parameter(name: "p\(k)", domain: domain, condition: condition))
                k += 1
            }
            let space = SearchSpace(parameters: params)
            let all = enumerate(space)
            guard all.count <= maxConfigurations else { continue }
            let numeric = space.parameters.filter { p in
                switch p.domain { case .int, .ordinal, .fixed: return true; default: return false }
            }.map(\.name)
            guard !numeric.isEmpty || comparisons else { continue }
            var resources: [ResourceFormula] = []
            var constraints: [OutcomeConstraint] = []
            for r in 0..<Int.random(in: 1...2, using: &rng) {
                let e = comparisons ? randomFormulaWithComparisons(space, numeric: numeric, using: &rng) : randomFormula(numeric, using: &rng)
                let f = ResourceFormula(metric: "r\(r)", expression: e, space: space)
                resources.append(f)
                let values = all.map { f.value($0, in: space) }
                let kind: OutcomeConstraint.Kind = Int.random(in: 0..<4, using: &rng) == 0 ? .atLeast : .atMost
                // Mostly binding: a value from the cheaper (or, for a minimum, the larger) 40 %.
                let sorted = values.sorted(), cut = max(1, sorted.count * 2 / 5)
                var bound = kind == .atMost ? sorted[Int.random(in: 0..<cut, using: &rng)]
                                            : sorted[sorted.count - 1 - Int.random(in: 0..<cut, using: &rng)]
                if Int.random(in: 0..<12, using: &rng) == 0 {
                    bound = kind == .atMost ? values.min()! - 1 : values.max()! + 1   // impossible alone
                }
                constraints.append(OutcomeConstraint(metric: f.metric, kind: kind, bound: bound))
            }
            // A constraint on a metric that is no resource: ignored by the model.
            constraints.append(OutcomeConstraint(metric: "accuracy", kind: .atLeast, bound: 0.9))
            return BudgetOracle(space: space, resources: resources, constraints: constraints, all: all)
        }
    }

    static func enumerateValues(_ d: Domain) -> [Double] {
        switch d {
        case .int(let lo, let hi, _, let step): return stride(from: lo, through: hi, by: step).map(Double.init)
        case .ordinal(let v): return v.indices.map(Double.init)
        case .categorical(let v): return v.indices.map(Double.init)
        default: return [0]
        }
    }

    static func randomFormula(_ names: [String], using rng: inout RandomSource) -> Expression {
        func name() -> Expression { .name(names.randomElement(using: &rng)!) }
        var e: Expression? = nil
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let c = Expression.number(Double([-3, -1, 1, 2, 5, 10].randomElement(using: &rng)!))
            let term: Expression
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: term = .multiply(c, name())
            case 1: term = .multiply(c, .multiply(name(), name()))
            case 2: term = .multiply(.add(name(), .number(1)), name())
            case 3: term = .call(["max", "min"].randomElement(using: &rng)!, [name(), .multiply(c, name())])
            case 4: term = .multiply(.multiply(name(), name()), name())
            default: term = .number(Double(Int.random(in: 0...20, using: &rng)))
            }
            e = e.map { .add($0, term) } ?? term
        }
        return e!
    }

    /// Sums of terms that count choices: `c*(p == v)`, `c*(p != v)`, products of two
    /// comparisons, a comparison times a numeric parameter, a sum of comparisons times a number.
    static func randomFormulaWithComparisons(_ space: SearchSpace, numeric: [String], using rng: inout RandomSource) -> Expression {
        let discrete = space.parameters.filter { $0.name != "lr" }
        func comparison() -> Expression {
            let p = discrete.randomElement(using: &rng)!
            let values = enumerateValues(p.domain)
            let v = p.domain.decode(values.randomElement(using: &rng)!).description
            return .indicator(name: p.name, value: v, equal: Int.random(in: 0..<3, using: &rng) != 0)
        }
        var e: Expression? = nil
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let c = Expression.number(Double([-3, -1, 1, 2, 5, 10].randomElement(using: &rng)!))
            let term: Expression
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1: term = .multiply(c, comparison())
            case 2: term = .multiply(c, .multiply(comparison(), comparison()))
            case 3 where !numeric.isEmpty: term = .multiply(.name(numeric.randomElement(using: &rng)!), comparison())
            case 4: term = .multiply(c, .add(comparison(), comparison()))
            default: term = .number(Double(Int.random(in: 0...20, using: &rng)))
            }
            e = e.map { .add($0, term) } ?? term
        }
        return e!
    }

    func fits(_ c: Configuration) -> Bool {
        for b in constraints {
            guard let f = resources.first(where: { $0.metric == b.metric }) else { continue }
            let v = f.value(c, in: space)
            if !v.isFinite || b.violation(v) > 0 { return false }
        }
        return true
    }

    /// Weighted change, written independently of the model: steps for ints and numeric
    /// choices, 0/1 for names and fixed values, 0 when either side is inactive.
    func distance(_ a: Configuration, _ b: Configuration, over names: [String]) -> Int {
        var d = 0
        for n in names {
            let i = space.index(of: n)!
            let x = a[i], y = b[i]
            if x.isNaN || y.isNaN { continue }
            switch space[i].domain {
            case .int(_, _, _, let step): d += Int(abs(x - y)) / step
            case .ordinal: d += Int(abs(x - y))
            default: d += x == y ? 0 : 1
            }
        }
        return d
    }
}
