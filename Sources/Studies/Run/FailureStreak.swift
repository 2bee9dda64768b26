import Hyperfront

/// Counts consecutive failed trials with the same reason — the first line of their failure
/// text, which names what went wrong ("exited with status 1") without the stderr tail that
/// follows it — so that a run with a broken evaluator stops after a few trials (fail fast).
/// A trial that completes or is pruned, or fails for another reason, starts the count again.
struct FailureStreak {
    /// Consecutive failures at which the streak trips (0: never).
    let limit: Int
    private(set) var count = 0
    private(set) var reason: String? = nil
    /// The failure text (reason and stderr tail) of the trial that tripped the streak.
    private(set) var tripped: String? = nil

    init(limit: Int) { self.limit = max(0, limit) }

    /// The reason of a failure text: its first line.
    static func reason(of failure: String) -> String {
        String(failure.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Notes a finished trial (in the order trials finish); returns true when it trips the streak.
    mutating func note(_ trial: Trial) -> Bool {
        guard limit > 0, tripped == nil else { return false }
        guard trial.state == .failed else { count = 0; reason = nil; return false }
        let r = Self.reason(of: trial.failure ?? "")
        if r == reason { count += 1 } else { reason = r; count = 1 }
        if count >= limit { tripped = trial.failure ?? r; return true }
        return false
    }
}
