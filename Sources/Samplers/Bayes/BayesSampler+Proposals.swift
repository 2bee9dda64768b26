import Foundation
import Hyperfront

extension BayesSampler {
    /// The observations the models are fitted on: all, or — beyond
    /// `settings.maximumTrainingPoints` — the feasible non-dominated ones, then the most
    /// recent others.
    func trainingSet() -> [Observation] {
        let cap = settings.maximumTrainingPoints
        guard observations.count > cap else { return observations }
        let feasible = observations.indices.filter { observations[$0].violation == 0 && observations[$0].objectives.allSatisfy(\.isFinite) }
        let front = NondominatedBoxes.nondominated(feasible.map { observations[$0].objectives }, observations[0].objectives.count)
        var keep = [Bool](repeating: false, count: observations.count)
        var kept = 0
        var frontSet = Set<[Double]>(front)
        for i in feasible where kept < cap / 2 && frontSet.remove(observations[i].objectives) != nil { keep[i] = true; kept += 1 }
        for i in observations.indices.reversed() where kept < cap && !keep[i] { keep[i] = true; kept += 1 }
        return observations.indices.filter { keep[$0] }.map { observations[$0] }
    }

    /// Model `key` of `targets`: refitted (warm-started from its previous fit) while the data
    /// are few or once they grew by 5 % since the last fit; in between, the previous
    /// proposal's model extended by the new rows (O(n²) each instead of factoring anew, n³).
    mutating func model(_ key: Int, features: [Double], targets: [Double]) -> GaussianProcess {
        let n = targets.count, previous = fitted[key]
        let gp: GaussianProcess
        if previous == nil || n <= 60 || Double(n) >= Double(fittedAt[key] ?? 0) * 1.05 {
            gp = fittedModel(features: features, targets: targets, from: previous)
            fitted[key] = gp.parameters
            fittedAt[key] = n
        } else if let kept = conditioned[key], kept.parameters == previous,
                  let grown = kept.extended(features: features, targets: targets) {
            gp = grown
        } else {
            gp = GaussianProcess(features: features, targets: targets, dimension: encoding.count,
                                 categorical: encoding.categorical, parameters: previous!)
        }
        conditioned[key] = gp
        return gp
    }

    /// A model of `targets` with hyperparameters fitted from `previous` (and the default
    /// start while the data are few); beyond `settings.fitSubset` rows they are fitted on
    /// evenly spaced rows (the fit is cubic in the rows; the model conditions on all of them).
    func fittedModel(features: [Double], targets: [Double], from previous: GaussianProcess.Hyperparameters?) -> GaussianProcess {
        let d = encoding.count, n = targets.count, cap = settings.fitSubset
        let initial = GaussianProcess.Hyperparameters.initial(dimension: d)
        let starts = previous.map { n <= 100 ? [$0, initial] : [$0] } ?? [initial]
        guard n > cap else {
            var gp = GaussianProcess(features: features, targets: targets, dimension: d, categorical: encoding.categorical,
                                     parameters: previous ?? initial)
            gp.fit(from: starts, iterations: n <= 100 ? 50 : 20)
            return gp
        }
        let rows = (0..<cap).map { $0 * n / cap }
        var f: [Double] = []
        f.reserveCapacity(cap * d)
        for r in rows { f += features[(r * d)..<((r + 1) * d)] }
        var sub = GaussianProcess(features: f, targets: rows.map { targets[$0] }, dimension: d,
                                  categorical: encoding.categorical, parameters: previous ?? initial)
        sub.fit(from: starts, iterations: 20)
        return GaussianProcess(features: features, targets: targets, dimension: d, categorical: encoding.categorical,
                               parameters: sub.parameters)
    }

