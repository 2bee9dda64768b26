import Testing
@testable import Hyperfront

/// Choice lists: duplicates are named, long lists parse (checked with sets, not a linear search per value).
private func choiceScenario(_ values: [String]) -> String {
    base + "\nspace:\n  u: {choice: [\(values.joined(separator: ", "))]}\nobjectives: [{metric: loss}]\n"
}

@Test func aRepeatedChoiceNamesTheValueAndItsLine() throws {
    let values = (1...3000).map(String.init) + ["1234"] + (3001...3100).map(String.init)
    do {
        _ = try ScenarioLoader.parse(choiceScenario(values), path: "dup.yaml")
        Issue.record("expected an error for the repeated value")
    } catch {
        #expect(error.field == "space.u.choice")
        #expect(error.description.contains("the value 1234 is listed twice"), "\(error)")
    }
}

@Test func aNumberWrittenTwiceInDifferentFormsIsARepeat() throws {
    do {
        _ = try ScenarioLoader.parse(choiceScenario(["8", "2.5", "8.0"]), path: "dup.yaml")
        Issue.record("expected an error for 8 and 8.0")
    } catch {
        #expect(error.description.contains("the value 8 is listed twice"), "\(error)")
    }
    do {
        _ = try ScenarioLoader.parse(choiceScenario(["a", "b", "a"]), path: "dup.yaml")
        Issue.record("expected an error for the repeated name")
    } catch {
        #expect(error.description.contains("the value a is listed twice"), "\(error)")
    }
}

@Test func aLongChoiceListParsesInOrder() throws {
    let n = 20_000
    let values = (0..<n).reversed().map { String($0 * 3) }
    let scenario = try ScenarioLoader.parse(choiceScenario(values), path: "long.yaml")
    let parameter = try #require(scenario.space.parameters.first { $0.name == "u" })
    guard case .ordinal(let numbers) = parameter.domain else {
        Issue.record("expected an ordinal domain, found \(parameter.domain)")
        return
    }
    #expect(numbers.count == n)
    #expect(numbers.first == 0 && numbers.last == Double((n - 1) * 3))
    #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
}
