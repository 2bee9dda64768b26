internal import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GLPK's per-thread environment (Debian builds GLPK with thread-local storage).
///
/// Every thread that solves registers once in a pthread key whose destructor calls
/// `glp_free_env()` when the thread ends, so worker threads leave no GLPK memory behind.
/// Terminal output is switched off per thread before each solve.
enum GLPKThread {
    /// The key whose destructor frees the exiting thread's GLPK environment.
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        _ = pthread_key_create(&key) { _ in _ = glp_free_env() }
        return key
    }()

    /// Prepares the calling thread: registers the environment's release, silences output.
    static func prepare() {
        if pthread_getspecific(key) == nil {
            _ = pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
        }
        _ = glp_term_out(GLP_OFF)
    }
}
