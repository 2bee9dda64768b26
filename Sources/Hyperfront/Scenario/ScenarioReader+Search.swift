import Foundation
import Yams

/// The `search:` section: the keys every sampler shares (algorithm, trials, seed, workers),
/// then each registered sampler's own settings, checked against their declarations.
extension ScenarioReader {
    func searchSettings(_ node: Node?, defaults: SearchSettings) throws(ScenarioError) -> SearchSettings {
        var s = defaults
        let declared = registry.samplerSettings
        var sections: [String] = []
        for d in declared where !sections.contains(d.section) { sections.append(d.section) }
        var given: [String: ScenarioNode] = [:]
        if let node {
            let example = "{algorithm: \(registry.samplerKeys.first ?? "nsga2"), trials: 240, seed: 7}"
            let pairs = try mapping(node, "search", allowed: ScenarioLoader.searchKeys + sections, example: example)
            for (key, _, v) in pairs {
                let field = "search.\(key)"
                given[key] = ScenarioNode(self, v, field)
                switch key {
                case "algorithm":
                    let a = try string(v, field, example: "algorithm: \(registry.samplerKeys.first ?? "nsga2")")
                    let key = a.lowercased().replacingOccurrences(of: "-", with: "")
                    guard registry.sampler(SearchSettings.Algorithm(rawValue: key)) != nil else {
                        let (message, hint) = registry.unknownAlgorithm(a)
                        throw error(v, field, message, hint: hint)
                    }
                    s.algorithm = SearchSettings.Algorithm(rawValue: key)
                case "trials":
                    s.trials = try positiveInt(v, field, example: "trials: 240")
                    let limit = SearchSettings.maximumTrials
                    if s.trials > limit { throw error(v, field, "at most \(limit) trials, found \(s.trials)", hint: "write e.g. trials: 240") }
                case "seed":
                    let seed = try int(v, field, example: "seed: 7")
                    if seed < 0 { throw error(v, field, "must be 0 or more", hint: "write seed: 7") }
                    s.seed = UInt64(seed)
                case "workers":
                    s.workers = try positiveInt(v, field, example: "workers: 2")
                    let limit = SearchSettings.maximumWorkers
                    if s.workers > limit {
                        throw error(v, field, "at most \(limit) workers, found \(s.workers)",
                                    hint: "write e.g. workers: \(min(ProcessInfo.processInfo.activeProcessorCount, limit)) (each worker runs one trial at a time, as a thread or a process)")
                    }
                case "max_failures":
                    let n = try int(v, field, example: "max_failures: 5")
                    if n < 0 { throw error(v, field, "must be 0 (never stop) or more, found \(n)", hint: "write max_failures: 5") }
                    s.maxFailures = n
                default:
                    if let d = declared.first(where: { $0.key == key }) {
                        s.options[key] = try setting(v, field, d)
                        continue
                    }
                    let inner = declared.filter { $0.section == key && $0.inner != nil }
                    let example = "{" + inner.map(\.example).joined(separator: ", ") + "}"
                    let sub = try mapping(v, field, allowed: inner.compactMap(\.inner), example: example)
                    for (k, _, x) in sub {
                        let d = inner.first { $0.inner == k }!
                        given[d.key] = ScenarioNode(self, x, "\(field).\(k)")
                        s.options[d.key] = try setting(x, "\(field).\(k)", d)
                    }
                }
            }
        }
        let located = GivenSettings(section: node.map { ScenarioNode(self, $0, "search") }, nodes: given)
        for plugin in registry.samplers { try plugin.check(&s, given: located) }
        return s
    }

    /// A plug-in setting's value, checked against its declared kind and range.
    func setting(_ node: Node, _ field: String, _ d: Setting) throws(ScenarioError) -> SettingValue {
        switch d.kind {
        case .int(let range):
            let v = try int(node, field, example: d.example)
            if v < range.lowerBound { throw error(node, field, "must be at least \(range.lowerBound), found \(v)", hint: "write \(d.example)") }
            if v > range.upperBound { throw error(node, field, "must be at most \(range.upperBound), found \(v)", hint: "write \(d.example)") }
            return .int(v)
        case .double(let range):
            let v = try double(node, field, example: d.example)
            if !range.contains(v) {
                let lo = range.lowerBound, hi = range.upperBound
                let rule = lo.isFinite && hi.isFinite ? "must be between \(formatNumber(lo)) and \(formatNumber(hi))"
                    : lo.isFinite ? (lo == 0 ? "must be 0 or more" : "must be at least \(formatNumber(lo))")
                    : "must be at most \(formatNumber(hi))"
                throw error(node, field, "\(rule), found \(formatNumber(v))", hint: "write \(d.example)")
            }
            return .double(v)
        case .name(let names):
            let v = try string(node, field, example: d.example)
            guard names.contains(v) else {
                throw error(node, field, "unknown value '\(v)'",
                            hint: (closest(to: v, in: names).map { "did you mean '\($0)'? " } ?? "") + "write one of: \(names.joined(separator: ", "))")
            }
            return .name(v)
        }
    }
}
