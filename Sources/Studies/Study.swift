import Foundation
import StudyStorages
import Hyperfront
import IntegerPrograms
import Schedulers
import Pareto
import Store

/// A study: one scenario searched under one seed, every trial kept in one study file — the
/// lifecycle a library user and the `hyperfront` command share.
///
/// ```swift
/// let study = try Study.create(scenario: scenario, at: "runs/zdt1.sqlite", overrides: .init(trials: 2_000))
/// let summary = try study.run()
/// ```
///
/// - `create` starts a new study file (never overwrites one); `resume` continues one exactly
///   where it stopped (the run is replayed from the seed; finished trials are not run again);
///   `open` reads one without running it.
/// - Overrides (seed, trials, workers, pipeline depth, algorithm) are resolved once, against
///   the scenario and — on resume — against what the study file recorded, *before* the sampler
///   is built; a resumed study keeps its seed, algorithm and pipeline depth, and its trial
///   budget unless a new one is given.
/// - A study made to run holds the study's run lock (with a heartbeat) until `close()` or its
///   release: a second process is refused with who runs the study.
public final class Study {
    public typealias Progress = StudyRunner.Progress
    public typealias Summary = StudyRunner.Summary

    public let path: String
    public let store: any StudyStorage
    /// The scenario as run: overrides applied, the evaluator's resources added (for a study
    /// opened to be read: the scenario stored in the study file).
    public let scenario: Scenario
    /// The settings runs use.
    public let settings: Settings
    /// Whether the study file existed before (resumed or opened).
    public let resumed: Bool
    /// Answers trials' intermediate reports; by default every trial runs to its end.
    public var scheduler: any TrialScheduler = RunToCompletion()

    let parts: StudySetup?
    var lease: Lease?
    /// The last run, kept so that its memory goes with the study (or the process).
    private var lastRunner: StudyRunner?

    private init(path: String, store: any StudyStorage, scenario: Scenario, settings: Settings, resumed: Bool,
                 parts: StudySetup?, lease: Lease?) {
        self.path = path
        self.store = store
        self.scenario = scenario
        self.settings = settings
        self.resumed = resumed
        self.parts = parts
        self.lease = lease
    }

