import Hyperfront

/// Budgets on resources that follow from discrete choices (parameter count, memory, FLOPs),
/// as an exact integer program over those choices.
///
/// Every discrete parameter that a budgeted resource formula mentions — and every parameter
/// its condition depends on — becomes one binary per value (plus one for "inactive" when it
/// is conditional), exactly one of which is 1; conditions become linear rows over the
/// parents' binaries. A comparison `(op0 == 'conv3x3')` is then exactly the binary of that
/// value (one-hot), and `!=` the sum of the others: a term over one parameter, however it
/// mixes numbers and comparisons, is a table over that parameter's states. A formula is split into additive terms (`Expression.additiveTerms`);
/// terms over one parameter are linear in its binaries; terms over several become a table
/// with one product variable per cell, tied to the parameters' binaries by marginal
/// equalities (Σ over the other coordinates of y[cell] = x[parameter, state]), which forces
/// y to the product of the binaries without big-M or McCormick rows — the resource's value
/// is then exactly Σ cell value × y. The marginals alone make y integral once the x are;
/// y is declared binary all the same, which measured no slower and keeps the solver's
/// points crisp. (Equality-linked products: the marginal form of the
/// one-hot (multiple-choice) constraints; Adams & Sherali, "A tight linearization and an
/// algorithm for zero-one quadratic programming problems", Management Science 32, 1986.)
///
/// The model is a value: several threads may repair with it at once. Each solve runs on the
/// calling thread's GLPK environment, which is released when that thread ends.
public struct BudgetModel: Sendable {
    /// A parameter's value count above which it cannot be one-hot encoded.
    public static let maximumValues = 10_000
    /// A term's table size above which the model is refused.
    public static let maximumTableCells = 100_000
    /// Total cells over all tables above which the model is refused.
    public static let maximumTotalCells = 1_000_000

    public let space: SearchSpace
    public let resources: [ResourceFormula]
    /// The constraints whose metric is a resource formula's metric: known before a trial.
    public let budgets: [OutcomeConstraint]
    /// Branch-and-bound subproblems any one integer program may create (`SolveLimits.nodes`).
    ///
    /// A work limit, not a time limit, so that what a study proposes depends on its scenario and
    /// seed alone, never on how busy the machine is. A repair whose program reaches it without a
    /// point falls back to a deterministic greedy search (`greedyStates`).
    public var nodeLimit = 20_000
    /// Branch-and-bound subproblems each extreme configuration's program may create when
    /// seeding (`extremes`): a near-extreme seeds as well as the extreme itself.
    public var extremeNodeLimit = 200
    /// Wall-clock seconds after which a solve is abandoned with an error — a safety net that
    /// can stop a study but never change what it proposes.
    public var safetySeconds = 600.0
    /// When set and cancelled (e.g. by Ctrl-C), every solve of this model stops promptly and
    /// throws `BudgetModelError.cancelled`: set-up (`checkSatisfiable`, `extremes`) and repairs.
    public var cancellation: SolveCancellation?

    /// Index into `resources` of each budget's formula.
    let budgetResource: [Int]
    /// The parameters in the program, in space order.
    let parameters: [DiscreteParameter]
    /// One-hot rows, condition rows, table marginals; no budget rows, no objective.
    let structure: MixedIntegerProgram
    /// Each budgeted resource as a linear function of the program's variables.
    let linear: [Int: LinearResource]

    /// A resource's value as `constant + Σ coefficient × variable`, with coefficients divided
    /// by `scale` (their largest magnitude) so that the solver's rows are well scaled.
    struct LinearResource: Sendable {
        var terms: [MixedIntegerProgram.Term]
        var constant: Double
        var scale: Double
    }

