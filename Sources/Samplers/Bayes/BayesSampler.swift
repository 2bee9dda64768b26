import Foundation
import Hyperfront

/// Multi-objective Bayesian optimisation: Gaussian-process models of every objective, of
/// every outcome constraint and of trial failure, and a proposal that maximises the log
/// expected hypervolume improvement of the feasible front times the probability of
/// feasibility, over configurations that fit every budget known before training.
///
/// - Models (`GaussianProcess`): Matérn-5/2 with ARD on `FeatureEncoding`, hyperparameters by
///   maximum a posteriori marginal likelihood (L-BFGS, warm-started from the previous fit).
///   Failed trials never enter the objective models; when some failed, a model of failure
///   (+1 failed, −1 completed) gives the probability that a trial completes. A constraint is
///   modelled once some trial broke it.
/// - Acquisition: log EHVI over the observed feasible front, exact for any number of
///   objectives (`ExpectedHypervolumeImprovement`), plus Σ log P(constraint met) (Gardner et
///   al., "Bayesian optimization with inequality constraints", ICML 2014); with no feasible
///   trial yet, the probability of feasibility alone. A share of the proposals (a third
///   with two objectives, half with more: `settings.scalarisedShare(objectives:)`) replaces
///   log EHVI by the log expected improvement of a random augmented Chebyshev scalarisation
///   of the objectives, modelled by one more process (ParEGO: Knowles, IEEE TEVC 10, 2006).
/// - Search: random configurations, mutations of the front (one to three parameters, or every
///   parameter a little: trust-region candidates as in TuRBO, Eriksson et al. 2019), then
///   gradient ascent of the continuous parameters from the best few (analytic gradients of
///   the models) and local moves of every parameter; candidates that break a budget are
///   repaired *before* they are scored (or dropped), so the proposal is the best admissible
///   candidate.
/// - Batches: `settings.batch` proposals per ask by the kriging believer (Ginsbourger, Le
///   Riche & Carraro, "Kriging is well-suited to parallelize optimization", 2010): each chosen
///   point joins the models at its posterior mean (one-row Cholesky extension) and the front
///   when it is predicted feasible, before the next is chosen.
///
/// Deterministic: every choice depends only on the settings, the random numbers handed to
/// `ask` and the observations told, in order.
public struct BayesSampler: Sampler {
    public let space: SearchSpace
    public let settings: BayesSettings
    public let encoding: FeatureEncoding
    /// Keeps proposals inside the budgets known before training (nil: no budgets).
    public let budget: (any ProposalRepair)?
    var observations: [Observation] = []
    /// Fitted hyperparameters by model (objective k, then constraint c at `count + c`, then
    /// failure at −1), the warm start of the next fit.
    var fitted: [Int: GaussianProcess.Hyperparameters] = [:]
    /// Training-set size at each model's last full fit.
    var fittedAt: [Int: Int] = [:]
    /// Each model as the last proposal conditioned it (extended by new rows until a refit).
    var conditioned: [Int: GaussianProcess] = [:]

    public init(space: SearchSpace, settings: BayesSettings = BayesSettings(), budget: (any ProposalRepair)? = nil) {
        self.space = space
        self.settings = settings
        self.encoding = FeatureEncoding(space: space)
        self.budget = budget
    }

    public mutating func tell(_ observations: [Observation]) {
        self.observations += observations
    }

    public mutating func ask(limit: Int, isKnown: (Configuration) -> Bool, using rng: inout RandomSource) -> [Proposal] {
        guard limit > 0 else { return [] }
        let initial = settings.initialCount(searched: encoding.count)
        let completed = observations.filter { $0.objectives.allSatisfy(\.isFinite) }.count
        if encoding.count == 0 || completed < 2 || observations.count < initial {
            let want = observations.count < initial ? initial - observations.count : settings.batch
            return initialDesign(count: min(limit, max(want, 1)), isKnown: isKnown, using: &rng)
        }
        return modelProposals(count: min(limit, settings.batch), isKnown: isKnown, using: &rng)
    }
}
