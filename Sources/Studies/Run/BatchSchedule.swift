/// The deterministic rule that says when a run tells the sampler what, withdraws what, and
/// asks for the next batch — a pure value, driven only by proposal order and by which
/// proposals have their results.
///
/// A batch sampler (NSGA-II) proposes a batch and expects every proposal of it told before the
/// next one. With `depth = 0` that is exactly what happens: a batch is told whole once each of
/// its proposals has a result, and then the next batch is asked for.
///
/// **Pipelining** (`depth = L > 0`, a sampler that can `withdraw`): the last `min(L, n/2)`
/// proposals of a batch of `n` are its *tail*, the rest its *head*. The next batch is asked for
/// as soon as (1) the head of the newest batch has its results and (2) every older batch has
/// all of its results; the steps are then: tell the older batch's tail, tell the newest head,
/// withdraw the newest tail, ask. Tail results thus reach the search one batch later, while the
/// tail trials keep the workers busy.
///
/// Because `next(isAnswered:)` looks only at which results are in — never at when they came
/// or how many workers there are — the steps, in order, are the same for every order in which
/// results arrive: the same seed gives the same trials with 1 or 100 workers.
public struct BatchSchedule: Sendable, Equatable {
    /// What the runner does next.
    public enum Step: Sendable, Equatable {
        /// Tell the sampler the results of proposals `proposals` of batch `batch`; with
        /// `closes`, the batch is done and forgotten.
        case tell(batch: Int, proposals: Range<Int>, closes: Bool)
        /// Withdraw proposals `proposals` of batch `batch` (their results are told later).
        case withdraw(batch: Int, proposals: Range<Int>)
        /// Ask the sampler for the next batch, then call `added(count:)`.
        case ask
        /// Wait for more results.
        case wait
    }

    private struct Open: Sendable, Equatable {
        var id: Int
        var count: Int
        /// Proposals [0, head) are the head; the rest the tail.
        var head: Int
        var headTold = false
        var tailWithdrawn = false
        /// Proposals [0, answered) are known to have their results.
        var answered = 0
    }

    /// Tail length asked for (0 = strict batches).
    public let depth: Int
    private var open: [Open] = []
    private var nextID = 0

    /// - Parameter depth: tail length per batch; 0 for strict batches (or a sampler that cannot
    ///   withdraw).
    public init(depth: Int) { self.depth = max(0, depth) }

    /// Batches asked for and not yet told whole.
    public var openBatches: Int { open.count }

    /// The head length of a batch of `count` proposals.
    public func head(of count: Int) -> Int {
        depth == 0 ? count : max(count - min(depth, count / 2), 0)
    }

    /// Records the batch the last `.ask` produced; returns its number (0, 1, 2, … in ask order).
    @discardableResult
    public mutating func added(count: Int) -> Int {
        let id = nextID
        nextID += 1
        open.append(Open(id: id, count: count, head: head(of: count)))
        return id
    }

    /// The next step. `isAnswered(batch, index)` says whether proposal `index` of batch
    /// `batch` has its result; results never go away, so each proposal is looked at until it
    /// has one and not after (O(1) amortised per proposal).
    public mutating func next(isAnswered: (_ batch: Int, _ index: Int) -> Bool) -> Step {
        guard !open.isEmpty else { return .ask }
        let newest = open.count == 1
        if !newest || depth == 0 {
            // An older batch (or any batch of strict batches) is told whole.
            guard answered(upTo: open[0].count, isAnswered) else { return .wait }
            let first = open.removeFirst()
            return .tell(batch: first.id, proposals: (first.headTold ? first.head : 0)..<first.count, closes: true)
        }
        if !open[0].headTold {
            guard answered(upTo: open[0].head, isAnswered) else { return .wait }
            open[0].headTold = true
            return .tell(batch: open[0].id, proposals: 0..<open[0].head, closes: false)
        }
        // (An empty tail is withdrawn too: the sampler closes its batch on it.)
        if !open[0].tailWithdrawn {
            open[0].tailWithdrawn = true
            return .withdraw(batch: open[0].id, proposals: open[0].head..<open[0].count)
        }
        return .ask
    }

    /// Whether proposals [0, end) of the oldest open batch have their results.
    private mutating func answered(upTo end: Int, _ isAnswered: (Int, Int) -> Bool) -> Bool {
        var k = open[0].answered
        let id = open[0].id
        while k < end, isAnswered(id, k) { k += 1 }
        open[0].answered = k
        return k >= end
    }
}
