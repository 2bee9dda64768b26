/// An ordered list of parameters with conditions between them.
///
/// The order is the scenario's; conditions may only refer to parameters declared before them
/// (checked when the scenario is read), so one pass in order decides which are active.
public struct SearchSpace: Sendable, Hashable {
    public let parameters: [Parameter]
    private let indexByName: [String: Int]

    public init(parameters: [Parameter]) {
        self.parameters = parameters
        var map: [String: Int] = [:]
        for (i, p) in parameters.enumerated() { map[p.name] = i }
        self.indexByName = map
    }

    public var count: Int { parameters.count }
    public var names: [String] { parameters.map(\.name) }
    public func index(of name: String) -> Int? { indexByName[name] }
    public subscript(i: Int) -> Parameter { parameters[i] }

    /// Whether parameter `i` is active in `c`, given that its parents are already settled.
    @inlinable
    public func isActive(_ i: Int, in c: Configuration) -> Bool {
        guard let cond = parameters[i].condition else { return true }
        for clause in cond.clauses {
            let v = c[clause.parameter]
            if v.isNaN || !clause.allowed.contains(v) { return false }
        }
        return true
    }

    /// Snaps every value into its domain and marks inactive parameters NaN; an inactive
    /// parameter that becomes active gets `fill(i)`.
    public func normalize(_ c: inout Configuration, fill: (Int) -> Double) {
        for i in parameters.indices {
            if isActive(i, in: c) {
                let v = c[i]
                c[i] = parameters[i].domain.clamp(v.isNaN ? fill(i) : v)
            } else {
                c[i] = .nan
            }
        }
    }

    /// A uniform random configuration (inactive parameters NaN).
    public func sample(using rng: inout some RandomNumberGenerator) -> Configuration {
        var c = Configuration([Double](repeating: .nan, count: parameters.count))
        for i in parameters.indices {
            // Draw for every parameter so the stream does not depend on conditions.
            let v = parameters[i].domain.sample(using: &rng)
            c[i] = isActive(i, in: c) ? v : .nan
        }
        return c
    }

    /// The active parameters of `c` with their decoded values, in space order.
    public func decode(_ c: Configuration) -> [(name: String, value: Value)] {
        var out: [(String, Value)] = []
        out.reserveCapacity(parameters.count)
        for (i, p) in parameters.enumerated() where !c[i].isNaN {
            out.append((p.name, p.domain.decode(c[i])))
        }
        return out
    }

    /// The active parameters of `c` as a JSON object, in space order.
    public func json(_ c: Configuration) -> String {
        "{" + decode(c).map { "\(jsonQuote($0.name)): \($0.value.json)" }.joined(separator: ", ") + "}"
    }
}