    /// `count` proposals by the kriging believer over the fitted models.
    mutating func modelProposals(count: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] {
        let train = trainingSet()
        let m = train[0].objectives.count
        let complete = train.filter { $0.objectives.allSatisfy(\.isFinite) }
        var features: [Double] = []
        for o in complete { encoding.append(o.configuration, to: &features) }
        let share = settings.scalarisedShare(objectives: m)
        let scalarised = share > 0 && rng.nextUnit() < share
        var objectiveModels: [GaussianProcess] = []
        var feasible = complete.filter { $0.violation == 0 }.map(\.objectives)
        if scalarised {
            let s = Self.chebyshev(complete.map(\.objectives), feasible: feasible, using: &rng)
            objectiveModels.append(model(-2, features: features, targets: s.values))
            feasible = s.feasible
        } else {
            for k in 0..<m { objectiveModels.append(model(k, features: features, targets: complete.map { $0.objectives[k] })) }
        }
        var feasibility: [GaussianProcess] = []
        let constraintCount = complete.first(where: { !$0.constraints.isEmpty })?.constraints.count ?? 0
        for c in 0..<constraintCount {
            let rows = complete.filter { $0.constraints.count == constraintCount && $0.constraints[c].isFinite }
            guard rows.contains(where: { $0.constraints[c] > 0 }) else { continue }
            var f: [Double] = []
            for o in rows { encoding.append(o.configuration, to: &f) }
            feasibility.append(model(m + c, features: f, targets: rows.map { $0.constraints[c] }))
        }
        if train.contains(where: { !$0.objectives.allSatisfy(\.isFinite) }) {
            var f: [Double] = []
            for o in train { encoding.append(o.configuration, to: &f) }
            feasibility.append(model(-1, features: f, targets: train.map { $0.objectives.allSatisfy(\.isFinite) ? -1 : 1 }))
        }
        var surrogate = Surrogate(objectives: objectiveModels, feasibility: feasibility, feasibleValues: feasible)

        var out: [Proposal] = []
        var chosen = Set<Configuration>()
        let known: (Configuration) -> Bool = { isKnown($0) || chosen.contains($0) }
        for _ in 0..<count {
            guard let best = bestCandidate(surrogate, isKnown: known, using: &rng) else { break }
            chosen.insert(best)
            out.append(Proposal(configuration: best, generation: 0))
            if out.count < count {
                var f: [Double] = []
                encoding.append(best, to: &f)
                surrogate.believe(f)
            }
        }
        if out.isEmpty { return initialDesign(count: 1, isKnown: known, using: &rng) }
        return out
    }

