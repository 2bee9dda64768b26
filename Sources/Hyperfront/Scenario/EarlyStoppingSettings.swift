/// The scenario's `early_stopping:` section: which scheduler stops unpromising trials, and on
/// which intermediate key it counts their progress.
///
/// Rungs are at `min_resource · η^k` below `max_resource` (η = `reduction_factor`); at each rung
/// the top 1/η of the trials that reached it go on (asynchronous successive halving, Li et al.
/// 2020; Hyperband runs several such brackets that start at different rungs, Li et al. 2018).
public struct EarlyStoppingSettings: Sendable, Hashable, Codable {
    /// The `algorithm:` key of a registered scheduler (`SchedulerPlugin`), or `none`.
    public struct Algorithm: PluginKey {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// No early stopping: every trial runs to its end.
        public static let none: Algorithm = "none"
    }

    public var algorithm: Algorithm
    /// The intermediate report key that counts progress (`epoch`); reports without it count by
    /// their step.
    public var resource: String
    public var minResource: Double
    public var maxResource: Double
    public var reductionFactor: Int

    public init(algorithm: Algorithm = .none, resource: String = "step", minResource: Double = 1, maxResource: Double = 27,
                reductionFactor: Int = 3) {
        self.algorithm = algorithm
        self.resource = resource
        self.minResource = minResource
        self.maxResource = maxResource
        self.reductionFactor = reductionFactor
    }

    public static let keys = ["algorithm", "resource", "min_resource", "max_resource", "reduction_factor"]
}
