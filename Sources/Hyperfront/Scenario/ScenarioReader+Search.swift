import Foundation
import Yams

/// The `search:` section.
extension ScenarioReader {
    func searchSettings(_ node: Node, defaults: SearchSettings) throws(ScenarioError) -> SearchSettings {
        var s = defaults
        let pairs = try mapping(node, "search", allowed: ScenarioLoader.searchKeys, example: "{algorithm: nsga2, population: 24, trials: 240, seed: 7}")
        var trialsNode: Node? = nil, generationsNode: Node? = nil
        for (key, _, v) in pairs {
            let field = "search.\(key)"
            switch key {
            case "algorithm":
                let a = try string(v, field, example: "algorithm: nsga2")
                guard let alg = SearchSettings.Algorithm(rawValue: a.lowercased().replacingOccurrences(of: "-", with: "")) else {
                    let all = SearchSettings.Algorithm.allCases.map(\.rawValue)
                    throw error(v, field, "unknown algorithm '\(a)'", hint: (closest(to: a, in: all).map { "did you mean '\($0)'? " } ?? "") + "write one of: \(all.joined(separator: ", "))")
                }
                s.algorithm = alg
            case "population":
                s.population = try positiveInt(v, field, example: "population: 24")
                if s.population < 2 { throw error(v, field, "must be at least 2", hint: "write population: 24") }
            case "trials": trialsNode = v
            case "generations": generationsNode = v
            case "seed":
                let seed = try int(v, field, example: "seed: 7")
                if seed < 0 { throw error(v, field, "must be 0 or more", hint: "write seed: 7") }
                s.seed = UInt64(seed)
            case "workers": s.workers = try positiveInt(v, field, example: "workers: 2")
            case "crossover", "mutation":
                let sub = try mapping(v, field, allowed: ["probability", "eta"], example: "{probability: 0.9, eta: 15}")
                for (k, _, x) in sub {
                    let value = try double(x, "\(field).\(k)", example: k == "eta" ? "eta: 15" : "probability: 0.9")
                    if k == "probability" && !(0...1).contains(value) { throw error(x, "\(field).\(k)", "must be between 0 and 1, found \(formatNumber(value))", hint: "write probability: 0.9") }
                    if k == "eta" && value < 0 { throw error(x, "\(field).\(k)", "must be 0 or more, found \(formatNumber(value))", hint: "write eta: 15") }
                    switch (key, k) {
                    case ("crossover", "probability"): s.crossoverProbability = value
                    case ("crossover", _): s.crossoverEta = value
                    case ("mutation", "probability"): s.mutationProbability = value
                    default: s.mutationEta = value
                    }
                }
            case "grid_points":
                s.gridPoints = try positiveInt(v, field, example: "grid_points: 5")
                if s.gridPoints < 2 { throw error(v, field, "must be at least 2", hint: "write grid_points: 5") }
            default: break
            }
        }
        if let t = trialsNode, let g = generationsNode {
            throw error(g, "search.generations", "give either 'trials' or 'generations', not both", hint: "remove one (trials = generations × population): trials at \(t.mark?.description ?? "?")")
        }
        let limit = SearchSettings.maximumTrials
        if let t = trialsNode {
            s.trials = try positiveInt(t, "search.trials", example: "trials: 240")
            if s.trials > limit { throw error(t, "search.trials", "at most \(limit) trials, found \(s.trials)", hint: "write e.g. trials: 240") }
        }
        if let g = generationsNode {
            let generations = try positiveInt(g, "search.generations", example: "generations: 250")
            let (total, overflow) = generations.multipliedReportingOverflow(by: s.population)
            if overflow || total > limit {
                throw error(g, "search.generations", "\(generations) generations of \(s.population) make more than \(limit) trials", hint: "write e.g. generations: 250")
            }
            s.trials = total
        }
        return s
    }
}
