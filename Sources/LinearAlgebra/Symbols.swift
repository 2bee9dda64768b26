internal import COpenBLAS

/// The C entry points of OpenBLAS that Hyperfront calls, typed.
@usableFromInline
struct Symbols: @unchecked Sendable {
    typealias Sgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Float,
                                      UnsafePointer<Float>?, blasint, UnsafePointer<Float>?, blasint, Float,
                                      UnsafeMutablePointer<Float>?, blasint) -> Void
    typealias Dgemm = @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, blasint, blasint, blasint, Double,
                                      UnsafePointer<Double>?, blasint, UnsafePointer<Double>?, blasint, Double,
                                      UnsafeMutablePointer<Double>?, blasint) -> Void
    typealias Dtrmm = @convention(c) (CBLAS_ORDER, CBLAS_SIDE, CBLAS_UPLO, CBLAS_TRANSPOSE, CBLAS_DIAG, blasint, blasint,
                                      Double, UnsafePointer<Double>?, blasint, UnsafeMutablePointer<Double>?, blasint) -> Void
    /// LAPACK's Fortran interface: (uplo, n, a, lda, info) and (uplo, n, nrhs, a, lda, b, ldb, info).
    typealias Dpotrf = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<blasint>?, UnsafeMutablePointer<Double>?,
                                       UnsafePointer<blasint>?, UnsafeMutablePointer<blasint>?) -> Int32
    typealias Dpotrs = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<blasint>?, UnsafePointer<blasint>?,
                                       UnsafePointer<Double>?, UnsafePointer<blasint>?, UnsafeMutablePointer<Double>?,
                                       UnsafePointer<blasint>?, UnsafeMutablePointer<blasint>?) -> Int32

    /// (uplo, diag, n, a, lda, info).
    typealias Dtrtri = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<blasint>?,
                                       UnsafeMutablePointer<Double>?, UnsafePointer<blasint>?, UnsafeMutablePointer<blasint>?) -> Int32

    static let names = ["cblas_sgemm", "cblas_dgemm", "cblas_dtrmm", "dpotrf_", "dpotri_", "dpotrs_", "dtrtri_"]

    let sgemm: Sgemm
    let dgemm: Dgemm
    let dtrmm: Dtrmm
    let dpotrf: Dpotrf
    let dpotri: Dpotrf
    let dpotrs: Dpotrs
    let dtrtri: Dtrtri

    init(_ found: [String: UnsafeMutableRawPointer]) {
        sgemm = unsafeBitCast(found["cblas_sgemm"]!, to: Sgemm.self)
        dgemm = unsafeBitCast(found["cblas_dgemm"]!, to: Dgemm.self)
        dtrmm = unsafeBitCast(found["cblas_dtrmm"]!, to: Dtrmm.self)
        dpotrf = unsafeBitCast(found["dpotrf_"]!, to: Dpotrf.self)
        dpotri = unsafeBitCast(found["dpotri_"]!, to: Dpotrf.self)
        dpotrs = unsafeBitCast(found["dpotrs_"]!, to: Dpotrs.self)
        dtrtri = unsafeBitCast(found["dtrtri_"]!, to: Dtrtri.self)
    }
}
