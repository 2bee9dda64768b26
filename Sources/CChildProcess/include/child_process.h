#ifndef HYPERFRONT_CHILD_PROCESS_H
#define HYPERFRONT_CHILD_PROCESS_H

/// A trial process under a supervisor that outlives nothing.
///
/// `hf_spawn_supervised` forks a small supervisor process (only async-signal-safe calls after
/// the fork, as POSIX requires of a multi-threaded parent), which makes itself a child
/// subreaper (Linux `PR_SET_CHILD_SUBREAPER`), forks the trial program in a process group of
/// its own (with `PR_SET_PDEATHSIG` = SIGKILL, so the program dies if the supervisor does),
/// and then watches two things: the program's exit, which it reports, and the control pipe
/// from the parent. When the control pipe closes — because the parent closed it at the end
/// of the trial, or because the parent died, even by SIGKILL — the supervisor kills the
/// program's group and every process that re-parented to it (grandchildren that called
/// `setsid` included), reaps them, and exits.
///
/// Records on `status_fd`, each two 32-bit integers (kind, value):
///   HF_STARTED  value = the program's pid (also its process group id)
///   HF_NOSTART  value = errno of the failed chdir or execve (the program never ran)
///   HF_EXITED   value = the program's wait status
enum { HF_STARTED = 1, HF_NOSTART = 2, HF_EXITED = 3 };

typedef struct {
    /// The supervisor's pid (for waitpid).
    int supervisor;
    /// Read end of the status records.
    int status_fd;
    /// Write end of the control pipe: close it to end the trial's every process.
    int control_fd;
} hf_supervised_child;

/// Starts `path` (a path, not searched on PATH) with `argv` and `envp` (NULL-terminated), in
/// `workdir` when not NULL, with the given descriptors as its stdin, stdout and stderr.
/// Returns 0, or an errno value when the pipes or the fork could not be made.
int hf_spawn_supervised(const char *path, char *const argv[], char *const envp[], const char *workdir,
                        int stdin_fd, int stdout_fd, int stderr_fd, hf_supervised_child *out);

#endif
