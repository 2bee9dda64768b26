import Foundation
import Hyperfront
import Store

/// Writes batches of trials to the study file on a serial background queue, in order, and
/// checkpoints the log after each one: the copy into the study file and its disk syncs then
/// overlap with the search (a thread waiting for the disk leaves the CPU to it), and closing
/// the study has almost nothing left to copy.
final class BackgroundWriter: @unchecked Sendable {
    private let store: any StudyStorage
    private let queue = DispatchQueue(label: "study-writer")
    private let lock = NSLock()
    private var firstError: StudyStorageError?

    init(store: any StudyStorage) { self.store = store }

    /// The first error a write met (later writes are skipped after it).
    var failure: StudyStorageError? { lock.lock(); defer { lock.unlock() }; return firstError }

    func save(_ trials: [Trial], intermediate: [Int: [String]]) {
        queue.async { [self] in
            if failure != nil { return }
            do throws(StudyStorageError) {
                try store.save(trials, intermediate: intermediate)
                try store.checkpoint()
            } catch {
                lock.lock(); if firstError == nil { firstError = error }; lock.unlock()
            }
        }
    }

    /// Returns once every batch handed over so far is written.
    func wait() { queue.sync {} }
}
