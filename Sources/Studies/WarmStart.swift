import Foundation
import Hyperfront

/// The finished trials of an earlier study, told to the sampler before its first proposal
/// (`hyperfront run --warm-start OLD`), so that a refined scenario does not start from zero.
///
/// Parameters are matched by name; each old trial's values are checked against the new
/// domains (`SearchSpace.configuration(known:)`), and a trial with a value outside them, or
/// without a value for a parameter the old study lacks, is left out and counted by reason.
/// Metrics are matched by name too (a resource the new scenario computes is recomputed), and
/// constraints are the new scenario's. Only complete trials are reused. The observations
/// themselves are recorded in the new study, so a resumed study or `hyperfront ask` replays
/// the same warm start without the old study file.
///
/// With NSGA-II the reused trials become the first parents (survival keeps the best
/// `population` of them), so the first batch is bred from the old front rather than drawn at
/// random; Bayesian search fits its surrogates to them; random and grid search ignore them.
public struct WarmStart: Sendable, Codable {
    /// One reused trial as the sampler is told it.
    public struct Told: Sendable, Codable {
        public var trial: Int
        /// The configuration in the new space (NaN, an inactive parameter, as null).
        public var configuration: [Double?]
        public var objectives: [Double]
        public var violation: Double
        public var constraints: [Double]
    }

    /// The earlier study, as given.
    public var source: String
    public var told: [Told]
    /// Old trials not reused, by reason (e.g. "outside the new domain of 'lr'": 3).
    public var leftOut: [String: Int]
    /// How the two spaces and metric lists differ, one line each (empty: the same).
    public var mismatches: [String]

    /// The observations the sampler is told, in the old study's trial order.
    public var observations: [Observation] {
        told.map { t in
            Observation(configuration: Configuration(t.configuration.map { $0 ?? .nan }), generation: 0, objectives: t.objectives,
                        violation: t.violation, constraints: t.constraints)
        }
    }

    /// One line: how many trials were reused from where, and how many were left out.
    public var summary: String {
        var s = "warm start: \(told.count) trial(s) of \(source) told to the sampler"
        let out = leftOut.values.reduce(0, +)
        if out > 0 {
            s += "; \(out) left out (" + leftOut.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
        }
        return s
    }

    /// The study setting holding it (JSON).
    public static let settingKey = "warm_start"

    // Non-finite numbers (a failed objective, a NaN constraint) survive JSON as strings.
    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public static func decoded(_ text: String) throws -> WarmStart {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(WarmStart.self, from: Data(text.utf8))
    }
}
