import Training

/// Why the built-in MLP evaluator cannot be set up: bad data (located by file, line and
/// column) or a search space it cannot train from.
public enum MLPEvaluatorError: Error, Sendable, CustomStringConvertible {
    /// A data file is missing, malformed or unsuitable (see `DataError`).
    case data(DataError)
    /// A search-space parameter the trainer cannot use as declared.
    case space(parameter: String, message: String, hint: String)
    /// The BLAS library the trainer needs cannot be loaded.
    case library(BLASLibrary.LoadError)

    public var description: String {
        switch self {
        case .data(let e): return e.description
        case .space(let p, let m, let h): return "space.\(p): \(m) — \(h)"
        case .library(let e): return e.description
        }
    }
}
