import Store

/// Why a study cannot be created, resumed, opened or run — each with what to do instead.
public enum StudyError: Error, CustomStringConvertible {
    /// A setting is out of range (`--workers 100000`).
    case invalid(String)
    /// The scenario cannot be run (an evaluator that cannot start, an impossible budget).
    case scenario(String)
    /// The study file exists but cannot be continued with this scenario or these overrides.
    case cannotResume(String)
    /// The study file cannot be written where it is asked for.
    case unwritable(String)
    /// The study file refused (missing, not a study, busy, exists).
    case store(StudyStore.StoreError)
    /// The study was opened to be read (`Study.open(at:)`); resume it to run it.
    case readOnly(String)
    /// The run itself failed.
    case run(StudyRunner.RunError)
    /// Stopped by its cancellation (Ctrl-C) while setting up, before any trial ran; a new
    /// study's file is not made.
    case interrupted

    public var description: String {
        switch self {
        case .invalid(let why), .scenario(let why), .unwritable(let why), .cannotResume(let why): return why
        case .store(let e): return e.description
        case .readOnly(let path): return "\(path): opened to be read; use Study.resume to run it"
        case .run(let e): return e.description
        case .interrupted: return "interrupted while setting up the budgets, before any trial ran"
        }
    }

    /// Bad input (exit code 2), as opposed to a failure of the machine under a study (a full
    /// disk, also when the study file is first written; I/O — exit code 1) or an interrupt.
    public var isBadInput: Bool {
        switch self {
        case .run(.store), .run(.interrupted), .interrupted, .store(.diskFull): return false
        default: return true
        }
    }
}
