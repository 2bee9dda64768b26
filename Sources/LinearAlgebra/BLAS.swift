internal import COpenBLAS

/// Matrix products through OpenBLAS on row-major buffers, each input checked before the call
/// (a wrong leading dimension or a short buffer would make the C library read or write out
/// of bounds).
public enum BLAS {
    /// `c ← alpha · op(a) · op(b) + beta · c` in single precision, where `op(x)` is `x` or its
    /// transpose, for row-major `op(a)` of shape m×k, `op(b)` k×n, `c` m×n (leading dimensions
    /// are the stored row lengths).
    ///
    /// - Complexity: 2·m·n·k floating-point operations.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            a: UnsafePointer<Float>, aCount: Int, b: UnsafePointer<Float>, bCount: Int,
                            beta: Float, c: UnsafeMutablePointer<Float>, cCount: Int) {
        check(m: m, n: n, k: k, aCount: aCount, bCount: bCount, cCount: cCount)
        precondition(alpha.isFinite && beta.isFinite, "gemm: non-finite scale")
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        BLASLibrary.loaded.sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                                 blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(n))
    }

    /// The double-precision product, same shapes and storage as the single-precision one.
    ///
    /// - Complexity: 2·m·n·k floating-point operations.
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            a: UnsafePointer<Double>, aCount: Int, b: UnsafePointer<Double>, bCount: Int,
                            beta: Double, c: UnsafeMutablePointer<Double>, cCount: Int) {
        check(m: m, n: n, k: k, aCount: aCount, bCount: bCount, cCount: cCount)
        precondition(alpha.isFinite && beta.isFinite, "gemm: non-finite scale")
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        BLASLibrary.loaded.dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                                 blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(n))
    }

    /// op(a) · op(b) as a new row-major m×n array (shapes as in `gemm`).
    public static func product(_ a: [Double], _ b: [Double], transposeA: Bool = false, transposeB: Bool = false,
                               m: Int, n: Int, k: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    // An empty array's base address is nil; `check` refuses empty shapes first.
                    check(m: m, n: n, k: k, aCount: ap.count, bCount: bp.count, cCount: cp.count)
                    gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1, a: ap.baseAddress!, aCount: ap.count,
                         b: bp.baseAddress!, bCount: bp.count, beta: 0, c: cp.baseAddress!, cCount: cp.count)
                }
            }
        }
        return c
    }

    private static func check(m: Int, n: Int, k: Int, aCount: Int, bCount: Int, cCount: Int) {
        // Stored shapes: a is m×k (or k×m when transposed), b is k×n (or n×k), c is m×n.
        precondition(m > 0 && n > 0 && k > 0, "gemm: empty dimension \(m)×\(n)×\(k)")
        precondition(m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max), "gemm: dimension too large")
        precondition(aCount >= m * k && bCount >= k * n && cCount >= m * n,
                     "gemm: buffer too short (a \(aCount) < \(m * k), b \(bCount) < \(k * n) or c \(cCount) < \(m * n))")
    }
}
