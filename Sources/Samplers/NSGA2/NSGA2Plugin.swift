import Hyperfront

/// NSGA-II in a scenario: `search: {algorithm: nsga2, population: 24, crossover: {probability:
/// 0.9, eta: 15}, mutation: {eta: 20}}`, or `generations:` instead of `trials:`.
public struct NSGA2Plugin: SamplerPlugin {
    public init() {}

    public var key: String { SearchSettings.Algorithm.nsga2.rawValue }

    /// The largest population: a generation is bred and sorted at once, so memory and time per
    /// generation grow with it (10^7 took 1 GB and 40 s before a single trial ran).
    public static let maximumPopulation = 100_000

    /// Deb et al. 2002 use 100; hyperparameter searches use less.
    static let population = Setting("population", .int(2...maximumPopulation), default: .int(24), example: "population: 24")
    /// trials = generations × population.
    static let generations = Setting("generations", .int(1...Int.max), default: nil, example: "generations: 250")
    /// SBX (Deb & Agrawal 1995): probability a pair of parents is crossed, distribution index η_c.
    static let crossoverProbability = Setting("crossover.probability", .double(0...1), default: .double(0.9), example: "probability: 0.9")
    static let crossoverEta = Setting("crossover.eta", .double(0...Double.infinity), default: .double(15), example: "eta: 15")
    /// Polynomial mutation (Deb & Goyal 1996): per-parameter probability (default 1/n, n =
    /// number of searched parameters) and distribution index η_m.
    static let mutationProbability = Setting("mutation.probability", .double(0...1), default: nil, example: "probability: 0.1")
    static let mutationEta = Setting("mutation.eta", .double(0...Double.infinity), default: .double(20), example: "eta: 20")

    public var settings: [Setting] {
        [Self.population, Self.generations, Self.crossoverProbability, Self.crossoverEta, Self.mutationProbability, Self.mutationEta]
    }

    public func check(_ search: inout SearchSettings, given: GivenSettings) throws(ScenarioError) {
        let limit = SearchSettings.maximumTrials
        if let g = search.options.removeValue(forKey: Self.generations.key)?.int {
            if given["trials"] != nil {
                throw given.error(at: "generations", "give either 'trials' or 'generations', not both",
                                  hint: "remove one (trials = generations × population)")
            }
            let (total, overflow) = g.multipliedReportingOverflow(by: search.population)
            if overflow || total > limit {
                throw given.error(at: "generations", "\(g) generations of \(search.population) make more than \(limit) trials", hint: "write e.g. generations: 250")
            }
            search.trials = total
        }
        // A population the file sets larger than its budget is a mistake; the default one is not
        // (a short run of NSGA-II is then its random first generation).
        if search.algorithm.rawValue == key && given["population"] != nil && search.population > search.trials {
            throw given.error(at: "population",
                              "a population of \(search.population) is more than the \(search.trials) trials",
                              hint: "NSGA-II evaluates a whole population before it breeds the next: write trials: \(search.population) or more, or a smaller population")
        }
    }

    public func makeSampler(space: SearchSpace, search: SearchSettings) throws(PluginError) -> any Sampler {
        NSGA2Sampler(space: space, settings: search)
    }

    /// A quarter of the population for evaluators whose trials take real time, 0 otherwise.
    public func defaultPipelineDepth(search: SearchSettings, cheapTrials: Bool) -> Int {
        cheapTrials ? 0 : search.population / 4
    }
}

extension SearchSettings.Algorithm {
    public static let nsga2: Self = "nsga2"
}

/// NSGA-II's settings, read from `options` (or their defaults).
extension SearchSettings {
    public var population: Int {
        get { value(NSGA2Plugin.population)!.int! }
        set { options[NSGA2Plugin.population.key] = .int(newValue) }
    }
    public var crossoverProbability: Double {
        get { value(NSGA2Plugin.crossoverProbability)!.double! }
        set { options[NSGA2Plugin.crossoverProbability.key] = .double(newValue) }
    }
    public var crossoverEta: Double {
        get { value(NSGA2Plugin.crossoverEta)!.double! }
        set { options[NSGA2Plugin.crossoverEta.key] = .double(newValue) }
    }
    /// nil: 1/n, n = number of searched parameters.
    public var mutationProbability: Double? {
        get { value(NSGA2Plugin.mutationProbability)?.double }
        set { options[NSGA2Plugin.mutationProbability.key] = newValue.map(SettingValue.double) }
    }
    public var mutationEta: Double {
        get { value(NSGA2Plugin.mutationEta)!.double! }
        set { options[NSGA2Plugin.mutationEta.key] = .double(newValue) }
    }
}