    /// Creates a new study of `scenario` at `path` (default: `defaultPath(for:)`), its folder
    /// too; refuses to overwrite a study file.
    ///
    /// Once `cancellation` is cancelled (e.g. by Ctrl-C), the budgets' integer programs stop:
    /// during this set-up (`StudyError.interrupted`, no file written) and during `run`'s seeding
    /// and repairs (the run then stops as if `shouldStop` had said so).
    public static func create(scenario: Scenario, at path: String? = nil, overrides: Overrides = .init(),
                              cancellation: SolveCancellation? = nil) throws(StudyError) -> Study {
        var settings = try resolve(scenario, stored: nil, overrides: overrides)
        let parts = try setup(scenario, &settings, cancellation: cancellation)
        let location = try studyLocation(path ?? defaultPath(for: scenario))
        let path = location.description
        try checkWorkers(settings, location)
        if location.isFile {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw .invalid("\(path) is a folder; give the study file's name, e.g. --study \((path as NSString).appendingPathComponent("study.sqlite"))")
            }
            if FileManager.default.fileExists(atPath: path), let holder = (try? StudyStore.open(path: path, readOnly: true))?.runLockHolder() {
                throw .invalid("\(path): this study is being run by \(holder) right now; choose another --study path")
            }
            if FileManager.default.fileExists(atPath: path) { throw .store(.exists(path)) }
            if let why = unwritable(creating: path) { throw .unwritable(why) }
        }
        let store: any StudyStorage
        do { store = try location.create(info: StudySetup.info(parts.scenario)) }
        catch {
            if case .notAStudy(_, let why) = error { throw .unwritable("\(path): cannot create the study file: \(why)") }
            throw .store(error)
        }
        let lease: Lease
        do {
            lease = try Lease(store: store)
            try store.setSetting(Key.pipeline, String(settings.pipelineDepth))
            try store.setSetting(Key.algorithm, settings.algorithm.rawValue)
            try store.setSetting(Key.samplerBudget, String(settings.samplerBudget))
        } catch { throw .store(error) }
        return Study(path: path, store: store, scenario: parts.scenario, settings: settings, resumed: false, parts: parts, lease: lease)
    }

    /// Continues the study at `path` (default: `defaultPath(for:)`) with `scenario`, which must
    /// be the one it was made with. With `createIfMissing`, a missing study file is created.
    /// `cancellation`: as for `create` (an interrupted set-up leaves the study file as it was).
    public static func resume(scenario: Scenario, at path: String? = nil, overrides: Overrides = .init(),
                              createIfMissing: Bool = false, cancellation: SolveCancellation? = nil) throws(StudyError) -> Study {
        let location = try studyLocation(path ?? defaultPath(for: scenario))
        let path = location.description
        if location.isFile {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if createIfMissing { return try create(scenario: scenario, at: path, overrides: overrides, cancellation: cancellation) }
                throw .store(.missing(path))
            }
            if !isDirectory.boolValue, let why = unwritable(resuming: path) { throw .unwritable(why) }
        } else if createIfMissing {
            let exists: Bool
            do { exists = try location.exists() } catch { throw .store(error) }
            if !exists { return try create(scenario: scenario, at: path, overrides: overrides, cancellation: cancellation) }
        }
        let store: any StudyStorage, info: StudyInfo, stored: StoredSettings
        do {
            store = try location.open()
            info = try store.info()
            stored = try storedSettings(store, info)
        } catch { throw .store(error) }
        var settings: Settings
        do { settings = try resolve(scenario, stored: stored, overrides: overrides) }
        catch { if case .cannotResume(let why) = error { throw .cannotResume("\(path): cannot resume: \(why)") }; throw error }
        let parts = try setup(scenario, &settings, cancellation: cancellation)
        try checkWorkers(settings, location)
        if let difference = StudySetup.difference(stored: info, scenario: parts.scenario) {
            throw .cannotResume("\(path): cannot resume: \(difference)")
        }
        let lease: Lease
        do {
            lease = try Lease(store: store)
            if info.model == nil {
                // A first-release study: its model is stored now, as the run reads it.
                var model = StudyModel(scenario: parts.scenario)
                model.search.trials = info.trials
                try store.setModel(model)
            }
            if info.trials < settings.trials { try store.setTrialBudget(settings.trials) }
            // Settings a first-release study did not record: recorded now, as they were.
            if stored.pipelineDepth == nil { try store.setSetting(Key.pipeline, String(settings.pipelineDepth)) }
            if stored.algorithm == nil { try store.setSetting(Key.algorithm, settings.algorithm.rawValue) }
            if stored.samplerBudget == nil { try store.setSetting(Key.samplerBudget, String(settings.samplerBudget)) }
        } catch { throw .store(error) }
        return Study(path: path, store: store, scenario: parts.scenario, settings: settings, resumed: true, parts: parts, lease: lease)
    }

    /// Continues the study at `path` with the scenario stored in it (its file paths are read
    /// relative to where the scenario was when the study was made).
    public static func resume(at path: String, overrides: Overrides = .init()) throws(StudyError) -> Study {
        let scenario = try storedScenario(at: path, checkFiles: true)
        return try resume(scenario: scenario, at: path, overrides: overrides)
    }

    /// Opens the study at `path` to read it: nothing is written to it, no lock is taken, `run`
    /// refuses.
    public static func open(at path: String) throws(StudyError) -> Study {
        let store: any StudyStorage, info: StudyInfo, stored: StoredSettings
        do {
            store = try StudyLocation.openStorage(path, readOnly: true)
            info = try store.info()
            stored = try storedSettings(store, info)
        } catch { throw .store(error) }
        let scenario: Scenario
        do { scenario = try ScenarioLoader.parse(info.scenario, path: info.scenarioPath, checkFiles: false) }
        catch { throw .scenario(error.description) }
        let algorithm = stored.algorithm ?? scenario.search.algorithm
        let settings = Settings(seed: info.seed, trials: info.trials, workers: scenario.search.workers,
                                pipelineDepth: stored.pipelineDepth ?? defaultPipelineDepth(scenario, algorithm: algorithm),
                                algorithm: algorithm, samplerBudget: stored.samplerBudget ?? info.trials)
        return Study(path: path, store: store, scenario: applying(settings, to: scenario), settings: settings, resumed: true,
                     parts: nil, lease: nil)
    }

    /// Runs trials until the budget is spent, the sampler is exhausted, or `shouldStop` says so
    /// (trials running then are stopped and run again on resume). `progress` is called on this
    /// thread after every finished trial.
    public func run(progress: (Progress) -> Void = { _ in }, shouldStop: @escaping @Sendable () -> Bool = { false }) throws(StudyError) -> Summary {
        guard let parts, lease != nil else { throw .readOnly(path) }
        let runner = StudyRunner(scenario: scenario, store: store, evaluator: parts.evaluator, sampler: parts.sampler,
                                 repair: parts.repair, trials: settings.trials, seed: settings.seed, workers: settings.workers)
        runner.pipelineDepth = settings.pipelineDepth
        runner.maxFailures = settings.maxFailures
        runner.enqueued = try enqueuedBatches()
        runner.warmStart = try recordedWarmStart()?.observations ?? []
        // Left at its default, the scheduler is the one the scenario's early_stopping asks for.
        runner.scheduler = scheduler is RunToCompletion ? PluginRegistry.standard.scheduler(for: scenario) : scheduler
        runner.sharedQueue = sharedQueue(scheduled: runner.scheduler != nil)
        lastRunner = runner
        var summary: Summary
        do {
            try markQueue(running: runner.sharedQueue != nil)
            summary = try runner.run(progress: progress, shouldStop: shouldStop)
            if summary.stoppedEarly != "stopped" { try markQueue(done: runner.sharedQueue != nil) }
        } catch { throw .run(error) }
        // A new study holds exactly what its runs counted; a resumed one may hold more.
        if resumed, let counts = try? store.counts() { summary.counts = counts }
        return summary
    }

    /// Every trial in the study file, by number.
    public func trials() throws(StudyError) -> [Trial] {
        do { return try store.trials() } catch { throw .store(error) }
    }

    /// The study file's trials by state.
    public func counts() throws(StudyError) -> [TrialState: Int] {
        do { return try store.counts() } catch { throw .store(error) }
    }

    /// The feasible Pareto front: the complete trials with no constraint violation that no
    /// other such trial beats on every objective, by number.
    public func front() throws(StudyError) -> [Trial] {
        let feasible = try trials().filter { $0.state == .complete && $0.violation <= 0 }
        let names = scenario.metricNames
        let columns = scenario.objectives.map { o in (names.firstIndex(of: o.metric)!, o.goal) }
        guard !columns.isEmpty, !feasible.isEmpty else { return [] }
        var values: [Double] = []
        values.reserveCapacity(feasible.count * columns.count)
        for t in feasible { for (c, goal) in columns { values.append(goal == .minimize ? t.metrics[c] : -t.metrics[c]) } }
        return NondominatedSorting.nondominatedIndices(PointSet(values: values, dimension: columns.count)).sorted().map { feasible[$0] }
    }

    /// Gives up the run lock and closes the study file.
    public func close() throws(StudyError) {
        lease?.release()
        lease = nil
        do { try store.close() } catch { throw .store(error) }
    }

    deinit { lease?.release() }

    // MARK: parts

    /// The study a `--study` argument names: a file path or a study URL.
    private static func studyLocation(_ text: String) throws(StudyError) -> StudyLocation {
        do { return try StudyLocation.parse(text) } catch { throw .store(error) }
    }

    /// The keys of the settings a study file records beside its seed and trial budget.
    enum Key {
        static let pipeline = "pipeline"
        static let algorithm = "algorithm"
        static let samplerBudget = "sampler_budget"
    }

    private static func storedSettings(_ store: any StudyStorage, _ info: StudyInfo) throws(StudyStore.StoreError) -> StoredSettings {
        StoredSettings(seed: info.seed, trials: info.trials,
                       pipelineDepth: try store.setting(Key.pipeline).flatMap { Int($0) },
                       algorithm: try store.setting(Key.algorithm).flatMap { SearchSettings.Algorithm(rawValue: $0) },
                       samplerBudget: try store.setting(Key.samplerBudget).flatMap { Int($0) })
    }

    private static func storedScenario(at path: String, checkFiles: Bool) throws(StudyError) -> Scenario {
        let info: StudyInfo
        do {
            let store = try StudyLocation.openStorage(path, readOnly: true)
            info = try store.info()
            try store.close()
        } catch { throw .store(error) }
        do { return try ScenarioLoader.parse(info.scenario, path: info.scenarioPath, checkFiles: checkFiles) }
        catch { throw .scenario(error.description) }
    }

    /// The evaluator, sampler and repair of `scenario` run with `settings`; the trial budget is
    /// lowered to what the sampler can fill (a grid: its size).
    private static func setup(_ scenario: Scenario, _ settings: inout Settings,
                              cancellation: SolveCancellation?) throws(StudyError) -> StudySetup {
        let applied = applying(settings, to: scenario)
        var parts: StudySetup
        let limit: Int?
        do {
            parts = try StudySetup.make(applied, cancellation: cancellation)
            limit = try StudySetup.plugin(for: applied, registry: .standard).trialLimit(of: parts.sampler)
        } catch { throw error.interrupted ? .interrupted : .scenario(error.description) }
        if let limit { settings.trials = min(settings.trials, limit) }
        parts.scenario.search.trials = settings.trials
        if parts.scenario.enqueueBudget == .refuse {
            try checkBudgets(parts.scenario.enqueue, scenario: parts.scenario,
                             hint: "change it to fit, or write 'enqueue_budget: repair' to move it to the nearest configuration that fits")
        }
        return parts
    }
}
