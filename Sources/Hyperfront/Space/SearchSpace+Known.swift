/// Known configurations: values a person wrote (an `enqueue:` list, a JSON or CSV file, an
/// earlier study) checked against the space and encoded.
extension Domain {
    /// The encoded value of `v`, or nil when the domain never takes it. A number may be written
    /// for a whole one (`32.0` for 32); a name is matched by its text, so that `true`, `"1"` and
    /// `relu` read from a CSV file find their choice.
    public func encode(known v: Value) -> Double? {
        switch self {
        case .float(let lo, let hi, _, let step):
            guard let x = v.number ?? Double(v.description), x.isFinite, x >= lo, x <= hi else { return nil }
            if let step, step > 0 {
                let k = ((x - lo) / step).rounded()
                guard abs(lo + k * step - x) <= 1e-9 * Swift.max(1, abs(x)) else { return nil }
                return clamp(x)
            }
            return x
        case .int(let lo, let hi, _, let step):
            guard let x = v.number ?? Double(v.description), x == x.rounded(), x >= Double(lo), x <= Double(hi) else { return nil }
            return (Int(x) - lo) % step == 0 ? x : nil
        case .ordinal(let values):
            guard let x = v.number ?? Double(v.description) else { return nil }
            return values.firstIndex(of: x).map(Double.init)
        case .categorical(let values):
            if let i = values.firstIndex(of: v) { return Double(i) }
            return values.firstIndex { $0.description == v.description }.map(Double.init)
        case .fixed(let f):
            return f == v || f.description == v.description || (f.number != nil && f.number == v.number) ? 0 : nil
        }
    }

    /// What the domain allows, for messages: `a number from 0.0001 to 0.1`, `one of relu, tanh`.
    public var allowedValues: String {
        switch self {
        case .float(let lo, let hi, _, let step):
            return "a number from \(formatNumber(lo)) to \(formatNumber(hi))" + (step.map { " in steps of \(formatNumber($0))" } ?? "")
        case .int(let lo, let hi, _, let step):
            return "a whole number from \(lo) to \(hi)" + (step > 1 ? " in steps of \(step)" : "")
        case .ordinal(let v): return "one of " + v.map(formatNumber).joined(separator: ", ")
        case .categorical(let v): return "one of " + v.map(\.description).joined(separator: ", ")
        case .fixed(let f): return "only \(f) (a fixed value; it may be left out)"
        }
    }
}

extension SearchSpace {
    /// One mistake in a known configuration: the parameter (nil: the whole entry) and what is wrong.
    public struct KnownValueProblem: Sendable, Equatable {
        public enum Kind: String, Sendable { case unknown, missing, inactive, outside }
        public var parameter: String?
        public var kind: Kind
        public var message: String
    }

    /// Encodes a configuration given by name → value. Every parameter active in it must be
    /// given (fixed ones may be left out); a parameter inactive under the given values must be
    /// left out. Returns the configuration or every problem found, in space order.
    public func configuration(known values: [(name: String, value: Value)]) -> Result<Configuration, KnownProblems> {
        var problems: [KnownValueProblem] = []
        var given: [Int: Value] = [:]
        for (name, value) in values {
            guard let i = index(of: name) else {
                let hint = closest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                problems.append(.init(parameter: name, kind: .unknown, message: "unknown parameter '\(name)'\(hint); the parameters are \(names.joined(separator: ", "))"))
                continue
            }
            given[i] = value
        }
        var c = Configuration([Double](repeating: .nan, count: count))
        for (i, p) in parameters.enumerated() {
            let active = isActive(i, in: c)
            guard let v = given[i] else {
                if active {
                    if case .fixed = p.domain { c[i] = 0; continue }
                    problems.append(.init(parameter: p.name, kind: .missing, message: "'\(p.name)' is missing; give \(p.domain.allowedValues)"))
                }
                continue
            }
            guard active else {
                problems.append(.init(parameter: p.name, kind: .inactive, message: "'\(p.name)' is not active with the other values given (its condition does not hold); leave it out"))
                continue
            }
            guard let x = p.domain.encode(known: v) else {
                problems.append(.init(parameter: p.name, kind: .outside, message: "'\(p.name)' cannot be \(v); allowed: \(p.domain.allowedValues)"))
                continue
            }
            c[i] = x
        }
        return problems.isEmpty ? .success(c) : .failure(KnownProblems(problems: problems))
    }

    /// The problems of one known configuration.
    public struct KnownProblems: Error, Sendable {
        public var problems: [KnownValueProblem]
    }
}
