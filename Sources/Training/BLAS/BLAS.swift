internal import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// The one place the trainer calls OpenBLAS: single-precision matrix products on row-major
/// buffers, each input checked before the call (a wrong leading dimension or a short buffer
/// would make the C library read or write out of bounds).
///
/// OpenBLAS is loaded when first needed, with `OPENBLAS_NUM_THREADS=1`: one BLAS thread per
/// trial, so trials running in parallel do not compete for cores and results do not depend on
/// thread scheduling. Loading it at run time (not at program start) also keeps OpenBLAS's
/// thread pool — which busy-waits after it starts — out of every command that trains nothing.
enum BLAS {
    typealias Sgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Float,
                                      UnsafePointer<Float>?, blasint, UnsafePointer<Float>?, blasint, Float,
                                      UnsafeMutablePointer<Float>?, blasint) -> Void

    /// Library names tried, in order (Debian's libopenblas0 provides the first).
    static let libraryNames = ["libopenblas.so.0", "libopenblas.so"]

    /// `cblas_sgemm` from OpenBLAS, or why it could not be loaded. Resolved once per process.
    static let sgemm: Result<Sgemm, BLASLibrary.LoadError> = {
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        var reasons: [String] = []
        for name in libraryNames {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            guard let symbol = dlsym(handle, "cblas_sgemm") else {
                reasons.append("\(name) has no cblas_sgemm")
                continue
            }
            return .success(unsafeBitCast(symbol, to: Sgemm.self))
        }
        return .failure(BLASLibrary.LoadError(reasons: reasons))
    }()

    /// `c ← alpha · op(a) · op(b) + beta · c`, where `op(x)` is `x` or its transpose, for row-major
    /// `op(a)` of shape m×k, `op(b)` k×n, `c` m×n (leading dimensions are the stored row lengths).
    ///
    /// - Complexity: 2·m·n·k floating-point operations.
    @inline(__always)
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, aCount: Int, b: UnsafePointer<Float>, bCount: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, cCount: Int) {
        guard case .success(let sgemm) = sgemm else {
            preconditionFailure("OpenBLAS is not loaded; call BLASLibrary.load() before training")
        }
        // Stored shapes: a is m×k (or k×m when transposed), b is k×n (or n×k), c is m×n.
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        precondition(m > 0 && n > 0 && k > 0, "gemm: empty dimension \(m)×\(n)×\(k)")
        precondition(m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max), "gemm: dimension too large")
        precondition(aCount >= m * k && bCount >= k * n && cCount >= m * n,
                     "gemm: buffer too short (a \(aCount) < \(m * k), b \(bCount) < \(k * n) or c \(cCount) < \(m * n))")
        precondition(alpha.isFinite && beta.isFinite, "gemm: non-finite scale")
        sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
              blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(n))
    }
}

/// Loading the BLAS library the trainer needs.
public enum BLASLibrary {
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let reasons: [String]
        public var description: String {
            "cannot load OpenBLAS (\(reasons.joined(separator: "; "))); install it: apt-get install libopenblas0 (or run scripts/setup.sh)"
        }
    }

    /// Loads OpenBLAS (single-threaded) if it is not loaded yet.
    public static func load() throws(LoadError) {
        if case .failure(let e) = BLAS.sgemm { throw e }
    }
}
