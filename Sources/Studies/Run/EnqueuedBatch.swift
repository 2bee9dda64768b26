import Foundation
import Hyperfront

/// Known configurations queued for evaluation before the sampler's own proposals (manual
/// search): the scenario's `enqueue:` list, and each file given to `hyperfront enqueue`.
///
/// A batch enters at the first sampler ask made once at least `from` trials are numbered
/// (0 for the scenario's list: trials 0, 1, …; for `hyperfront enqueue`, the number after the
/// study's last trial, so no trial handed out before changes). Its configurations take the
/// place of the first proposals of that ask — the rest of the batch, and the repair's seeding
/// configurations, follow them — and the sampler is told their results like any trial's, as
/// the evaluated versions of the proposals they replaced. A batch larger than an ask fills the
/// following asks. Everything is a function of the study file, so a run with any number of
/// workers, a resumed run and `hyperfront ask` all give the same trials.
public struct EnqueuedBatch: Sendable, Hashable {
    /// The number of trials numbered before the batch may enter.
    public var from: Int
    public var configurations: [Configuration]
    /// Whether a configuration that breaks a budget known before training is repaired (else
    /// it was refused when given, so every one fits).
    public var repair: Bool

    public init(from: Int, configurations: [Configuration], repair: Bool) {
        self.from = from
        self.configurations = configurations
        self.repair = repair
    }
}

extension EnqueuedBatch: Codable {
    private enum CodingKeys: String, CodingKey { case from, configurations, repair }

    // NaN (an inactive parameter) is written as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(repair, forKey: .repair)
        try c.encode(configurations.map { $0.values.map { $0.isNaN ? nil : $0 } }, forKey: .configurations)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decode(Int.self, forKey: .from)
        repair = try c.decode(Bool.self, forKey: .repair)
        configurations = try c.decode([[Double?]].self, forKey: .configurations).map { Configuration($0.map { $0 ?? .nan }) }
    }
}

/// The queue a run (or an ask) takes enqueued configurations from, in order.
struct EnqueueQueue {
    let batches: [EnqueuedBatch]
    private var batch = 0
    private var index = 0

    init(_ batches: [EnqueuedBatch]) { self.batches = batches }

    /// Up to `count` queued configurations that may enter now that `numbered` trials are numbered.
    mutating func take(_ count: Int, numbered: Int) -> [(configuration: Configuration, repair: Bool)] {
        var out: [(Configuration, Bool)] = []
        while out.count < count && batch < batches.count && batches[batch].from <= numbered {
            let b = batches[batch]
            if index < b.configurations.count { out.append((b.configurations[index], b.repair)); index += 1 }
            if index >= b.configurations.count { batch += 1; index = 0 }
        }
        return out
    }
}
