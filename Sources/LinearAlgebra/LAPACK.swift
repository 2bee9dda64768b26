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

    /// Replaces the lower triangle of a factor of `choleskyFactor` (L, in the same storage) by
    /// L⁻¹, in place; the other triangle is left as it was. Returns false when L is singular.
    ///
    /// - Complexity: n³/3 floating-point operations (`dtrtri`).
    public static func lowerInverse(_ factor: inout [Double], n: Int) -> Bool {
        precondition(n > 0 && n <= Int(Int32.max) && factor.count >= n * n, "lowerInverse: \(factor.count) values for a \(n)×\(n) matrix")
        precondition(factor.withUnsafeBufferPointer { p in (0..<n).allSatisfy { p[$0 * n + $0].isFinite } }, "lowerInverse: non-finite diagonal")
        var uplo = CChar(UInt8(ascii: "L")), diag = CChar(UInt8(ascii: "N")), nn = blasint(n), info: blasint = 0
        _ = factor.withUnsafeMutableBufferPointer { p in BLASLibrary.loaded.dtrtri(&uplo, &diag, &nn, p.baseAddress, &nn, &info) }
        precondition(info >= 0, "dtrtri: argument \(-info) invalid")
        return info == 0
    }

    /// `b ← op(T)·b` for the lower-triangular T held like a factor (e.g. L⁻¹ from
    /// `lowerInverse`), op(T) = T or Tᵀ, with b an n×columns **row-major** matrix (row i
    /// belongs to training point i). Multiplying by L⁻¹ and then by L⁻ᵀ solves with the
    /// factored matrix at the cost of two matrix products, about 2.5× faster than triangular
    /// solves (`dtrsm`) at n = 200.
    ///
    /// - Complexity: n²·columns floating-point operations (`dtrmm`).
    public static func lowerMultiply(_ t: [Double], n: Int, _ b: inout [Double], columns: Int, transpose: Bool) {
        precondition(n > 0 && columns > 0 && n <= Int(Int32.max) && columns <= Int(Int32.max) && t.count >= n * n && b.count >= n * columns,
                     "lowerMultiply: \(t.count) triangle and \(b.count) right-hand values for n = \(n), \(columns) columns")
        // Row-major, the stored lower triangle reads as its transpose (upper).
        t.withUnsafeBufferPointer { f in
            b.withUnsafeMutableBufferPointer { p in
                BLASLibrary.loaded.dtrmm(CblasRowMajor, CblasLeft, CblasUpper, transpose ? CblasNoTrans : CblasTrans, CblasNonUnit,
                                         blasint(n), blasint(columns), 1, f.baseAddress, blasint(n), p.baseAddress, blasint(columns))
            }
        }
    }
}
