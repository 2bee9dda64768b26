import Foundation
import Hyperfront
import Store

extension Study {
    /// The study's run lock, held while a `Study` made to run exists: taken when it is created
    /// or resumed, kept fresh by a heartbeat on a timer (however long trials take: another host
    /// takes over only a lock whose heartbeat is older than `StudyStore.staleAfter`), given up
    /// by `close()` or when the study is released.
    final class Lease: @unchecked Sendable {
        private let store: any StudyStorage
        private var timer: DispatchSourceTimer?
        /// Seconds between heartbeats.
        static let interval = 10.0

        init(store: any StudyStorage) throws(StudyStorageError) {
            self.store = store
            try store.acquireRunLock()
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "run-lock-heartbeat"))
            timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
            timer.setEventHandler { store.heartbeat() }
            timer.resume()
            self.timer = timer
        }

        func release() {
            guard let timer else { return }
            timer.cancel()
            self.timer = nil
            store.releaseRunLock()
        }

        deinit { release() }
    }
}
