/// The `search:` section: which sampler, how many trials, the seed and the workers — the same
/// for every sampler — plus the chosen sampler's own settings, as its plug-in read them.
public struct SearchSettings: Sendable, Hashable, Codable {
    /// A registered sampler's scenario key (`nsga2`, `random`, `grid`, …).
    public struct Algorithm: PluginKey {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
    }

    public var algorithm: Algorithm = "nsga2"
    /// Total number of trials to run.
    public var trials: Int = 240
    public var seed: UInt64 = 1
    /// Trials run at once.
    public var workers: Int = 1
    /// Stop the run after this many consecutive trials failed with the same reason (0: never;
    /// nil: the run's default, 5).
    public var maxFailures: Int? = nil
    /// Sampler settings given in the scenario (or set by the evaluator's defaults), by key
    /// (`population`, `crossover.eta`); a setting not listed takes its plug-in's default.
    public var options: [String: SettingValue] = [:]

    public init() {}

    /// The value of a plug-in setting: the one given, else its default.
    public func value(_ setting: Setting) -> SettingValue? { options[setting.key] ?? setting.defaultValue }

    /// The most trials one study may ask for.
    public static let maximumTrials = 100_000_000
    /// The most trials one study may run at once: each worker may start a process or a thread.
    public static let maximumWorkers = 256
}
