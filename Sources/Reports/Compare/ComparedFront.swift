import Foundation
import Hyperfront
import Store
import StudyStorages

/// One input of a comparison: the objectives it was measured on and its points, read from
/// a study file (its feasible front) or a CSV file.
public struct ComparedFront: Sendable {
    /// Where it came from (the path), used as its name in the output.
    public var name: String
    public var objectives: [Objective]
    /// Points in the metrics' own units (rows), non-dominated.
    public var points: [[Double]]
    /// The study's seed (nil for a CSV front): runs of two sides pair by it.
    public var seed: UInt64?
    /// How many trials the study ran (nil for a CSV front): its budget.
    public var evaluations: Int?
    /// What the study was run on — its model with the search settings and name blanked, so
    /// evaluator, space, objectives and constraints — to tell when two fronts come from
    /// different problems (nil for a CSV front).
    public var scenario: StudyModel?

    public init(name: String, objectives: [Objective], points: [[Double]], seed: UInt64? = nil, evaluations: Int? = nil, scenario: StudyModel? = nil) {
        self.name = name
        self.objectives = objectives
        self.points = points
        self.seed = seed
        self.evaluations = evaluations
        self.scenario = scenario
    }

    /// A study file's name without its folder and extension ("runs/nsga2-s1.sqlite" → "nsga2-s1").
    public static func shortName(path: String) -> String {
        let base = (path as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return stem.isEmpty ? base : stem
    }

    /// Errors a person can act on; the CLI prints them with exit code 2.
    public enum ReadError: Error, CustomStringConvertible {
        case unreadable(String, String)
        case badCell(String, line: Int, column: String, text: String)
        case missingObjective(String, String, [String])
        case noObjectives(String)
        case otherColumns(String, [String], [String])
        case study(String)

        public var description: String {
            switch self {
            case .unreadable(let p, let why): return "\(p): cannot read (\(why))"
            case .badCell(let p, let line, let column, let text):
                return "\(p):\(line): column \(column): '\(text)' is not a number; write a plain number (e.g. 0.25 or 1.5e3)"
            case .missingObjective(let p, let m, let have):
                return "\(p): no column '\(m)' (it has \(have.joined(separator: ", "))); compare needs the same objectives in every input"
            case .noObjectives(let p): return "\(p): no numeric columns to compare"
            case .otherColumns(let p, let have, let want):
                return "\(p): its columns are \(have.joined(separator: ", ")), but the first input's objectives are \(want.joined(separator: ", ")); compare needs the same objectives in every input (drop or add columns so they match)"
            case .study(let why): return why
            }
        }
    }

    /// The feasible front of a study (`registry`: the plug-ins a first-release study's stored
    /// scenario may name), as its report shows it: `filters` and `tolerances` (texts of
    /// `--where` and `--tolerance`) replace the scenario's `report:` settings when given.
    public static func study(path: String, registry: PluginRegistry, filters: [String] = [], tolerances: [String] = []) throws(ReadError) -> ComparedFront {
        let report: StudyReport
        do {
            report = try StudyReport(storage: try StudyLocation.openStorage(path, readOnly: true), registry: registry)
                .selecting(where: filters, tolerance: tolerances)
        }
        catch let e as StudyStore.StoreError { throw .study(e.description) }
        catch let e as StudyReport.ReportError { throw .study(e.description) }
        catch let e as StudyReport.SelectionError { throw .study("\(StudyLocation.masked(path)): \(e.description)") }
        catch { throw .study("\(StudyLocation.masked(path)): \(error)") }
        let objectives = report.model.objectives
        let rows = report.front.map { i in objectives.map { report.metric($0.metric, of: i) ?? .nan } }
        var problem = report.model
        problem.name = ""
        problem.search = SearchModel(algorithm: "", trials: 0, seed: 0, workers: 0)
        let finished = report.trials.count - report.running.count
        return ComparedFront(name: StudyLocation.masked(path), objectives: objectives, points: rows, seed: report.info.seed, evaluations: finished, scenario: problem)
    }

    /// Whether a file is a study (SQLite) rather than text.
    public static func isStudy(path: String) -> Bool {
        if StudyLocation.isURL(path) { return true }
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        return head.starts(with: Array("SQLite format 3".utf8))
    }

    /// A CSV (or whitespace-separated) file of points. With a header, columns are matched by
    /// name to `objectives` (or, when nil, every numeric column except trial, generation and
    /// violation is an objective, minimised unless named in `maximize`); rows of a
    /// `report --format csv` file that are not complete and feasible are skipped. Without a
    /// header every column is an objective `f1`, `f2`, …
    ///
    /// `exact`: the objectives came from another CSV (all of whose numeric columns are
    /// objectives), so this file's numeric columns must be the same ones — an extra column is
    /// refused, not ignored. Against a study's objectives, columns are matched by name.
    public static func csv(path: String, objectives: [Objective]?, maximize: Set<String>, exact: Bool = false) throws(ReadError) -> ComparedFront {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw .unreadable(path, error.localizedDescription) }
        var lines: [(Int, [String])] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.contains(",") ? line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                                           : line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            lines.append((n + 1, cells))
        }
        guard let first = lines.first else { throw .noObjectives(path) }
        let hasHeader = first.1.contains { Double($0) == nil }
        let header = hasHeader ? first.1 : (1...first.1.count).map { "f\($0)" }
        let body = hasHeader ? Array(lines.dropFirst()) : lines
        let skip: Set<String> = ["trial", "generation", "violation", "state"]
        let numeric = header.indices.filter { k in !skip.contains(header[k]) && body.allSatisfy { k < $0.1.count && ($0.1[k].isEmpty || Double($0.1[k]) != nil) } }
        let chosen: [Objective]
        if let objectives {
            chosen = objectives
            let own = numeric.map { header[$0] }, want = objectives.map(\.metric)
            // Without a header, columns are matched by position: their number must agree.
            if (exact || !hasHeader) && Set(own) != Set(want) || (!hasHeader && header.count != want.count) {
                throw .otherColumns(path, hasHeader ? own : ["\(header.count) unnamed columns"], want)
            }
        } else {
            chosen = numeric.map { Objective(metric: header[$0], goal: maximize.contains(header[$0]) ? .maximize : .minimize) }
        }
        if chosen.isEmpty { throw .noObjectives(path) }
        var columns: [Int] = []
        for o in chosen {
            guard let k = header.firstIndex(of: o.metric) else { throw .missingObjective(path, o.metric, header) }
            columns.append(k)
        }
        let stateColumn = header.firstIndex(of: "state"), violationColumn = header.firstIndex(of: "violation")
        var rows: [[Double]] = []
        for (n, cells) in body {
            if let s = stateColumn, s < cells.count, cells[s] != "complete" { continue }
            if let v = violationColumn, v < cells.count, let x = Double(cells[v]), x > 0 { continue }
            var row: [Double] = []
            for (o, k) in zip(chosen, columns) {
                let cell = k < cells.count ? cells[k] : ""
                guard let x = Double(cell), x.isFinite else { throw .badCell(path, line: n, column: o.metric, text: cell) }
                row.append(x)
            }
            rows.append(row)
        }
        return ComparedFront(name: path, objectives: chosen, points: rows)
    }
}
