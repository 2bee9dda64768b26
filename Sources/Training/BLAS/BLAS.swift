internal import COpenBLAS

/// The one place the trainer calls OpenBLAS: single-precision matrix products on row-major
/// buffers, each input checked before the call (a wrong leading dimension or a short buffer
/// would make the C library read or write out of bounds).
enum BLAS {
    /// Pins OpenBLAS to one thread per call, so that trials running in parallel do not compete
    /// for cores and results do not depend on thread scheduling. Runs once per process.
    static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// `c ← alpha · op(a) · op(b) + beta · c`, where `op(x)` is `x` or its transpose, for row-major
    /// `op(a)` of shape m×k, `op(b)` k×n, `c` m×n (leading dimensions are the stored row lengths).
    ///
    /// - Complexity: 2·m·n·k floating-point operations.
    @inline(__always)
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, aCount: Int, b: UnsafePointer<Float>, bCount: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, cCount: Int) {
        _ = singleThreaded
        // Stored shapes: a is m×k (or k×m when transposed), b is k×n (or n×k), c is m×n.
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        precondition(m > 0 && n > 0 && k > 0, "gemm: empty dimension \(m)×\(n)×\(k)")
        precondition(m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max), "gemm: dimension too large")
        precondition(aCount >= m * k && bCount >= k * n && cCount >= m * n,
                     "gemm: buffer too short (a \(aCount) < \(m * k), b \(bCount) < \(k * n) or c \(cCount) < \(m * n))")
        precondition(alpha.isFinite && beta.isFinite, "gemm: non-finite scale")
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(n))
    }
}
