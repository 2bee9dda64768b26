/// Deployment sizing as a facility-location problem: choose at most `maxModels` candidate
/// configurations ("facilities") and give each target one chosen candidate that fits its
/// budgets, first covering as many targets as possible, then maximising the weighted sum of
/// the targets' scores. As an integer program (binary y_c: candidate c is deployed; x_tc:
/// target t runs c, allowed only where c fits t):
///
///     max  Σ_t Σ_c x_tc            (stage 1: targets covered, value N*)
///     max  Σ_t Σ_c w_t · s_c · x_tc  subject to Σ x = N*   (stage 2: weighted score)
///     s.t. Σ_c x_tc ≤ 1 (each target),  x_tc ≤ y_c,  Σ_c y_c ≤ K
///
/// (Cornuéjols, Nemhauser & Wolsey 1990, "The uncapacitated facility location problem",
/// with a cardinality bound in place of opening costs).
public struct SizingProblem: Sendable {
    /// One configuration that may be deployed.
    public struct Candidate: Sendable {
        /// Its trial number (ties go to the smaller).
        public var trial: Int
        /// The chosen objective, oriented to be maximised.
        public var score: Double
        public init(trial: Int, score: Double) {
            self.trial = trial
            self.score = score
        }
    }

    public var candidates: [Candidate]
    /// `fits[t][c]`: candidate c meets every budget of target t.
    public var fits: [[Bool]]
    /// Positive weight of each target.
    public var weights: [Double]
    /// At most this many distinct configurations (≥ 1).
    public var maxModels: Int

    public init(candidates: [Candidate], fits: [[Bool]], weights: [Double], maxModels: Int) {
        precondition(fits.count == weights.count && fits.allSatisfy { $0.count == candidates.count } && maxModels >= 1)
        self.candidates = candidates
        self.fits = fits
        self.weights = weights
        self.maxModels = maxModels
    }

    /// The value of giving target t candidate `assignment[t]` (nil = none): targets covered,
    /// then the weighted score summed in target order.
    public func value(_ assignment: [Int?]) -> (covered: Int, score: Double) {
        var covered = 0, score = 0.0
        for (t, c) in assignment.enumerated() {
            if let c { covered += 1; score += weights[t] * candidates[c].score }
        }
        return (covered, score)
    }

    /// The best assignment of targets to a chosen set of candidates: each target takes its
    /// highest-scoring fitting member (ties: the smaller trial number).
    public func assign(_ chosen: [Int]) -> [Int?] {
        fits.map { row in
            var best: Int? = nil
            for c in chosen where row[c] {
                if let b = best {
                    let (sc, sb) = (candidates[c].score, candidates[b].score)
                    if sc > sb || (sc == sb && candidates[c].trial < candidates[b].trial) { best = c }
                } else { best = c }
            }
            return best
        }
    }
}

/// A solution: which candidate each target runs (index into `candidates`; nil = none).
public struct SizingSolution: Sendable, Equatable {
    public var assignment: [Int?]
    public init(assignment: [Int?]) { self.assignment = assignment }
}

/// Something that solves a sizing problem exactly.
public protocol SizingSolver: Sendable {
    func solve(_ problem: SizingProblem) throws(SizingSolverError) -> SizingSolution
}

/// A solver could not finish (GLPK failed or ran out of time).
public struct SizingSolverError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { "deployment sizing: \(reason)" }
}
