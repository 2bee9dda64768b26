import Yams

/// The `early_stopping:` section.
extension ScenarioReader {
    func earlyStopping(_ node: Node) throws(ScenarioError) -> EarlyStoppingSettings {
        var s = EarlyStoppingSettings()
        let example = "{algorithm: asha, resource: epoch, min_resource: 1, max_resource: 27, reduction_factor: 3}"
        let pairs = try mapping(node, "early_stopping", allowed: EarlyStoppingSettings.keys, example: example)
        var maxNode: Node? = nil
        for (key, _, v) in pairs {
            let field = "early_stopping.\(key)"
            switch key {
            case "algorithm":
                let a = try string(v, field, example: "algorithm: asha")
                let all = [EarlyStoppingSettings.Algorithm.none.rawValue] + registry.schedulerKeys
                guard let alg = all.first(where: { $0 == a.lowercased() }).map(EarlyStoppingSettings.Algorithm.init(rawValue:)) else {
                    throw error(v, field, "unknown early-stopping algorithm '\(a)'", hint: (closest(to: a, in: all).map { "did you mean '\($0)'? " } ?? "") + "write one of: \(all.joined(separator: ", "))")
                }
                s.algorithm = alg
            case "resource":
                s.resource = try string(v, field, example: "resource: epoch")
                if s.resource.isEmpty { throw error(v, field, "must name an intermediate key", hint: "write resource: epoch") }
            case "min_resource", "max_resource":
                let x = try double(v, field, example: "\(key): \(key == "min_resource" ? 1 : 27)")
                guard x.isFinite, x > 0 else { throw error(v, field, "must be a positive number, found \(formatNumber(x))", hint: "write \(key): \(key == "min_resource" ? 1 : 27)") }
                if key == "min_resource" { s.minResource = x } else { s.maxResource = x; maxNode = v }
            case "reduction_factor":
                s.reductionFactor = try positiveInt(v, field, example: "reduction_factor: 3")
                if s.reductionFactor < 2 { throw error(v, field, "must be at least 2", hint: "write reduction_factor: 3") }
            default: break
            }
        }
        if s.maxResource < s.minResource {
            throw error(maxNode ?? node, "early_stopping.max_resource", "is below min_resource (\(formatNumber(s.maxResource)) < \(formatNumber(s.minResource)))",
                        hint: "write e.g. min_resource: 1, max_resource: 27")
        }
        return s
    }
}
