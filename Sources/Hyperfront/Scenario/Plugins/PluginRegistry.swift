import Foundation

/// The samplers and evaluators a scenario may name. The standard list is in
/// `Sources/Studies/Registry.swift`; tests and library users may build their own.
public struct PluginRegistry: Sendable {
    public let samplers: [any SamplerPlugin]
    public let evaluators: [any EvaluatorPlugin]

    public init(samplers: [any SamplerPlugin], evaluators: [any EvaluatorPlugin]) {
        precondition(Set(samplers.map(\.key)).count == samplers.count, "two samplers share a key")
        precondition(Set(evaluators.map(\.key)).count == evaluators.count, "two evaluators share a key")
        self.samplers = samplers
        self.evaluators = evaluators
    }

    public var samplerKeys: [String] { samplers.map(\.key) }
    public var evaluatorKeys: [String] { evaluators.map(\.key) }

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
