import Foundation

/// The samplers, evaluators and early-stopping schedulers a scenario may name. The standard list is in
/// `Sources/Studies/Registry.swift`; tests and library users may build their own.
public struct PluginRegistry: Sendable {
    public let samplers: [any SamplerPlugin]
    public let evaluators: [any EvaluatorPlugin]
    public let schedulers: [any SchedulerPlugin]

    public init(samplers: [any SamplerPlugin], evaluators: [any EvaluatorPlugin], schedulers: [any SchedulerPlugin] = []) {
        precondition(Set(samplers.map(\.key)).count == samplers.count, "two samplers share a key")
        precondition(Set(evaluators.map(\.key)).count == evaluators.count, "two evaluators share a key")
        precondition(Set(schedulers.map(\.key)).count == schedulers.count && !schedulers.contains { $0.key == "none" },
                     "two schedulers share a key, or one is called 'none'")
        self.samplers = samplers
        self.evaluators = evaluators
        self.schedulers = schedulers
    }

    public var samplerKeys: [String] { samplers.map(\.key) }
    public var evaluatorKeys: [String] { evaluators.map(\.key) }
    public var schedulerKeys: [String] { schedulers.map(\.key) }

    /// The scheduler the scenario's `early_stopping:` section asks for; nil for `none`.
    public func scheduler(for scenario: Scenario) -> (any TrialScheduler)? {
        let key = scenario.earlyStopping.algorithm.rawValue
        guard key != EarlyStoppingSettings.Algorithm.none.rawValue else { return nil }
        guard let plugin = schedulers.first(where: { $0.key == key }) else {
            preconditionFailure("early_stopping.algorithm '\(key)' is not registered (the scenario was read with another registry)")
        }
        return plugin.makeScheduler(for: scenario)
    }

    public func sampler(_ algorithm: SearchSettings.Algorithm) -> (any SamplerPlugin)? {
        samplers.first { $0.key == algorithm.rawValue }
    }

    public func evaluator(_ key: String) -> (any EvaluatorPlugin)? {
        evaluators.first { $0.key == key }
    }

    /// Every sampler setting by key; a key two samplers declare is read by the first one's rule.
    var samplerSettings: [Setting] {
        var seen: Set<String> = [], out: [Setting] = []
        for s in samplers.flatMap(\.settings) where seen.insert(s.key).inserted { out.append(s) }
        return out
    }

    /// The message for a sampler key that is not registered.
    public func unknownAlgorithm(_ name: String) -> (message: String, hint: String) {
        let all = samplerKeys
        return ("unknown algorithm '\(name)'",
                (closest(to: name, in: all).map { "did you mean '\($0)'? " } ?? "") + "write one of: \(all.joined(separator: ", "))")
    }
}

extension CodingUserInfoKey {
    /// The `PluginRegistry` that decodes an `EvaluatorSpec` (its settings' type depends on the plug-in).
    public static let pluginRegistry = CodingUserInfoKey(rawValue: "hyperfront.pluginRegistry")!
}
