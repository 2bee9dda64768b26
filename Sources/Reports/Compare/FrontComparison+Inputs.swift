import Foundation
import Hyperfront
import StudyStorages

extension FrontComparison {
    /// An input set of `compare` that cannot be read or compared, in words.
    public struct InputError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Reads the sets of a comparison — each a list of study files or CSV fronts (one run each)
    /// — and compares them. Objectives come from the first study given, or else from the first
    /// CSV's columns (minimised unless named in `maximize`). `registry`: the plug-ins a
    /// first-release study's stored scenario may name.
    /// `names`: each set's name (nil or missing: a single study's file name, else the paths).
    /// `filters` and `tolerances` (texts of `--where` and `--tolerance`) decide each input's
    /// front as its report would (for a study, replacing its scenario's `report:` settings).
    public static func read(sets: [[String]], names: [String?] = [], maximize: Set<String>, registry: PluginRegistry,
                            filters: [String] = [], tolerances: [String] = []) throws(InputError) -> FrontComparison {
        guard sets.count >= 2 else {
            throw InputError("compare needs at least two sets: 'hyperfront compare A B' or '--runs A1,A2 --runs B1,B2'")
        }
        if sets.contains(where: \.isEmpty) { throw InputError("every set of runs needs at least one file") }
        let paths = sets.flatMap { $0 }
        for p in paths where !StudyLocation.isURL(p) {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) { throw InputError("\(p): no such file") }
            if isDirectory.boolValue { throw InputError("\(p): is a directory; give a study file or a CSV front") }
        }
        var fronts: [String: ComparedFront] = [:]
        var objectives: [Objective]? = nil
        var fromStudy = false
        do {
            for p in paths where ComparedFront.isStudy(path: p) && fronts[p] == nil {
                let f = try ComparedFront.study(path: p, registry: registry, filters: filters, tolerances: tolerances)
                if objectives == nil { objectives = f.objectives; fromStudy = true }
                fronts[p] = f
            }
            for p in paths where fronts[p] == nil {
                let f = try ComparedFront.csv(path: p, objectives: objectives, maximize: maximize, exact: !fromStudy)
                    .selecting(filters: filters, tolerances: tolerances)
                if objectives == nil { objectives = f.objectives }
                fronts[p] = f
            }
        } catch { throw InputError(error.description) }
        if let objectives {
            let known = Set(objectives.map(\.metric))
            for m in maximize.sorted() where !known.contains(m) {
                throw InputError("--maximize \(m): no such objective in the inputs (objectives: \(objectives.map(\.metric).joined(separator: ", ")))")
            }
        }
        var sides: [Side] = []
        for (k, g) in sets.enumerated() {
            let given = k < names.count ? names[k] : nil
            let name = given ?? g.map { ComparedFront.isStudy(path: $0) ? ComparedFront.shortName(path: StudyLocation.masked($0)) : $0 }.joined(separator: ",")
            sides.append(Side(name: name, runs: g.compactMap { fronts[$0] }))
        }
        var seen: [String: Int] = [:]
        for (k, s) in sides.enumerated() {
            if let other = seen[s.name] {
                // Two sides of one name cannot be told apart: fall back to their full paths.
                if names.indices.contains(k), names[k] != nil { throw InputError("two sets are named '\(s.name)': give each --runs a name of its own") }
                sides[k].name = sets[k].joined(separator: ",")
                sides[other].name = sets[other].joined(separator: ",")
            }
            seen[s.name] = k
        }
        do { return try FrontComparison(sides: sides) } catch { throw InputError(error.description) }
    }
}
