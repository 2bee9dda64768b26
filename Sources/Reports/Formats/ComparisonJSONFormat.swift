import Hyperfront

/// The comparison as JSON, schema version 1 (stable; fields are only ever added):
///
/// ```
/// { "schema": 1,
///   "objectives": [{"metric": m, "goal": "minimize"|"maximize"}],
///   "normalisation": {"lower": [...], "upper": [...]},     // minimised objectives
///   "reference_point": [1.1, ...],                          // normalised
///   "union_front": [[...]],                                 // normalised, minimised
///   "sets": [{"label": "A", "name": n, "runs": [{"name": n, "points": k, "hypervolume": x,
///             "igd": x, "igd_plus": x, "epsilon_additive": x}],
///             "summary": {indicator: {"median", "q1", "q3", "min", "max"}},
///             "territory": {"points": k, "ranges": {metric: [lo, hi]}},
///             "attainment": [{"name": "best"|"median"|"worst", "level": t,
///                             "objectives": [m1, m2], "points": [[x, y]]}]}],
///   "coverage": [[C(A, A)=null, C(A, B), ...], ...],
///   "paired": bool,                                         // Wilcoxon (true) or Mann–Whitney
///   "verdicts": [{"indicator": i, "first": name, "second": name, "better": name|null,
///                 "negligible": bool, "test": name|null, "p": x|null, "exact": bool|null,
///                 "probability_first_better": x|null, "wins": {"first", "second", "ties"}|null,
///                 "sentence": text}],
///   "warnings": [text],
///   "best_values": {metric: [per set, own units]} }
/// `normalisation` also holds "scale", the divisor of each objective.
/// ```
/// Full-precision numbers (shortest round-trip form).
public enum ComparisonJSONFormat {
    public static func render(_ c: FrontComparison) -> String {
        func n(_ v: Double) -> String { v.isFinite ? formatNumber(v) : "null" }
        func arr(_ v: [Double]) -> String { "[" + v.map(n).joined(separator: ", ") + "]" }
        var o = "{\n  \"schema\": 1,\n"
        o += "  \"objectives\": [" + c.objectives.map { "{\"metric\": \(jsonQuote($0.metric)), \"goal\": \"\($0.goal.rawValue)\"}" }.joined(separator: ", ") + "],\n"
        o += "  \"normalisation\": {\"lower\": \(arr(c.lower)), \"upper\": \(arr(c.upper)), \"scale\": \(arr(c.scale))},\n"
        o += "  \"reference_point\": \(arr(c.reference)),\n"
        o += "  \"union_front\": [" + c.unionFront.map(arr).joined(separator: ", ") + "],\n"
        o += "  \"sets\": [\n"
        o += c.sides.enumerated().map { k, s -> String in
            var e = "    {\"label\": \"\(ComparisonTextFormat.label(k))\", \"name\": \(jsonQuote(s.name)),\n     \"runs\": ["
            e += zip(s.runs, c.indicators[k]).map { r, i in
                "{\"name\": \(jsonQuote(r.name)), \"points\": \(i.size), \"hypervolume\": \(n(i.hypervolume)), \"igd\": \(n(i.igd)), \"igd_plus\": \(n(i.igdPlus)), \"epsilon_additive\": \(n(i.epsilonAdditive))}"
            }.joined(separator: ", ") + "],\n"
            let kps: [(String, KeyPath<FrontComparison.Indicators, Double>)] = [("hypervolume", \.hypervolume), ("igd", \.igd), ("igd_plus", \.igdPlus), ("epsilon_additive", \.epsilonAdditive)]
            e += "     \"summary\": {" + kps.map { name, kp in
                let sp = c.spread(side: k, kp)
                return "\"\(name)\": {\"median\": \(n(sp.median)), \"q1\": \(n(sp.lowerQuartile)), \"q3\": \(n(sp.upperQuartile)), \"min\": \(n(sp.minimum)), \"max\": \(n(sp.maximum))}"
            }.joined(separator: ", ") + "},\n"
            let t = c.territory[k]
            e += "     \"territory\": {\"points\": \(t.points), \"ranges\": {" + zip(c.objectives, t.ranges).map { "\(jsonQuote($0.metric)): [\(n($1.lower)), \(n($1.upper))]" }.joined(separator: ", ") + "}},\n"
            e += "     \"attainment\": [" + c.surfaces[k].map { s in
                "{\"name\": \"\(s.name)\", \"level\": \(s.level), \"objectives\": [\(jsonQuote(c.objectives[s.objectives.0].metric)), \(jsonQuote(c.objectives[s.objectives.1].metric))], \"points\": ["
                    + s.points.map { "[\(n($0.0)), \(n($0.1))]" }.joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]}"
            return e
        }.joined(separator: ",\n")
        o += "\n  ],\n"
        o += "  \"coverage\": [" + c.sides.indices.map { a in "[" + c.sides.indices.map { b in a == b ? "null" : n(c.coverage[a][b]) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "],\n"
        o += "  \"paired\": \(c.paired),\n"
        o += "  \"verdicts\": [\n" + c.verdicts.map { v in
            let t = v.test
            let w = v.wins.map { "{\"first\": \($0.first), \"second\": \($0.second), \"ties\": \($0.ties)}" } ?? "null"
            return "    {\"indicator\": \(jsonQuote(v.indicator)), \"first\": \(jsonQuote(c.sides[v.first].name)), \"second\": \(jsonQuote(c.sides[v.second].name)), "
                + "\"better\": \(v.better.map { jsonQuote(c.sides[$0].name) } ?? "null"), \"negligible\": \(v.negligible), \"test\": \(v.testName.map(jsonQuote) ?? "null"), "
                + "\"p\": \(t.map { n($0.p) } ?? "null"), \"exact\": \(t.map { "\($0.exact)" } ?? "null"), \"probability_first_better\": \(v.probabilityFirstBetter.map(n) ?? "null"), "
                + "\"wins\": \(w), \"sentence\": \(jsonQuote(v.sentence))}"
        }.joined(separator: ",\n") + "\n  ],\n"
        o += "  \"warnings\": [" + c.warnings.map(jsonQuote).joined(separator: ", ") + "],\n"
        let best = c.bestValues
        o += "  \"best_values\": {" + c.objectives.enumerated().map { k, ob in "\(jsonQuote(ob.metric)): [" + best.map { n($0[k]) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "}\n}\n"
        return o
    }
}
