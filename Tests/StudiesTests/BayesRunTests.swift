import Foundation
import Testing
import Samplers
import Hyperfront
import IntegerPrograms
import Store
@testable import Studies

/// Random spaces with a parameter-count budget: every proposal of the Bayesian sampler fits
/// *as proposed* (before the run's repair), over 40 trials each.
@Test(arguments: [1, 2, 3, 4, 5])
func bayesProposalsFitRandomBudgets(_ seed: Int) throws {
    var rng = RandomSource(seed: UInt64(seed))
    let layers = 1 + Int(rng.nextUnit() * 4)
    let units = [8.0, 16, 32, 64, 128, 256, 512].prefix(3 + Int(rng.nextUnit() * 5))
    let ops = ["none", "skip", "conv1x1", "conv3x3"].prefix(2 + Int(rng.nextUnit() * 3))
    let budget = 2_000 + Int(rng.nextUnit() * 60_000)
    let yaml = """
    name: random-budget
    evaluator: {command: [none], metrics: [error, seconds]}
    space:
      layers: {int: [1, \(layers + 1)]}
      units:  {choice: [\(units.map { String(Int($0)) }.joined(separator: ", "))]}
      op:     {choice: [\(ops.joined(separator: ", "))]}
      lr:     {float: [1.0e-4, 1.0e-1], log: true}
    resources:
      params: "64*units + (layers-1)*(units*units + units) + 10*units"
    objectives:
      - {metric: error}
      - {metric: params}
    constraints:
      - {metric: params, max: \(budget)}
    search: {algorithm: bayes, trials: 40, seed: \(seed)}
    """
    let scenario = try ScenarioLoader.parse(yaml, path: "random-budget.yaml")
    let model = try BudgetModel(space: scenario.space, resources: scenario.resources, constraints: scenario.constraints)
    var sampler: any Sampler = lightBayes(scenario.space, budget: BudgetRepair(model: model))
    var sampling = RandomSource(seed: UInt64(seed))
    var known = Set<Configuration>()
    var proposed = 0
    while proposed < 40 {
        let batch = sampler.ask(limit: 40 - proposed, isKnown: { known.contains($0) }, using: &sampling)
        if batch.isEmpty { break }
        for p in batch {
            #expect(model.fits(p.configuration), "proposal \(proposed) breaks params ≤ \(budget)")
            #expect(known.insert(p.configuration).inserted)
            proposed += 1
        }
        sampler.tell(batch.map { p in
            let c = p.configuration
            let error = 1 / (1 + c[0] * Double(c[1] + 1)) + abs(log10(c[3]) + 2.5) / 10
            let params = scenario.resources[0].value(c, in: scenario.space)
            return Observation(configuration: c, generation: 0, objectives: [error, params], violation: 0)
        })
    }
    #expect(proposed == 40 || known.count == proposed)
}

/// The Bayesian sampler with fewer candidates per proposal (debug builds are slow).
func lightBayes(_ space: SearchSpace, budget: (any ProposalRepair)?) -> BayesSampler {
    var settings = BayesSettings()
    settings.randomCandidates = 64
    settings.mutationCandidates = 32
    settings.localStarts = 2
    return BayesSampler(space: space, settings: settings, budget: budget)
}

/// Every scenario shipped in Scenarios/ run with the Bayesian sampler: no proposal breaks a
/// budget known before training (made-up metrics stand in for the evaluator).
@Test func bayesProposalsFitEveryShippedScenario() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let dir = root.appendingPathComponent("Scenarios")
    let files = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(files.count >= 10)
    for file in files {
        var scenario = try ScenarioLoader.load(path: dir.appendingPathComponent(file).path)
        scenario.search.algorithm = .bayes
        let setup = try StudySetup.make(scenario)
        let s = setup.scenario
        let model = try BudgetModel(space: s.space, resources: s.resources, constraints: s.constraints)
        var sampler: any Sampler = lightBayes(s.space, budget: setup.repair)
        var rng = RandomSource(seed: 1)
        var known = Set<Configuration>()
        var told = 0
        while told < 16 {
            let batch = sampler.ask(limit: 16 - told, isKnown: { known.contains($0) }, using: &rng)
            if batch.isEmpty { break }
            for p in batch {
                #expect(model.fits(p.configuration), "\(file): a proposal breaks a budget")
                known.insert(p.configuration)
            }
            told += batch.count
            sampler.tell(batch.map { p in
                let v = p.configuration.values.map { $0.isNaN ? 0 : $0 }
                let objectives = s.objectives.indices.map { k in sin(Double(k + 1) * v.reduce(0, +)) + Double(k) * (v.first ?? 0) }
                return Observation(configuration: p.configuration, generation: 0, objectives: objectives, violation: 0)
            })
        }
        #expect(told == 16, "\(file): \(told) proposals")
    }
}

/// Same seed, same trials with 1 and 4 workers, for the Bayesian sampler with batches of 4
/// (the batch comes from the scenario, not from the number of workers).
@Test func bayesSameTrialsWithOneAndFourWorkers() throws {
    var scenario = toyScenario(trials: 24, algorithm: .bayes)
    scenario.search.batch = 4
    let (a, _) = try runToy(scenario, path: temporaryStudyPath(), workers: 1)
    let (b, _) = try runToy(scenario, path: temporaryStudyPath(), workers: 4)
    let x = try a.trials().sorted { $0.number < $1.number }.map(\.configuration)
    let y = try b.trials().sorted { $0.number < $1.number }.map(\.configuration)
    #expect(x.count == 24)
    #expect(x == y)
}
