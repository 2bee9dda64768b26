import Hyperfront
import StudyStorages

extension Study {
    /// How the run hands its trials out: through the study's shared queue when the study is in
    /// PostgreSQL (the settings' workers are then the coordinator's own worker threads; 0: it
    /// runs none). Under early stopping the trials' reports reach the run's scheduler through
    /// the study too (`ReportRelay`, `RelayedScheduler`).
    func sharedQueue(scheduled: Bool) -> SharedQueue? {
        guard let queue = store as? any TrialQueueStorage else { return nil }
        return SharedQueue(localWorkers: settings.workers) { () throws(StudyStorageError) in try queue.reopen() }
    }

    /// Tells workers that trials are coming (`running`), before the run.
    func markQueue(running shared: Bool) throws(StudyRunner.RunError) {
        guard shared else { return }
        do { try store.setSetting(SharedQueue.stateKey, "running") } catch { throw .store(error) }
    }

    /// Tells workers the study is done (they stop) and empties its queue, after a run that was
    /// not interrupted (an interrupted one leaves its queue to the workers and to `--resume`).
    func markQueue(done shared: Bool) throws(StudyRunner.RunError) {
        guard shared, let queue = store as? any TrialQueueStorage else { return }
        do {
            try queue.clearQueue()
            try store.setSetting(SharedQueue.stateKey, "done")
        } catch { throw .store(error) }
    }

    /// `--workers 0` (no trial run by the coordinator) needs workers elsewhere: a study in PostgreSQL.
    static func checkWorkers(_ settings: Settings, _ location: StudyLocation) throws(StudyError) {
        if settings.workers == 0 && location.isFile {
            throw .invalid("--workers 0 leaves every trial to 'hyperfront worker' processes, which need a study in PostgreSQL (--study postgresql://USER@HOST/DATABASE?study=NAME); for a study file give --workers 1 or more")
        }
    }
}
