/// What a run, the study lifecycle and the reports need of a study's storage: its description
/// and model, its trials (saved as they start and finish, with their intermediate reports), a
/// few run settings, the trial budget and the run lock.
///
/// One interface, several backends (the SQLite study file is the first; a server database can
/// follow), each checked by the same conformance suite. Rules every conformer keeps:
/// - trial numbers are unique: saving a trial whose number is stored as `running` replaces that
///   row (a trial rerun after a crash is neither lost nor duplicated); a trial stored in a
///   finished state (complete, failed) never changes — saving over it throws `.finished`;
/// - every `save` is atomic: all of its trials and intermediate reports, or none;
/// - several handles on one study may write at once (distinct trial numbers) without losing rows;
/// - a read-only handle never writes, and its writing methods throw `.readOnly`.
public protocol StudyStorage: AnyObject, Sendable {
    /// Where the study lives, for messages (a file path, a database URL).
    var location: String { get }
    /// Whether this handle was opened for reading only.
    var isReadOnly: Bool { get }

    /// The study's description (name, scenario text, seed, budget, names, model).
    func info() throws(StudyStorageError) -> StudyInfo
    /// Stores the study's model (for a study made before models were stored).
    func setModel(_ model: StudyModel) throws(StudyStorageError)
    /// Raises (or sets) the trial budget.
    func setTrialBudget(_ trials: Int) throws(StudyStorageError)

    /// Every trial, by number.
    func trials() throws(StudyStorageError) -> [Trial]
    /// Writes trials (new, or replacing their `running` rows) and the intermediate reports of
    /// some of them (JSON lines in order, replacing the trial's earlier ones) in one transaction.
    func save(_ trials: [Trial], intermediate: [Int: [String]]) throws(StudyStorageError)
    /// Intermediate reports of one trial, in order (JSON lines).
    func intermediate(trial: Int) throws(StudyStorageError) -> [String]
    /// Number of trials in each state (states without trials are left out).
    func counts() throws(StudyStorageError) -> [TrialState: Int]

    /// A stored run setting (e.g. the pipeline depth a resumed run must reuse).
    func setting(_ key: String) throws(StudyStorageError) -> String?
    func setSetting(_ key: String, _ value: String) throws(StudyStorageError)
    /// Every stored run setting (what a copy of the study must carry).
    func settings() throws(StudyStorageError) -> [String: String]

    /// Takes the run lock for this process, or throws `.busy` naming the holder.
    func acquireRunLock() throws(StudyStorageError)
    /// Refreshes the heartbeat of the lock this process holds.
    func heartbeat()
    /// Gives the lock up (only if this process holds it).
    func releaseRunLock()
    /// The live holder of the run lock, described ("process 123 on host"), or nil.
    func runLockHolder() -> String?

    /// Makes what is committed durable in the study's main storage (cheap; may do nothing).
    func checkpoint() throws(StudyStorageError)
    /// Closes the handle; it cannot be used afterwards.
    func close() throws(StudyStorageError)
}

extension StudyStorage {
    /// Writes trials without intermediate reports.
    public func save(_ trials: [Trial]) throws(StudyStorageError) { try save(trials, intermediate: [:]) }
}

/// Why a study's storage could not do what was asked, in words a person can act on.
public enum StudyStorageError: Error, CustomStringConvertible, Sendable {
    case notAStudy(String, String)
    case exists(String)
    case missing(String)
    case database(String, String)
    case busy(String, String)
    /// Opened for reading only (a report, a status).
    case readOnly(String)
    /// A trial stored as finished cannot be saved again.
    case finished(String, Int)
    /// The study was written by a newer version.
    case newer(String)
    /// The study cannot be opened for writing (a read-only folder or file).
    case notWritable(String, String)
    /// The disk that holds the study is full: the study, the folder it is written in (absolute)
    /// and the bytes free there, when known. A failure of the machine, not of the input.
    case diskFull(String, folder: String, free: Int64?)

    public var description: String {
        switch self {
        case .notAStudy(let p, let why): return "\(p): not a Hyperfront study file (\(why))"
        case .exists(let p): return "\(p): a study file already exists here; add --resume to continue it, or give another --study path"
        case .missing(let p): return "\(p): no such study file; run 'hyperfront run SCENARIO --study \(p)' first"
        case .database(let p, let why): return "\(p): \(why)"
        case .busy(let p, let who): return "\(p): this study is being run by \(who); wait for it to finish or stop it (Ctrl-C), then continue with --resume"
        case .readOnly(let p): return "\(p): the study was opened for reading only"
        case .finished(let p, let n): return "\(p): trial \(n) is already finished; a finished trial never changes"
        case .newer(let p): return "\(p): the study file was written by a newer version of Hyperfront; use that version to read or continue it"
        case .notWritable(let p, let why): return "\(p): cannot write the study file (\(why)); check the folder's permissions and free space, or give another --study path"
        case .diskFull(let p, let folder, let free):
            let left = free.map { ", \($0 < 4096 ? "\($0) bytes" : "\($0 / 1024) KB") free" } ?? ""
            return "\(p): the disk is full: the study file cannot grow in \(folder)\(left); free some space there, or give a --study path on another disk"
        }
    }
}
