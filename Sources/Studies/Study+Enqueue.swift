import Foundation
import Hyperfront

/// Known configurations first (manual search): the scenario's `enqueue:` list and the files
/// given to `hyperfront enqueue` are evaluated before the sampler's own proposals (see
/// `EnqueuedBatch`).
///
/// ```swift
/// let study = try Study.resume(at: "runs/x.sqlite")
/// let known = try KnownConfigurationFile.read(path: "known.csv", space: study.scenario.space)
/// try study.enqueue(known, policy: .refuse)
/// ```
///
/// A configuration that breaks a budget known before training (one bounding a resource
/// formula) is refused by default — the error names the budget and by how much — or, with the
/// `repair` policy, moved to the nearest configuration that fits when its turn comes.
extension Study {
    /// The setting holding the batches given to `enqueue` (JSON).
    static let enqueuedKey = "enqueued"

    /// What was enqueued: the scenario's list (from trial 0), then every batch given to `enqueue`.
    public func enqueuedBatches() throws(StudyError) -> [EnqueuedBatch] {
        var out: [EnqueuedBatch] = []
        if !scenario.enqueue.isEmpty {
            out.append(EnqueuedBatch(from: 0, configurations: scenario.enqueue.map(\.configuration), repair: scenario.enqueueBudget == .repair))
        }
        return out + (try storedEnqueued())
    }

    private func storedEnqueued() throws(StudyError) -> [EnqueuedBatch] {
        let text: String?
        do { text = try store.setting(Self.enqueuedKey) } catch { throw .store(error) }
        guard let text else { return [] }
        do { return try JSONDecoder().decode([EnqueuedBatch].self, from: Data(text.utf8)) }
        catch { throw .invalid("\(path): the enqueued configurations recorded in the study file cannot be read (\(error))") }
    }

    /// Queues `known` to be evaluated next: with the sampler's first batch proposed after the
    /// study's last trial so far (trials already handed out or run do not change). Returns the
    /// number of the trial after which they enter. With `.refuse`, nothing is queued when one
    /// of them breaks a budget known before training.
    @discardableResult
    public func enqueue(_ known: [KnownConfiguration], policy: KnownConfiguration.BudgetPolicy) throws(StudyError) -> Int {
        guard lease != nil else { throw .readOnly(path) }
        if policy == .refuse { try Self.checkBudgets(known, scenario: scenario, hint: "give --repair to move it to the nearest configuration that fits") }
        var batches = try storedEnqueued()
        let last = try trials().map(\.number).max() ?? -1
        let from = max(last + 1, batches.map(\.from).max() ?? 0)
        batches.append(EnqueuedBatch(from: from, configurations: known.map(\.configuration), repair: policy == .repair))
        do {
            let data = try JSONEncoder().encode(batches)
            try store.setSetting(Self.enqueuedKey, String(decoding: data, as: UTF8.self))
        } catch let e as StudyStorageError { throw .store(e) }
        catch { throw .invalid("\(path): cannot record the enqueued configurations (\(error))") }
        return from
    }

    /// Refuses a known configuration that breaks a budget known before training, naming the
    /// budget, the configuration's value and by how much it is over.
    static func checkBudgets(_ known: [KnownConfiguration], scenario: Scenario, hint: String) throws(StudyError) {
        var errors: [String] = []
        for k in known {
            for c in scenario.constraints {
                guard let r = scenario.resources.first(where: { $0.metric == c.metric }) else { continue }
                let v = r.value(k.configuration, in: scenario.space)
                guard c.violation(v) > 0 else { continue }
                let over = abs(v - c.bound)
                let share = c.bound != 0 ? String(format: " (%.1f %%)", 100 * over / abs(c.bound)) : ""
                errors.append("\(k.file):\(k.line):\(k.column): the configuration breaks the budget \(c.description): it has "
                              + "\(c.metric) = \(formatNumber(v)), \(formatNumber(over))\(share) \(c.kind == .atMost ? "over" : "under") the bound\n  hint: \(hint)")
            }
        }
        if !errors.isEmpty { throw .scenario(errors.joined(separator: "\n")) }
    }
}
