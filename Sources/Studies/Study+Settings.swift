import Hyperfront

extension Study {
    /// What a run may change against the scenario's `search:` section: each nil field keeps the
    /// scenario's value (a new study) or the study's own (a resumed one).
    public struct Overrides: Sendable, Hashable {
        public var seed: UInt64?
        /// The total trial budget; on resume it may grow (or shrink: the run then stops there,
        /// and the study keeps its trials).
        public var trials: Int?
        /// Trials run at once (1 ... `Study.maximumWorkers`); never changes which trials run.
        public var workers: Int?
        /// NSGA-II pipelining depth (see `BatchSchedule`); changes which trials run.
        public var pipelineDepth: Int?
        public var algorithm: SearchSettings.Algorithm?
        /// Stop after this many consecutive failures with the same reason (0: never).
        public var maxFailures: Int?

        public init(seed: UInt64? = nil, trials: Int? = nil, workers: Int? = nil, pipelineDepth: Int? = nil,
                    algorithm: SearchSettings.Algorithm? = nil, maxFailures: Int? = nil) {
            self.maxFailures = maxFailures
            self.seed = seed
            self.trials = trials
            self.workers = workers
            self.pipelineDepth = pipelineDepth
            self.algorithm = algorithm
        }
    }

    /// The settings a run uses, resolved once, before any sampler is built.
    public struct Settings: Sendable, Hashable {
        public var seed: UInt64
        public var trials: Int
        public var workers: Int
        public var pipelineDepth: Int
        public var algorithm: SearchSettings.Algorithm
        /// The trial budget the sampler is built with: the one the study was created with, so
        /// a resumed study proposes what it proposed before (a grid smaller than its budget is
        /// visited in a seeded order that depends on it).
        public var samplerBudget: Int
        /// The run stops after this many consecutive trials failed with the same reason (0:
        /// never); never changes which trials run before that.
        public var maxFailures: Int = Study.defaultMaxFailures
    }

    /// What a study file says about the settings it was run with (nil: not recorded, e.g. by
    /// the first release).
    public struct StoredSettings: Sendable, Hashable {
        public var seed: UInt64
        public var trials: Int
        public var pipelineDepth: Int?
        public var algorithm: SearchSettings.Algorithm?
        public var samplerBudget: Int?

        public init(seed: UInt64, trials: Int, pipelineDepth: Int? = nil, algorithm: SearchSettings.Algorithm? = nil,
                    samplerBudget: Int? = nil) {
            self.seed = seed
            self.trials = trials
            self.pipelineDepth = pipelineDepth
            self.algorithm = algorithm
            self.samplerBudget = samplerBudget
        }
    }

    /// Most trials run at once. Each worker is a thread (and, for a command, a process): a
    /// fixed limit keeps one flag from exhausting the machine, and — unlike a multiple of the
    /// machine's cores — a scenario valid on one machine is valid on every other.
    public static let maximumWorkers = 256

    /// Consecutive failures with the same reason after which a run stops (`--max-failures`,
    /// `search.max_failures`): a broken evaluator is reported after a few trials, not after all.
    public static let defaultMaxFailures = 5

    /// The pipeline depth used when none is given: the sampler's rule (NSGA-II: a quarter of its
    /// population, 0 for cheap trials). It depends on the scenario only — never on the number
    /// of workers.
    public static func defaultPipelineDepth(_ scenario: Scenario, algorithm: SearchSettings.Algorithm) -> Int {
        StudySetup.defaultPipelineDepth(scenario, algorithm: algorithm)
    }

    /// Resolves the settings of a run of `scenario` with `overrides`, continuing a study that
    /// recorded `stored` (nil: a new study). A resumed study keeps its seed, algorithm and
    /// pipeline depth (an override must match them) and its trial budget unless one is given.
    public static func resolve(_ scenario: Scenario, stored: StoredSettings?, overrides o: Overrides) throws(StudyError) -> Settings {
        let search = scenario.search
        if let problem = rangeProblem(o) { throw .invalid(problem) }
        if o.workers == nil, let problem = workersProblem(scenario) { throw .invalid(problem) }
        let maxFailures = o.maxFailures ?? search.maxFailures ?? defaultMaxFailures
        if let a = o.algorithm, PluginRegistry.standard.sampler(a) == nil {
            let (message, hint) = PluginRegistry.standard.unknownAlgorithm(a.rawValue)
            throw .invalid("--algorithm: \(message); \(hint)")
        }
        let workers = o.workers ?? search.workers
        guard let stored else {
            let algorithm = o.algorithm ?? search.algorithm
            let trials = o.trials ?? search.trials
            return Settings(seed: o.seed ?? search.seed, trials: trials, workers: workers,
                            pipelineDepth: o.pipelineDepth ?? defaultPipelineDepth(scenario, algorithm: algorithm),
                            algorithm: algorithm, samplerBudget: trials, maxFailures: maxFailures)
        }
        if let seed = o.seed, seed != stored.seed {
            throw .cannotResume("the study was made with seed \(stored.seed), not \(seed) (drop --seed, or give --seed \(stored.seed))")
        }
        // A study the first release made ran the algorithm its scenario names.
        let algorithm = stored.algorithm ?? search.algorithm
        if let a = o.algorithm, a != algorithm {
            throw .cannotResume("the study was run with --algorithm \(algorithm.rawValue), not \(a.rawValue) (drop --algorithm, or give --algorithm \(algorithm.rawValue); for another algorithm start a new study with --study)")
        }
        if let p = o.pipelineDepth, let s = stored.pipelineDepth, p != s {
            throw .cannotResume("the study was run with --pipeline \(s), not \(p) (drop --pipeline, or give --pipeline \(s))")
        }
        return Settings(seed: stored.seed, trials: o.trials ?? stored.trials, workers: workers,
                        pipelineDepth: stored.pipelineDepth ?? o.pipelineDepth ?? defaultPipelineDepth(scenario, algorithm: algorithm),
                        algorithm: algorithm, samplerBudget: stored.samplerBudget ?? stored.trials, maxFailures: maxFailures)
    }

    /// `scenario` with `settings` in its `search:` section, as the sampler is built from it.
    static func applying(_ settings: Settings, to scenario: Scenario) -> Scenario {
        var s = scenario
        s.search.seed = settings.seed
        s.search.trials = settings.samplerBudget
        s.search.workers = settings.workers
        s.search.algorithm = settings.algorithm
        return s
    }
}
