internal import CGLPK

/// Owns one `glp_prob`; deleted in `deinit`.
///
/// Not `Sendable`: a GLPK problem belongs to the environment of the thread that created it,
/// so it is created, solved and released inside one synchronous call.
final class GLPKProblem {
    let handle: OpaquePointer

    init() {
        GLPKThread.prepare()
        handle = glp_create_prob()
    }

    deinit { glp_delete_prob(handle) }
}