    /// Builds the program for the `constraints` that bound a resource in `resources`; other
    /// constraints are ignored (they are known only after a trial).
    /// - Complexity: O(Σ over tables of cells × (terms + table arity)) formula evaluations
    ///   and entries; the tables are limited by `maximumTableCells` and `maximumTotalCells`.
    public init(space: SearchSpace, resources: [ResourceFormula], constraints: [OutcomeConstraint]) throws(BudgetModelError) {
        self.space = space
        self.resources = resources
        var budgets: [OutcomeConstraint] = [], budgetResource: [Int] = []
        for c in constraints {
            if let r = resources.firstIndex(where: { $0.metric == c.metric }) {
                budgets.append(c)
                budgetResource.append(r)
            }
        }
        self.budgets = budgets
        self.budgetResource = budgetResource
        let used = Array(Set(budgetResource)).sorted()

        // Parameters: those named by budgeted formulas, closed under condition parents.
        var involved = Set<Int>()
        var owner: [Int: String] = [:]
        var pending: [Int] = []
        for r in used {
            for name in resources[r].expression.names {
                guard let i = space.index(of: name) else { throw .unknownParameter(metric: resources[r].metric, name: name) }
                if involved.insert(i).inserted { pending.append(i); owner[i] = resources[r].metric }
            }
        }
        while let i = pending.popLast() {
            for clause in space[i].condition?.clauses ?? [] where involved.insert(clause.parameter).inserted {
                pending.append(clause.parameter)
                owner[clause.parameter] = owner[i]
            }
        }
        var program = MixedIntegerProgram()
        var parameters: [DiscreteParameter] = []
        var position: [Int: Int] = [:]
        for i in involved.sorted() {
            let metric = owner[i] ?? ""
            let made: DiscreteParameter?
            do { made = try DiscreteParameter(space: space, index: i, limit: Self.maximumValues) } catch {
                throw .tooManyValues(metric: metric, name: space[i].name, count: error.count, limit: Self.maximumValues)
            }
            guard var p = made else { throw .continuousParameter(metric: metric, name: space[i].name) }
            p.firstVariable = program.variables.count
            for _ in 0..<p.stateCount { program.addVariable(.binary, lower: 0, upper: 1) }
            program.addEquality((0..<p.stateCount).map { .init(p.firstVariable + $0, 1) }, 1)
            position[i] = parameters.count
            parameters.append(p)
        }
        // Conditions: active ⇔ every clause holds; a clause is a sum of the parent's binaries.
        for p in parameters {
            guard let condition = space[p.index].condition, let off = p.inactiveState else { continue }
            let inactive = MixedIntegerProgram.Term(p.firstVariable + off, 1)
            let clauses: [[MixedIntegerProgram.Term]] = condition.clauses.map { clause in
                let parent = parameters[position[clause.parameter]!]
                return parent.encoded.indices.filter { clause.allowed.contains(parent.encoded[$0]) }
                    .map { .init(parent.firstVariable + $0, 1) }
            }
            if clauses.count == 1 {
                program.addEquality([inactive] + clauses[0], 1)
            } else {
                for c in clauses { program.addConstraint([inactive] + c, lower: 1) }
                program.addConstraint([inactive] + clauses.flatMap { $0 }, upper: Double(clauses.count))
            }
        }

        // Resources: additive terms grouped by the parameters they mention.
        var tables: [[Int]: Int] = [:]   // scope (positions) → first cell variable
        var totalCells = 0
        var linear: [Int: LinearResource] = [:]
        for r in used {
            let formula = resources[r]
            var groups: [[Int]: [Expression]] = [:]
            var order: [[Int]] = []
            for term in formula.expression.additiveTerms {
                let scope = Set(term.names.map { position[space.index(of: $0)!]! }).sorted()
                if groups[scope] == nil { order.append(scope) }
                groups[scope, default: []].append(term)
            }
            var coefficients: [Int: Double] = [:]
            var constant = 0.0
            for scope in order {
                let terms = groups[scope]!
                var states = [Int](repeating: 0, count: parameters.count)
                func value() -> Double {
                    terms.reduce(0.0) { sum, t in
                        sum + t.evaluate({ name in
                            let k = position[space.index(of: name)!]!
                            return parameters[k].numeric(ofState: states[k])
                        }, matches: { name, literal in
                            let k = position[space.index(of: name)!]!, x = parameters[k].value(ofState: states[k])
                            return x.isNaN ? nil : space[parameters[k].index].domain.matches(x, literal)
                        })
                    }
                }
                if scope.isEmpty {
                    constant += value()
                    continue
                }
                if scope.count == 1 {
                    let p = parameters[scope[0]]
                    for s in 0..<p.stateCount {
                        states[scope[0]] = s
                        let v = value(), j = p.firstVariable + s
                        if v.isFinite { coefficients[j, default: 0] += v } else { program.variables[j].upper = 0 }
                    }
                    continue
                }
                let dims = scope.map { parameters[$0].stateCount }
                var cells = 1
                for d in dims {
                    let (m, overflow) = cells.multipliedReportingOverflow(by: d)
                    cells = overflow ? Int.max : m
                }
                guard tables[scope] != nil || (cells <= Self.maximumTableCells && totalCells + cells <= Self.maximumTotalCells) else {
                    throw .tableTooLarge(metric: formula.metric, term: terms.map(\.description).joined(separator: " + "),
                                         parameters: scope.map { space[parameters[$0].index].name },
                                         cells: cells, limit: cells > Self.maximumTableCells ? Self.maximumTableCells : Self.maximumTotalCells - totalCells)
                }
                let first: Int
                if let existing = tables[scope] {
                    first = existing
                } else {
                    first = program.variables.count
                    for _ in 0..<cells { program.addVariable(.binary, lower: 0, upper: 1) }
                    tables[scope] = first
                    totalCells += cells
                    // Marginals: for each coordinate and state, the cells with that state sum to its binary.
                    var rows: [[[MixedIntegerProgram.Term]]] = scope.indices.map { axis in
                        (0..<dims[axis]).map { s in [.init(parameters[scope[axis]].firstVariable + s, -1)] }
                    }
                    for cell in 0..<cells {
                        var rest = cell
                        for axis in scope.indices.reversed() {
                            rows[axis][rest % dims[axis]].append(.init(first + cell, 1))
                            rest /= dims[axis]
                        }
                    }
                    for row in rows.joined() { program.addEquality(row, 0) }
                }
                for cell in 0..<cells {
                    var rest = cell
                    for (axis, k) in scope.enumerated().reversed() {
                        states[k] = rest % dims[axis]
                        rest /= dims[axis]
                    }
                    let v = value(), j = first + cell
                    if v.isFinite { coefficients[j, default: 0] += v } else { program.variables[j].upper = 0 }
                }
            }
            let scale = coefficients.values.reduce(0.0) { Swift.max($0, abs($1)) }
            let s = scale > 0 && scale.isFinite ? scale : 1
            let terms = coefficients.keys.sorted().compactMap { j -> MixedIntegerProgram.Term? in
                let c = coefficients[j]! / s
                return c == 0 ? nil : .init(j, c)
            }
            linear[r] = LinearResource(terms: terms, constant: constant, scale: s)
        }
        self.parameters = parameters
        self.structure = program
        self.linear = linear
    }

    /// Whether any budget is enforced (some constraint bounds a resource formula).
    public var isActive: Bool { !budgets.isEmpty }

    /// Whether `c` meets every budget (each resource's value finite and within its bound).
    public func fits(_ c: Configuration) -> Bool {
        for (b, r) in zip(budgets, budgetResource) {
            let v = resources[r].value(c, in: space)
            if !v.isFinite || b.violation(v) != 0 { return false }
        }
        return true
    }

    /// Weighted change between two configurations over the budgeted discrete parameters:
    /// steps for ints and numeric choices, 0/1 for named choices and fixed values; a
    /// parameter that is inactive in either counts 0. Continuous parameters never count.
    public func distance(_ a: Configuration, _ b: Configuration) -> Int {
        parameters.reduce(0) { $0 + $1.distance($1.state(of: a[$1.index]), $1.state(of: b[$1.index])) }
    }

    /// Names of the parameters the budgets depend on, in space order.
    public var budgetedParameters: [String] { parameters.map { space[$0.index].name } }
}
