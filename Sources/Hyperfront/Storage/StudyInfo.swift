/// A study's description, stored once when it is created.
public struct StudyInfo: Sendable, Equatable {
    public var name: String
    /// The scenario text (YAML) the study was made from.
    public var scenario: String
    public var scenarioPath: String
    public var seed: UInt64
    public var trials: Int
    public var parameterNames: [String]
    public var metricNames: [String]
    public var createdAt: Double
    /// The parsed model (the scenario text's canonical reading, with what the evaluator adds);
    /// nil for a study written before models were stored and not yet continued.
    public var model: StudyModel?

    public init(name: String, scenario: String, scenarioPath: String, seed: UInt64, trials: Int,
                parameterNames: [String], metricNames: [String], createdAt: Double, model: StudyModel? = nil) {
        self.name = name
        self.scenario = scenario
        self.scenarioPath = scenarioPath
        self.seed = seed
        self.trials = trials
        self.parameterNames = parameterNames
        self.metricNames = metricNames
        self.createdAt = createdAt
        self.model = model
    }
}
