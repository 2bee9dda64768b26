import Foundation
import Hyperfront
import StudyStorages

/// A worker process on a study in PostgreSQL (`hyperfront worker URL`): it evaluates the
/// trials the study's coordinator (`hyperfront run … --study URL`) queues, on any host.
///
/// - Before the coordinator: it waits (up to `wait` seconds) for the study to be created.
/// - It refuses, before claiming anything, a study whose evaluator it cannot run here (a
///   missing data file or program: the scenario is checked as `hyperfront run` checks it,
///   relative to the working directory).
/// - Under early stopping (`early_stopping:`) each trial's reports go to the coordinator's
///   scheduler through the study, and the trial waits for each answer (`RelayedScheduler`):
///   a trial it stops ends `pruned` here, as in the coordinator's own process.
/// - It stops by itself when the coordinator says the study is done; a trial it is running
///   when it is killed is taken over by another worker once its heartbeat is older than
///   `reclaimAfter` seconds (the server's clock).
/// - Determinism: the trial's evaluator seed follows from the study seed and the trial number,
///   so which worker runs a trial never changes it.
public final class StudyWorker {
    public let location: StudyLocation
    public let scenario: Scenario
    private let open: @Sendable () throws(StudyStorageError) -> any TrialQueueStorage
    private let execution: TrialExecution

    /// What the worker did.
    public struct Summary: Sendable {
        public var finished = 0
        public var failed = 0
        public var reclaimed = 0
        public var superseded = 0
        /// Why it stopped early (the database out of reach), or nil.
        public var failure: String? = nil
        public var busySeconds = 0.0
        public var wallSeconds = 0.0
        /// From the first trial's start to the last one's end (the time the study kept the
        /// worker: what "idle" is measured against, without waiting for the study or its end).
        public var activeSeconds = 0.0
        var first: Double? = nil, last: Double? = nil
    }

    /// Opens the study `text` names, waiting up to `wait` seconds for it to be created;
    /// `note` is told once when it waits.
    public static func open(_ text: String, wait: Double, note: (String) -> Void) throws(StudyError) -> StudyWorker {
        let location: StudyLocation
        do { location = try StudyLocation.parse(text) } catch { throw .store(error) }
        guard case .url(let address) = location else {
            throw .invalid("\(text): workers take a study in PostgreSQL (postgresql://USER@HOST:5432/DATABASE?study=NAME); a study file runs its trials in 'hyperfront run --workers N'")
        }
        let deadline = Date().addingTimeInterval(wait)
        var told = false
        while true {
            let presence: StudyPresence
            do { presence = try address.presence() } catch { throw .store(error) }
            switch presence {
            case .present: break
            case .foreign(let why): throw .store(.database(address.description, why))
            case .absent:
                if Date() < deadline {
                    if !told { note("waiting up to \(Int(wait)) s for the study \(address) to be created (hyperfront run SCENARIO --study \(address))"); told = true }
                    Thread.sleep(forTimeInterval: 0.25)
                    continue
                }
            }
            break
        }
        let first: any TrialQueueStorage
        do throws(StudyStorageError) {
            guard let queue = try address.open(readOnly: false) as? any TrialQueueStorage else {
                throw StudyStorageError.database(address.description, "this storage has no shared queue for workers")
            }
            first = queue
        } catch { throw .store(error) }
        let info: StudyInfo, settings: [String: String]
        do { info = try first.info(); settings = try first.settings(); try first.close() } catch { throw .store(error) }
        let scenario = try Self.runnable(info, settings: settings, at: location.description)
        return StudyWorker(location: location, scenario: scenario.0, evaluator: scenario.1, seed: info.seed) { () throws(StudyStorageError) in
            try first.reopen()
        }
    }

    private init(location: StudyLocation, scenario: Scenario, evaluator: any Evaluator, seed: UInt64,
                 open: @escaping @Sendable () throws(StudyStorageError) -> any TrialQueueStorage) {
        self.location = location
        self.scenario = scenario
        self.open = open
        self.execution = TrialExecution(evaluator: evaluator, scenario: scenario, seed: seed, scheduler: nil)
    }

