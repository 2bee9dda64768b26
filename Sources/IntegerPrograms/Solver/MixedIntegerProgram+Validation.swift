extension MixedIntegerProgram {
    /// Largest magnitude accepted for a coefficient, bound or right-hand side. Beyond it the
    /// solver's tolerances (relative 1e-7 and 1e-9) no longer separate distinct values.
    public static let maximumMagnitude = 1e15
    /// Largest number of variables, of constraints, and of nonzero coefficients accepted.
    public static let maximumSize = 50_000_000

    /// Checks every number and index the solver will see.
    ///
    /// GLPK aborts the process on an out-of-range index, a repeated (row, column) pair or a NaN
    /// objective coefficient, and silently returns wrong answers on NaN/infinite matrix
    /// coefficients; this rejects all of those, and everything else it does not accept.
    /// - Complexity: O(variables + nonzeros), plus O(row length) scratch per row.
    public func validate() throws(MixedIntegerProgramError) {
        let limit = Self.maximumMagnitude
        guard variables.count <= Self.maximumSize else { throw .tooLarge(reason: "\(variables.count) variables (at most \(Self.maximumSize))") }
        guard constraints.count <= Self.maximumSize else { throw .tooLarge(reason: "\(constraints.count) constraints (at most \(Self.maximumSize))") }
        guard objectiveConstant.isFinite, abs(objectiveConstant) <= limit else {
            throw .invalidObjective(reason: "the constant \(objectiveConstant) is not a finite number of magnitude ≤ 1e15")
        }
        for (j, v) in variables.enumerated() {
            guard v.cost.isFinite, abs(v.cost) <= limit else {
                throw .invalidVariable(index: j, reason: "objective coefficient \(v.cost) is not a finite number of magnitude ≤ 1e15")
            }
            try Self.checkBounds(v.lower, v.upper) { r throws(MixedIntegerProgramError) in throw .invalidVariable(index: j, reason: r) }
            switch v.kind {
            case .continuous: break
            case .binary:
                guard v.lower >= 0, v.upper <= 1 else {
                    throw .invalidVariable(index: j, reason: "a binary variable's bounds must lie within [0, 1], found [\(v.lower), \(v.upper)]")
                }
                fallthrough
            case .integer:
                for b in [v.lower, v.upper] where b.isFinite && b != b.rounded() {
                    throw .invalidVariable(index: j, reason: "an integer variable needs whole-number bounds, found \(b)")
                }
                if v.lower.isFinite && v.upper.isFinite && v.lower.rounded(.up) > v.upper.rounded(.down) {
                    throw .invalidVariable(index: j, reason: "no whole number lies in [\(v.lower), \(v.upper)]")
                }
            }
        }
        var nonzeros = 0
        var seen = [Int](repeating: -1, count: variables.count)
        for (i, row) in constraints.enumerated() {
            try Self.checkBounds(row.lower, row.upper) { r throws(MixedIntegerProgramError) in throw .invalidConstraint(index: i, reason: r) }
            for t in row.terms {
                guard t.variable >= 0, t.variable < variables.count else {
                    throw .invalidConstraint(index: i, reason: "names variable \(t.variable), but the model has \(variables.count) (indices 0..<\(variables.count))")
                }
                guard seen[t.variable] != i else {
                    throw .invalidConstraint(index: i, reason: "names variable \(t.variable) twice; add the coefficients into one term")
                }
                seen[t.variable] = i
                guard t.coefficient.isFinite, abs(t.coefficient) <= limit else {
                    throw .invalidConstraint(index: i, reason: "coefficient \(t.coefficient) of variable \(t.variable) is not a finite number of magnitude ≤ 1e15")
                }
            }
            nonzeros += row.terms.count
            guard nonzeros <= Self.maximumSize else { throw .tooLarge(reason: "more than \(Self.maximumSize) nonzero coefficients") }
        }
    }

    /// Bounds: not NaN, not an empty or inverted interval, finite ones of magnitude ≤ 1e15.
    static func checkBounds(_ lower: Double, _ upper: Double, _ fail: (String) throws(MixedIntegerProgramError) -> Never) throws(MixedIntegerProgramError) {
        if lower.isNaN || upper.isNaN { try fail("a bound is NaN ([\(lower), \(upper)])") }
        if lower == .infinity { try fail("the lower bound is +infinity") }
        if upper == -.infinity { try fail("the upper bound is -infinity") }
        if lower > upper { try fail("the lower bound \(lower) exceeds the upper bound \(upper)") }
        for b in [lower, upper] where b.isFinite && abs(b) > maximumMagnitude {
            try fail("bound \(b) has magnitude above 1e15; use ±infinity for no bound")
        }
    }

    /// Checks solver settings: a time limit in seconds (nil for none) and a relative MIP gap.
    static func validateSettings(timeLimit: Double?, mipGap: Double) throws(MixedIntegerProgramError) {
        if let t = timeLimit, !(t.isFinite && t >= 0) {
            throw .invalidSetting(name: "timeLimit", reason: "must be a finite number of seconds ≥ 0 (or nil for none), found \(t)")
        }
        guard mipGap.isFinite, mipGap >= 0 else {
            throw .invalidSetting(name: "mipGap", reason: "must be a finite number ≥ 0, found \(mipGap)")
        }
    }
}
