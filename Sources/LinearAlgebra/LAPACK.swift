internal import COpenBLAS

/// Cholesky factorisations and solves through OpenBLAS's LAPACK, on symmetric positive
/// definite matrices stored as n×n row-major (= column-major, the matrix being symmetric)
/// `[Double]` buffers. Sizes and finiteness are checked in Swift before each call.
///
/// The factor is kept as LAPACK leaves it: `a` = L·Lᵀ with L in the column-major lower
/// triangle, which is the row-major *upper* triangle (entry (j, i), j ≤ i, at `a[j·n + i]`).
public enum LAPACK {
    /// Factors `a` (n×n, symmetric positive definite) in place: `a = L·Lᵀ`. Returns false, and
    /// leaves `a` partly overwritten, when `a` is not positive definite.
    ///
    /// - Complexity: n³/3 floating-point operations (`dpotrf`).
    public static func choleskyFactor(_ a: inout [Double], n: Int) -> Bool {
        precondition(n > 0 && n <= Int(Int32.max) && a.count >= n * n, "choleskyFactor: \(a.count) values for a \(n)×\(n) matrix")
        precondition(a.withUnsafeBufferPointer { p in (0..<(n * n)).allSatisfy { p[$0].isFinite } }, "choleskyFactor: non-finite entry")
        var uplo = CChar(UInt8(ascii: "L")), nn = blasint(n), info: blasint = 0
        _ = a.withUnsafeMutableBufferPointer { p in BLASLibrary.loaded.dpotrf(&uplo, &nn, p.baseAddress, &nn, &info) }
        precondition(info >= 0, "dpotrf: argument \(-info) invalid")
        return info == 0
    }

    /// Solves `A·X = B` for the factor of `choleskyFactor`; `b` holds `columns` right-hand
    /// sides as an n×columns column-major matrix (for one right-hand side: a plain vector).
    ///
    /// - Complexity: 2·n²·columns floating-point operations (`dpotrs`).
    public static func choleskySolve(factor: [Double], n: Int, _ b: inout [Double], columns: Int = 1) {
        precondition(n > 0 && columns > 0 && factor.count >= n * n && b.count >= n * columns,
                     "choleskySolve: \(factor.count) factor and \(b.count) right-hand values for n = \(n), \(columns) columns")
        precondition(b.withUnsafeBufferPointer { p in (0..<(n * columns)).allSatisfy { p[$0].isFinite } }, "choleskySolve: non-finite right-hand side")
        var uplo = CChar(UInt8(ascii: "L")), nn = blasint(n), nr = blasint(columns), info: blasint = 0
        factor.withUnsafeBufferPointer { f in
            _ = b.withUnsafeMutableBufferPointer { p in BLASLibrary.loaded.dpotrs(&uplo, &nn, &nr, f.baseAddress, &nn, p.baseAddress, &nn, &info) }
        }
        precondition(info == 0, "dpotrs: argument \(-info) invalid")
    }

    /// The inverse of A from its factor, overwriting the factor; both triangles are filled.
    ///
    /// - Complexity: 2·n³/3 floating-point operations (`dpotri`) plus n² copies.
    public static func choleskyInverse(_ factor: inout [Double], n: Int) {
        precondition(n > 0 && factor.count >= n * n, "choleskyInverse: \(factor.count) values for a \(n)×\(n) matrix")
        var uplo = CChar(UInt8(ascii: "L")), nn = blasint(n), info: blasint = 0
        _ = factor.withUnsafeMutableBufferPointer { p in BLASLibrary.loaded.dpotri(&uplo, &nn, p.baseAddress, &nn, &info) }
        precondition(info == 0, "dpotri: \(info)")
        // The column-major lower triangle is the row-major upper one: mirror it.
        factor.withUnsafeMutableBufferPointer { p in
            for i in 0..<n { for j in 0..<i { p[i * n + j] = p[j * n + i] } }
        }
    }

    /// Solves `L·X = B` in place for the factor's L, with B an n×columns **row-major**
    /// matrix (row i of B belongs to training point i): X = L⁻¹B.
    ///
    /// - Complexity: n²·columns floating-point operations (`dtrsm`).
    public static func lowerSolve(factor: [Double], n: Int, _ b: inout [Double], columns: Int) {
        precondition(n > 0 && columns > 0 && factor.count >= n * n && b.count >= n * columns,
                     "lowerSolve: \(factor.count) factor and \(b.count) right-hand values for n = \(n), \(columns) columns")
        // Row-major, the stored factor reads as Lᵀ (upper): solve (Lᵀ)ᵀ·X = B.
        factor.withUnsafeBufferPointer { f in
            b.withUnsafeMutableBufferPointer { p in
                BLASLibrary.loaded.dtrsm(CblasRowMajor, CblasLeft, CblasUpper, CblasTrans, CblasNonUnit, blasint(n), blasint(columns),
                                         1, f.baseAddress, blasint(n), p.baseAddress, blasint(columns))
            }
        }
    }
}
