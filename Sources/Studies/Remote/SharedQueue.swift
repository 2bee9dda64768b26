import Foundation
import Hyperfront

/// How a run hands its trials to workers through the study's shared queue (a study in
/// PostgreSQL): the coordinator queues what the sampler proposes and reads results back;
/// `hyperfront worker` processes on any host — and `localWorkers` threads of the coordinator's
/// own process — claim and run them.
public struct SharedQueue: Sendable {
    /// Worker threads in the coordinator's process (0: the coordinator runs no trial itself).
    public var localWorkers: Int
    /// Seconds without a heartbeat after which a claimed trial is handed to another worker.
    public var reclaimAfter: Double
    /// Opens another handle on the study (one per local worker thread).
    public var open: @Sendable () throws(StudyStorageError) -> any TrialQueueStorage

    /// The reclaim timeout when none is given: 30 s, six missed heartbeats.
    public static let defaultReclaimAfter = 30.0
    /// Seconds between a worker's heartbeats (the least reclaim timeout is three of them).
    public static let heartbeatInterval = 1.0
    /// The setting that tells workers the study is done (`done`) or being run (`running`).
    public static let stateKey = "queue"

    public init(localWorkers: Int, reclaimAfter: Double = SharedQueue.defaultReclaimAfter,
                open: @escaping @Sendable () throws(StudyStorageError) -> any TrialQueueStorage) {
        self.localWorkers = localWorkers
        self.reclaimAfter = reclaimAfter
        self.open = open
    }

    /// A worker's name in the queue: host, process and a random tag (a restarted process with
    /// the same pid is another worker).
    public static func workerName() -> String {
        let tag = String(UInt32.random(in: 0 ... .max), radix: 36)
        return "\(ProcessInfo.processInfo.hostName):\(getpid()):\(tag)"
    }
}
