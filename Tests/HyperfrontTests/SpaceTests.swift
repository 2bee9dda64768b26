import Testing
@testable import Hyperfront

let mixedSpace = SearchSpace(parameters: [
    Parameter(name: "opt", domain: .categorical([.string("sgd"), .string("adam")])),
    Parameter(name: "momentum", domain: .float(lower: 0.5, upper: 0.99, log: false, step: nil),
              condition: Condition(clauses: [.init(parameter: 0, allowed: [0])])),
    Parameter(name: "lr", domain: .float(lower: 1e-4, upper: 1e-1, log: true, step: nil)),
    Parameter(name: "layers", domain: .int(lower: 1, upper: 9, log: false, step: 2)),
    Parameter(name: "units", domain: .ordinal([16, 32, 64])),
    Parameter(name: "drop", domain: .float(lower: 0, upper: 0.5, log: false, step: 0.1)),
])

@Test func samplesAreValidAndConditionsHold() {
    var rng = RandomSource(seed: 3)
    for _ in 0..<2000 {
        let c = mixedSpace.sample(using: &rng)
        #expect(c[0] == 0 || c[0] == 1)
        #expect(c[1].isNaN == (c[0] != 0))
        if !c[1].isNaN { #expect(c[1] >= 0.5 && c[1] <= 0.99) }
        #expect(c[2] >= 1e-4 && c[2] <= 1e-1)
        #expect([1, 3, 5, 7, 9].contains(c[3]))
        #expect([0, 1, 2].contains(c[4]))
        let k = (c[5] / 0.1).rounded()
        #expect(abs(c[5] - k * 0.1) < 1e-12 && c[5] <= 0.5 + 1e-12)
    }
}

@Test func logRangeIsLogUniform() {
    var rng = RandomSource(seed: 11)
    var below = 0
    let n = 20_000
    let midpoint = (1e-4 * 1e-1).squareRoot()
    for _ in 0..<n where mixedSpace.sample(using: &rng)[2] < midpoint { below += 1 }
    // the geometric midpoint of [1e-4, 1e-1] splits a log-uniform sample in half
    #expect(abs(Double(below) / Double(n) - 0.5) < 0.02)
}

@Test func sameSeedSameStream() {
    var a = RandomSource(seed: 42), b = RandomSource(seed: 42), c = RandomSource(seed: 43)
    let xa = (0..<8).map { _ in a.next() }, xb = (0..<8).map { _ in b.next() }, xc = (0..<8).map { _ in c.next() }
    #expect(xa == xb)
    #expect(xa != xc)
    #expect(RandomSource(seed: 1).derived(5) == RandomSource(seed: 1).derived(5))
    #expect(RandomSource(seed: 1).derived(5) != RandomSource(seed: 1).derived(6))
}

@Test func configurationEqualityTreatsInactiveAsEqual() {
    let a = Configuration([1, .nan, 0.5]), b = Configuration([1, .nan, 0.5])
    #expect(a == b)
    #expect(Set([a, b]).count == 1)
    #expect(Configuration([-0.0]) == Configuration([0.0]))
    #expect(Set([Configuration([-0.0]), Configuration([0.0])]).count == 1)
}

@Test func decodeAndJSON() {
    let c = Configuration([0, 0.9, 0.01, 3, 2, 0.2])
    let d = mixedSpace.decode(c)
    #expect(d.map(\.name) == ["opt", "momentum", "lr", "layers", "units", "drop"])
    #expect(d[0].value == .string("sgd"))
    #expect(d[4].value == .int(64))
    #expect(mixedSpace.json(Configuration([1, .nan, 0.01, 3, 0, 0])) == "{\"opt\": \"adam\", \"lr\": 0.01, \"layers\": 3, \"units\": 16, \"drop\": 0}")
}

@Test func expressionsParseEvaluateAndSplit() throws {
    let e = try Expression.parse("64*units + units + (layers-1)*(units*units + units) + 10*units + 10")
    #expect(e.names == ["units", "layers"])
    let value = e.evaluate { $0 == "units" ? 32 : 3 }
    let expected: Double = 2048 + 32 + 2 * 1056 + 320 + 10
    #expect(value == expected)
    let terms = e.additiveTerms
    #expect(terms.count == 8)
    let sum = terms.map { $0.evaluate { $0 == "units" ? 32 : 3 } }.reduce(0, +)
    #expect(sum == value)
    #expect(try Expression.parse("max(2, 3) * 2^3 - -1").evaluate { _ in 0 } == 25)
    #expect(throws: Expression.ParseError.self) { try Expression.parse("2 +") }
    #expect(throws: Expression.ParseError.self) { try Expression.parse("foo(2)") }
}
