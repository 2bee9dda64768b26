import Yams

/// The `report:` section: report-only filters and tolerances.
///
/// ```yaml
/// report:
///   where: ["accuracy>=0.9", "memory_bytes<=4000000"]   # or one string
///   tolerance: {train_seconds: 5%, accuracy: 0.002}      # or a list: ["train_seconds=5%"]
/// ```
extension ScenarioReader {
    static let reportKeys = ["where", "tolerance"]

    func reportSettings(_ node: Node, objectives: [Objective], metrics: [String]) throws(ScenarioError) -> ReportSettings {
        var settings = ReportSettings()
        let example = "{where: [\"accuracy>=0.9\"], tolerance: {train_seconds: 5%}}"
        for (key, _, v) in try mapping(node, "report", allowed: Self.reportKeys, example: example) {
            let field = "report.\(key)"
            switch key {
            case "where":
                let items: [Node]
                if case .scalar = v { items = [v] } else { items = try sequence(v, field, example: "where: [\"accuracy>=0.9\"]") }
                for (k, item) in items.enumerated() {
                    let text = try string(item, "\(field)[\(k)]", example: "\"accuracy>=0.9\"")
                    do { settings.filters.append(try MetricFilter.parse(text, metrics: metrics)) }
                    catch { throw self.error(item, "\(field)[\(k)]", "'\(text)': \(error.problem)") }
                }
            case "tolerance":
                var entries: [(text: String, node: Node, field: String)] = []
                if case .mapping = v {
                    for (metric, _, amount) in try mapping(v, field, allowed: nil, example: "tolerance: {train_seconds: 5%}") {
                        let a = try string(amount, "\(field).\(metric)", example: "\(metric): 5%")
                        entries.append(("\(metric)=\(a)", amount, "\(field).\(metric)"))
                    }
                } else {
                    for (k, item) in try sequence(v, field, example: "tolerance: {train_seconds: 5%, accuracy: 0.002}").enumerated() {
                        entries.append((try string(item, "\(field)[\(k)]", example: "\"train_seconds=5%\""), item, "\(field)[\(k)]"))
                    }
                }
                for e in entries {
                    do { settings.tolerances.append(try ObjectiveTolerance.parse(e.text, objectives: objectives.map(\.metric), metrics: metrics)) }
                    catch { throw self.error(e.node, e.field, "'\(e.text)': \(error.problem)") }
                }
            default: break
            }
        }
        return settings
    }
}