    /// The stored scenario as the coordinator runs it, and its evaluator — or why this host
    /// cannot run it.
    private static func runnable(_ info: StudyInfo, settings: [String: String], at here: String) throws(StudyError) -> (Scenario, any Evaluator) {
        let refuse = { (why: String) -> StudyError in .scenario("\(here): this worker cannot run the study's trials: \(why)") }
        var scenario: Scenario
        do { scenario = try ScenarioLoader.parse(info.scenario, path: info.scenarioPath, checkFiles: true) }
        catch { throw refuse(error.description) }
        scenario.search.seed = info.seed
        guard let plugin = PluginRegistry.standard.evaluator(scenario.evaluator.key) else {
            throw refuse("unknown evaluator '\(scenario.evaluator.key)' (a newer version made the study?)")
        }
        let made: MadeEvaluator
        do { made = try plugin.makeEvaluator(scenario) } catch { throw refuse(error.description) }
        for r in made.resources where !scenario.resources.contains(where: { $0.metric == r.metric }) { scenario.resources.append(r) }
        if scenario.metricNames != info.metricNames {
            throw refuse("its metrics here (\(scenario.metricNames.joined(separator: ", "))) are not the study's (\(info.metricNames.joined(separator: ", "))); use the coordinator's version of Hyperfront")
        }
        return (scenario, made.evaluator)
    }

    /// Runs trials on `workers` threads until the study is done or `shouldStop` says so (the
    /// trials running then are stopped and handed back to the queue).
    public func run(workers: Int, reclaimAfter: Double = SharedQueue.defaultReclaimAfter,
                    shouldStop: @escaping @Sendable () -> Bool = { false }) throws(StudyError) -> Summary {
        let started = Date()
        let name = SharedQueue.workerName()
        let beat: Heartbeat
        let running = RunningTrials()
        do { beat = Heartbeat(worker: name, store: try open(), running: running) } catch { throw .store(error) }
        defer { beat.stop() }
        let busy = BusyClock()
        let signals: (any QueueSignals)?
        do { let s = try open(); signals = s.signals(); try? s.close() } catch { throw .store(error) }
        defer { signals?.close() }
        var execution = self.execution
        var relay: RelayedScheduler? = nil
        if scenario.earlyStopping.algorithm != .none {
            let r = RelayedScheduler(open: open, signals: signals, shouldStop: shouldStop)
            relay = r
            execution.scheduler = r
        }
        defer { relay?.close() }
        let results = ResultBox()
        let group = DispatchGroup()
        let evaluator = execution.evaluator
        let watcher = StopWatcher(shouldStop: shouldStop) { (evaluator as? any InterruptibleEvaluator)?.interrupt() }
        for _ in 0..<max(1, workers) {
            let store: any TrialQueueStorage
            do { store = try open() } catch { throw .store(error) }
            let worker = QueueWorker(store: store, execution: execution, name: name, reclaimAfter: reclaimAfter, busy: busy,
                                     running: running, relay: relay, signals: signals, shouldStop: shouldStop, isDone: { beat.studyDone })
            group.enter()
            let thread = Thread {
                results.add(worker.run())
                try? store.close()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        watcher.stop()
        var summary = results.summary
        summary.busySeconds = busy.total
        summary.wallSeconds = Date().timeIntervalSince(started)
        if let f = summary.first, let l = summary.last { summary.activeSeconds = l - f }
        return summary
    }
}

/// The worker threads' tallies, summed.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var summary = StudyWorker.Summary()
    func add(_ r: Result<QueueWorker.Tally, StudyStorageError>) {
        lock.lock(); defer { lock.unlock() }
        switch r {
        case .success(let t):
            summary.finished += t.finished; summary.failed += t.failed
            summary.reclaimed += t.reclaimed; summary.superseded += t.superseded
            if let f = t.first { summary.first = min(summary.first ?? f, f) }
            if let l = t.last { summary.last = max(summary.last ?? l, l) }
        case .failure(let e): summary.failure = summary.failure ?? e.description
        }
    }
}

/// Interrupts the evaluator once `shouldStop` turns true (looked at every 50 ms), so that a
/// running command is stopped at once rather than after its trial.
private final class StopWatcher: @unchecked Sendable {
    private let timer: DispatchSourceTimer
    init(shouldStop: @escaping @Sendable () -> Bool, interrupt: @escaping @Sendable () -> Void) {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "worker-stop"))
        let fired = StopFlag()
        timer.schedule(deadline: .now() + 0.05, repeating: 0.05)
        timer.setEventHandler { if !fired.isSet && shouldStop() { fired.set(); interrupt() } }
        timer.resume()
    }
    func stop() { timer.cancel() }
}