    /// The admissible, unknown candidate with the best acquisition: random configurations and
    /// mutations of the front, then gradient ascent and local moves from the best few.
    func bestCandidate(_ surrogate: Surrogate, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> Configuration? {
        var pool: [Configuration] = []
        var seen = Set<Configuration>()
        var repairs = settings.repairsPerProposal
        func offer(_ c: Configuration, _ rng: inout RandomSource) {
            guard let a = admissible(c, repairs: &repairs, isKnown: isKnown, using: &rng), !isKnown(a), seen.insert(a).inserted else { return }
            pool.append(a)
        }
        for _ in 0..<settings.randomCandidates { offer(space.sample(using: &rng), &rng) }
        // Parents: the feasible front first, then the best of the rest by violation.
        let parents = parentsForMutation()
        if !parents.isEmpty {
            for j in 0..<settings.mutationCandidates { offer(mutated(parents[j % parents.count], using: &rng), &rng) }
            // Every parameter moved at once within a small region around a parent (TuRBO's
            // trust-region candidates: Eriksson et al., "Scalable global optimization via
            // local Bayesian optimization", NeurIPS 2019), at four widths.
            let widths = [0.025, 0.05, 0.1, 0.2]
            for j in 0..<settings.regionCandidates {
                offer(perturbed(parents[j % parents.count], width: widths[(j / parents.count) % widths.count], using: &rng), &rng)
            }
        }
        guard !pool.isEmpty else { return nil }
        var scores = score(pool, surrogate)
        func ranked() -> [Int] { pool.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) } }
        // Gradient ascent of the continuous parameters from the best few.
        let starts = Array(ranked().prefix(settings.ascentStarts))
        for end in ascended(starts.map { pool[$0] }, values: starts.map { scores[$0] }, surrogate, isKnown: isKnown) {
            guard let (c, v) = end, seen.insert(c).inserted else { continue }
            pool.append(c); scores.append(v)
        }
        // Local moves from the best few, with shrinking steps.
        let order = ranked()
        for start in order.prefix(settings.localStarts) {
            var current = pool[start], value = scores[start]
            var width = 0.1
            for _ in 0..<settings.localRounds {
                var moves: [Configuration] = []
                for c in neighbours(of: current, width: width, using: &rng) {
                    if admits(c) && !isKnown(c) && !seen.contains(c) { moves.append(c) }
                }
                guard !moves.isEmpty else { break }
                let s = score(moves, surrogate)
                var bi = 0
                for i in s.indices where s[i] > s[bi] { bi = i }
                if s[bi] > value {
                    current = moves[bi]; value = s[bi]
                    seen.insert(current)
                    pool.append(current); scores.append(value)
                } else {
                    width *= 0.5
                }
            }
        }
        var best = 0
        for i in pool.indices where scores[i] > scores[best] || (scores[best].isNaN && !scores[i].isNaN) { best = i }
        return pool[best]
    }

    func score(_ configurations: [Configuration], _ surrogate: Surrogate) -> [Double] {
        var f: [Double] = []
        f.reserveCapacity(configurations.count * encoding.count)
        for c in configurations { encoding.append(c, to: &f) }
        return surrogate.scores(f, count: configurations.count)
    }

    /// Configurations to mutate: the feasible non-dominated trials, else the least violating.
    func parentsForMutation() -> [Configuration] {
        let done = observations.filter { $0.objectives.allSatisfy(\.isFinite) }
        let feasible = done.filter { $0.violation == 0 }
        if !feasible.isEmpty {
            let m = feasible[0].objectives.count
            return feasible.filter { o in
                !feasible.contains { p in
                    var all = true, strict = false
                    for k in 0..<m { if p.objectives[k] > o.objectives[k] { all = false; break } else if p.objectives[k] < o.objectives[k] { strict = true } }
                    return all && strict
                }
            }.map(\.configuration)
        }
        return done.sorted { $0.violation < $1.violation }.prefix(8).map(\.configuration)
    }

    /// A random augmented Chebyshev scalarisation of `values` (ParEGO: Knowles, "ParEGO: a
    /// hybrid algorithm with on-line landscape approximation for expensive multiobjective
    /// optimization problems", IEEE TEVC 10, 2006): objectives scaled to [0, 1] by the
    /// feasible values' range, weights uniform on the simplex, max_k w_k·y_k + 0.05·Σ w_k·y_k.
    /// Returns the scalarised value of every row and of the feasible rows (one-element rows).
    static func chebyshev(_ values: [[Double]], feasible: [[Double]], using rng: inout RandomSource) -> (values: [Double], feasible: [[Double]]) {
        let m = values[0].count
        let basis = feasible.isEmpty ? values : feasible
        var lo = [Double](repeating: .infinity, count: m), hi = [Double](repeating: -.infinity, count: m)
        for v in basis { for k in 0..<m { lo[k] = min(lo[k], v[k]); hi[k] = max(hi[k], v[k]) } }
        var w = (0..<m).map { _ in -Foundation.log(max(rng.nextUnit(), 1e-300)) }
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        func scalar(_ v: [Double]) -> Double {
            var largest = -Double.infinity, sum = 0.0
            for k in 0..<m {
                let y = w[k] * (v[k] - lo[k]) / (hi[k] - lo[k] > 1e-12 * max(abs(hi[k]), 1) ? hi[k] - lo[k] : max(abs(hi[k]), 1))
                largest = max(largest, y); sum += y
            }
            return largest + 0.05 * sum
        }
        return (values.map(scalar), feasible.map { [scalar($0)] })
    }
}
