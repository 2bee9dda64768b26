#if canImport(Glibc)
import Glibc
#endif

/// Loading OpenBLAS: the one place Hyperfront opens the C library. Its BLAS and LAPACK entry
/// points are called only through `BLAS` and `LAPACK`, which check every input first.
///
/// OpenBLAS is loaded when first needed, with `OPENBLAS_NUM_THREADS=1`: one BLAS thread per
/// trial, so trials running in parallel do not compete for cores and results do not depend on
/// thread scheduling. Loading it at run time (not at program start) also keeps OpenBLAS's
/// thread pool — which busy-waits after it starts — out of every command that needs none.
public enum BLASLibrary {
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let reasons: [String]
        public var description: String {
            "cannot load OpenBLAS (\(reasons.joined(separator: "; "))); install it: apt-get install libopenblas0 (or run scripts/setup.sh)"
        }
    }

    /// Library names tried, in order (Debian's libopenblas0 provides the first).
    static let libraryNames = ["libopenblas.so.0", "libopenblas.so"]

    /// The entry points used, resolved once per process.
    static let symbols: Result<Symbols, LoadError> = {
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        var reasons: [String] = []
        for name in libraryNames {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            var found: [String: UnsafeMutableRawPointer] = [:]
            var missing: [String] = []
            for s in Symbols.names {
                if let p = dlsym(handle, s) { found[s] = p } else { missing.append(s) }
            }
            guard missing.isEmpty else {
                reasons.append("\(name) has no \(missing.joined(separator: ", "))")
                continue
            }
            return .success(Symbols(found))
        }
        return .failure(LoadError(reasons: reasons))
    }()

    /// Loads OpenBLAS (single-threaded) if it is not loaded yet.
    public static func load() throws(LoadError) {
        if case .failure(let e) = symbols { throw e }
    }

    /// The loaded entry points; stops the program when OpenBLAS is missing (callers load first).
    @usableFromInline
    static var loaded: Symbols {
        switch symbols {
        case .success(let s): return s
        case .failure(let e): preconditionFailure("OpenBLAS is not loaded (\(e.description)); call BLASLibrary.load() first")
        }
    }
}
