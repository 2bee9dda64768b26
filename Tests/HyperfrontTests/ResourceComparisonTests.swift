import Foundation
import Testing
@testable import Hyperfront

/// Comparisons in resource formulas, `(op0 == 'conv3x3')`: parsing, values, storage, and the
/// located errors for a parameter or value that does not exist.
@Suite struct ResourceComparisonTests {
    static let ops: [Value] = ["none", "skip_connect", "conv1x1", "conv3x3", "avg_pool"].map { .string($0) }

    static func yaml(_ formula: String, extra: String = "") -> String {
        """
        name: t
        evaluator: {command: [python3, cell.py], metrics: [accuracy]}
        space:
          op0: {choice: [none, skip_connect, conv1x1, conv3x3, avg_pool]}
          op1: {choice: [none, skip_connect, conv1x1, conv3x3, avg_pool]}
          units: {choice: [16, 32, 64]}
          depth: {int: [1, 3]}
          lr: {float: [0.001, 0.1], log: true}
        \(extra)objectives: [{metric: accuracy, goal: maximize}]
        resources:
          params: \(formula)
        constraints: [{metric: params, max: 400000}]

        """
    }

    @Test func comparisonsCountOneWhenTheyHold() throws {
        let e = try Expression.parse("73306 + 243040*((op0 == 'conv3x3') + (op1 == \"conv3x3\")) + 28000*(op0 != 'none')")
        #expect(e.names == ["op0", "op1"])
        #expect(e.numericNames.isEmpty)
        #expect(e.comparisons.count == 3)
        let space = SearchSpace(parameters: [
            Parameter(name: "op0", domain: .categorical(Self.ops)),
            Parameter(name: "op1", domain: .categorical(Self.ops), condition: Condition(clauses: [.init(parameter: 0, allowed: [1])])),
        ])
        let f = ResourceFormula(metric: "params", expression: e, space: space)
        // op0 = conv3x3 (3): 73306 + 243040 + 28000; op1 inactive counts 0 on both sides.
        #expect(f.value(Configuration([3, .nan]), in: space) == 73306 + 243040 + 28000)
        // op0 = skip_connect (1) activates op1 = conv3x3 (3).
        #expect(f.value(Configuration([1, 3]), in: space) == 73306 + 243040 + 28000)
        #expect(f.value(Configuration([0, .nan]), in: space) == 73306)
        // Additive terms: one per comparison, each over one parameter.
        #expect(e.additiveTerms.map(\.names) == [[], ["op0"], ["op1"], ["op0"]])
    }

    @Test func numbersAndNamesCompareByValue() throws {
        let d = Domain.ordinal([16, 32, 64])
        #expect(d.matches(1, "32") && d.matches(1, "32.0") && !d.matches(1, "16") && !d.matches(.nan, "32"))
        #expect(Domain.int(lower: 1, upper: 5, log: false, step: 1).matches(3, "3"))
        #expect(Domain.categorical([.bool(true), .bool(false)]).matches(0, "true"))
        let e = try Expression.parse("(units == 64) * 10 + (depth != -2)")
        #expect(e.evaluate({ _ in 0 }, matches: { n, v in n == "units" ? v == "64" : false }) == 11)
        #expect(e.evaluate { _ in 0 } == 0)
    }

    @Test func descriptionAndStorageRoundTrip() throws {
        for text in ["(op0 == 'conv3x3')", "3*(op0 != 'none')*(op1 == 'a b')", "(units == 64) + (x == \"it's\")"] {
            let e = try Expression.parse(text)
            #expect(try Expression.parse(e.description) == e, "\(e)")
            let data = try JSONEncoder().encode(e)
            #expect(try JSONDecoder().decode(Expression.self, from: data) == e)
        }
    }

    @Test func badComparisonsAreParseErrorsWithTheirOffset() {
        let cases: [(String, Int, String)] = [
            ("3*(op0 = 'conv3x3')", 7, "write =="),
            ("3*(op0 == conv3x3)", 10, "in quotes"),
            ("3*(op0 == 'conv3x3)", 10, "no closing '"),
            ("3*(2 == 'conv3x3')", 3, "parameter name on its left"),
            ("3*(op0 == )", 10, "in quotes"),
            ("(op0 == 'a' == 'b')", 12, "missing ')'"),
        ]
        for (text, offset, message) in cases {
            do { _ = try Expression.parse(text); Issue.record("accepted \(text)") } catch {
                #expect(error.offset == offset, "\(text): \(error.offset) \(error.message)")
                #expect(error.message.contains(message), "\(text): \(error.message)")
            }
        }
    }

    @Test func scenariosAcceptComparisons() throws {
        let s = try ScenarioLoader.parse(Self.yaml("\"73306 + 243040*(op0 == 'conv3x3') + 2*units*(op1 != 'none') + (depth == 2)\""), path: "arch.yaml")
        #expect(s.resources.first?.expression.comparisons.count == 3)
    }

    /// A scenario error for the formula: file, line, column, and words it must contain.
    static func located(_ formula: String, line: Int = 11, column: Int, _ words: [String]) {
        do {
            _ = try ScenarioLoader.parse(yaml(formula), path: "arch.yaml")
            Issue.record("accepted \(formula)")
        } catch {
            #expect(error.description.hasPrefix("arch.yaml:\(line):\(column): error: resources.params: "), "\(error)")
            for w in words { #expect(error.description.contains(w), "\(error)") }
        }
    }

    @Test func unknownParametersAndValuesAreLocated() {
        // Column 11 is where the formula's value starts on line 11; +1 for the opening quote.
        Self.located("\"1 + 5*(op9 == 'conv3x3')\"", column: 11 + 1 + 7, ["'op9', which is not a parameter", "did you mean 'op0'", "parameters: op0, op1"])
        Self.located("\"1 + 5*(op0 == 'conv5x5')\"", column: 11 + 1 + 7, ["compares 'op0' with 'conv5x5'", "not one of its values", "write one of: 'none', 'skip_connect', 'conv1x1', 'conv3x3', 'avg_pool'"])
        Self.located("1 + (units == 48)", column: 11 + 5, ["'units' with '48'", "write one of: 16, 32, 64"])
        Self.located("1 + (lr == 0.01)", column: 11 + 5, ["'lr', a continuous parameter"])
        Self.located("1 + 2*op0", column: 11, ["uses 'op0' as a number", "1000*(op0 == 'none')"])
        Self.located("1 + (op0 = 'none')", column: 11, ["write == to compare", "at character 10"])
    }

    @Test func aFormulaOverSeveralLinesReadsAndKeepsItsLine() throws {
        let formula = ">-\n    73306\n    + 28000*((op0 == 'conv1x1')\n             + (op1 == 'conv1x1'))\n"
        let s = try ScenarioLoader.parse(Self.yaml(formula), path: "arch.yaml")
        #expect(s.resources.first?.expression.comparisons.count == 2)
        do {
            _ = try ScenarioLoader.parse(Self.yaml(">-\n    73306\n    + 28000*((op0 == 'conv1x1')\n             + (op1 == 'conv7'))\n"), path: "arch.yaml")
            Issue.record("accepted conv7")
        } catch {
            #expect(error.line == 11 && error.description.contains("'conv7'"), "\(error)")
        }
    }
}
