import Foundation
import Hyperfront

/// Looks a configuration's metrics up in a table (CSV: one column per searched parameter,
/// named as in the space, values written as `Value.description`; then one column per
/// metric). A configuration missing from the table fails.
struct TableEvaluator: Evaluator {
    let metricNames: [String]
    let rows: [String: [Double]]
    let parameterColumns: [String]

    init(path: String, space: SearchSpace) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let searched = space.parameters.filter { GeneCodingProbe.isSearched($0.domain) }.map(\.name)
        guard Array(header.prefix(searched.count)) == searched else {
            throw TableError("\(path): the first columns must be \(searched.joined(separator: ",")), found \(header.joined(separator: ","))")
        }
        parameterColumns = searched
        metricNames = Array(header.dropFirst(searched.count))
        var rows: [String: [Double]] = [:]
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[cells.prefix(searched.count).joined(separator: ",")] = cells.dropFirst(searched.count).map { Double($0) ?? .nan }
        }
        self.rows = rows
    }

    /// The table key of `c`: its searched parameters' values (inactive ones empty).
    static func key(_ c: Configuration, _ space: SearchSpace) -> String {
        space.parameters.indices.filter { GeneCodingProbe.isSearched(space[$0].domain) }
            .map { c[$0].isNaN ? "" : space[$0].domain.decode(c[$0]).description }.joined(separator: ",")
    }

    func evaluate(_ request: TrialRequest) -> TrialOutcome {
        guard let values = rows[Self.key(request.configuration, request.space)] else { return .failed("not in the table") }
        var metrics: [String: Double] = [:]
        for (name, v) in zip(metricNames, values) where v.isFinite { metrics[name] = v }
        return TrialOutcome(metrics: metrics)
    }
}

struct TableError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

enum GeneCodingProbe {
    static func isSearched(_ d: Domain) -> Bool {
        if case .fixed = d { return false }
        return (d.cardinality ?? 2) > 1
    }
}
