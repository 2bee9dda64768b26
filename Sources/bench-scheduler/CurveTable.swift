import Foundation
import Hyperfront

/// A learning-curve table: per configuration of a discrete space, the metrics known before
/// training (`params`, `flops` per epoch) and each epoch's validation `accuracy` and
/// `val_loss` (empty after a diverged epoch).
///
/// CSV: `#` comment lines; a header of the searched parameters (named as in the space, values
/// written as `Value.description`), then `params,flops,accuracy_1…accuracy_E,val_loss_1…val_loss_E`.
struct CurveTable: Sendable {
    struct Row: Sendable {
        var params: Double
        var flops: Double
        var accuracy: [Double]
        var validationLoss: [Double]
    }

    let epochs: Int
    let parameterColumns: [String]
    let rows: [String: Row]

    init(epochs: Int, parameterColumns: [String], rows: [String: Row]) {
        self.epochs = epochs
        self.parameterColumns = parameterColumns
        self.rows = rows
    }

    init(path: String, space: SearchSpace) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        guard !lines.isEmpty else { throw BenchError("\(path): no header") }
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let searched = Self.searched(space)
        guard Array(header.prefix(searched.count)) == searched,
              header.count > searched.count + 2, header[searched.count] == "params", header[searched.count + 1] == "flops" else {
            throw BenchError("\(path): the columns must be \((searched + ["params", "flops", "accuracy_1…", "val_loss_1…"]).joined(separator: ",")), found \(header.joined(separator: ","))")
        }
        let e = (header.count - searched.count - 2) / 2
        var rows: [String: Row] = [:]
        for (i, line) in lines.enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count else { throw BenchError("\(path): row \(i + 1) has \(cells.count) cells, the header \(header.count)") }
            let numbers = cells.dropFirst(searched.count).map { Double($0) ?? .nan }
            rows[cells.prefix(searched.count).joined(separator: ",")] = Row(
                params: numbers[0], flops: numbers[1], accuracy: Array(numbers[2..<(2 + e)]), validationLoss: Array(numbers[(2 + e)...]))
        }
        self.init(epochs: e, parameterColumns: searched, rows: rows)
    }

    /// The CSV text, rows in `order`.
    func csv(order: [String], comment: String) -> String {
        var out = comment.split(separator: "\n").map { "# \($0)\n" }.joined()
        out += (parameterColumns + ["params", "flops"] + (1...epochs).map { "accuracy_\($0)" } + (1...epochs).map { "val_loss_\($0)" })
            .joined(separator: ",") + "\n"
        for key in order {
            guard let r = rows[key] else { continue }
            var cells = [key, formatNumber(r.params), formatNumber(r.flops)]
            cells += r.accuracy.map { $0.isFinite ? String(format: "%.4f", $0) : "" }
            cells += r.validationLoss.map { $0.isFinite ? String(format: "%.4g", $0) : "" }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The names of the parameters that vary in `space`.
    static func searched(_ space: SearchSpace) -> [String] {
        space.parameters.filter { isSearched($0.domain) }.map(\.name)
    }

    static func isSearched(_ d: Domain) -> Bool {
        if case .fixed = d { return false }
        return (d.cardinality ?? 2) > 1
    }

    /// The table key of `c`: its searched parameters' values (inactive ones empty).
    static func key(_ c: Configuration, _ space: SearchSpace) -> String {
        space.parameters.indices.filter { isSearched(space[$0].domain) }
            .map { c[$0].isNaN ? "" : space[$0].domain.decode(c[$0]).description }.joined(separator: ",")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
