/// An intermediate report of a trial that a worker of a shared queue runs, kept in the study's
/// storage until the coordinator's scheduler answers it.
public struct RelayedReport: Sendable, Equatable {
    /// Which report: the trial, the claim of it that sent the report (`QueuedTrial.attempts`),
    /// and the report's place among that claim's reports (0, 1, …).
    public struct Key: Sendable, Hashable, Comparable {
        public var trial: Int
        public var attempt: Int
        public var seq: Int
        public init(trial: Int, attempt: Int, seq: Int) {
            self.trial = trial
            self.attempt = attempt
            self.seq = seq
        }
        public static func < (a: Key, b: Key) -> Bool { (a.trial, a.attempt, a.seq) < (b.trial, b.attempt, b.seq) }
    }

    public var key: Key
    public var step: Int
    /// The values the trial's channel passed on (the report's, plus the metrics known from the
    /// configuration).
    public var metrics: [String: Double]

    public init(key: Key, step: Int, metrics: [String: Double]) {
        self.key = key
        self.step = step
        self.metrics = metrics
    }
}

/// A shared queue that also carries early stopping: a worker's trial stores each intermediate
/// report and waits for its decision; the coordinator reads the reports no one answered yet,
/// asks its scheduler, and stores the answers. So the one scheduler of a study sees every
/// report, from any host, as it would see those of its own threads (see `TrialScheduler`).
///
/// Rules a conformer keeps: `relay` of a report already stored leaves it as it is (a report
/// sent again after a lost connection); a decision once stored is never changed; `takeFinished`
/// and `clearQueue` may drop the reports of the trials they remove.
public protocol ReportRelayStorage: TrialQueueStorage {
    /// Stores `report`, undecided.
    func relay(_ report: RelayedReport) throws(StudyStorageError)
    /// The decision on report `key`, or nil while there is none.
    func decision(_ key: RelayedReport.Key) throws(StudyStorageError) -> TrialDecision?
    /// The reports without a decision, in key order.
    func undecidedReports() throws(StudyStorageError) -> [RelayedReport]
    /// The reports of claim `attempt` of trial `trial` from place `seq` on, in order (decided or not).
    func relayedReports(trial: Int, attempt: Int, from seq: Int) throws(StudyStorageError) -> [RelayedReport]
    /// Stores decisions on undecided reports.
    func decide(_ decisions: [(RelayedReport.Key, TrialDecision)]) throws(StudyStorageError)
}
