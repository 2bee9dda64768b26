import Foundation
import Hyperfront

/// Every trial's intermediate reports (learning curves), long format for pandas:
/// `report --intermediate --format csv` gives a header `trial,state,step,<metric>…` and one row
/// per report; `--format json` one object per trial with its reports in order. Metrics are the
/// union of the keys reported, sorted; an empty cell (or a missing key) is a value not reported,
/// or not finite. The same study gives the same bytes.
public enum IntermediateReports {
    /// One trial's reports, read back from the study file.
    public struct Curve: Sendable {
        public var trial: Int
        public var state: TrialState
        public var reports: [[String: Double]]
    }

    /// The curves of every trial of `storage`, by number.
    public static func curves(_ storage: any StudyStorage) throws(StudyStorageError) -> [Curve] {
        let decoder = JSONDecoder()   // reads numbers exactly
        var out: [Curve] = []
        for t in try storage.trials() {
            var reports: [[String: Double]] = []
            for line in try storage.intermediate(trial: t.number) {
                guard let o = try? decoder.decode([String: Double?].self, from: Data(line.utf8)) else { continue }
                reports.append(o.compactMapValues { $0 })
            }
            out.append(Curve(trial: t.number, state: t.state, reports: reports))
        }
        return out
    }

    public static func csv(_ curves: [Curve]) -> String {
        let keys = Set(curves.flatMap { $0.reports.flatMap(\.keys) }).subtracting(["step"]).sorted()
        var out = (["trial", "state", "step"] + keys.map(csvField)).joined(separator: ",") + "\n"
        for c in curves {
            for (i, r) in c.reports.enumerated() {
                let step = r["step"].map(formatNumber) ?? String(i + 1)
                out += ([String(c.trial), c.state.rawValue, step] + keys.map { r[$0].map(formatNumber) ?? "" }).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    public static func json(_ curves: [Curve]) -> String {
        var out = "{\"trials\": [\n"
        out += curves.map { c in
            let reports = c.reports.map { r in
                "{" + r.keys.sorted { a, b in a == "step" ? b != "step" : (b == "step" ? false : a < b) }
                    .map { "\(jsonQuote($0)): \(formatNumber(r[$0]!))" }.joined(separator: ", ") + "}"
            }
            return "  {\"trial\": \(c.trial), \"state\": \"\(c.state.rawValue)\", \"intermediate\": [" + reports.joined(separator: ", ") + "]}"
        }.joined(separator: ",\n")
        out += "\n]}\n"
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
