// The supervisor of one trial process; see include/child_process.h.
#define _GNU_SOURCE
#include "child_process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_record(int fd, int kind, int value) {
    int record[2] = {kind, value};
    ssize_t n;
    do { n = write(fd, record, sizeof record); } while (n < 0 && errno == EINTR);
}

/// Closes every descriptor from 3 up, except `keep_a` and `keep_b`.
static void close_others(int keep_a, int keep_b) {
    int lo = keep_a < keep_b ? keep_a : keep_b, hi = keep_a < keep_b ? keep_b : keep_a;
    int ranges[3][2] = {{3, lo - 1}, {lo + 1, hi - 1}, {hi + 1, -1}};
    for (int r = 0; r < 3; r++) {
        unsigned first = (unsigned)ranges[r][0];
        unsigned last = ranges[r][1] < 0 ? ~0U : (unsigned)ranges[r][1];
        if (ranges[r][1] >= 0 && ranges[r][1] < ranges[r][0]) continue;
#ifdef SYS_close_range
        if (syscall(SYS_close_range, first, last, 0) == 0) continue;
#endif
        long max = sysconf(_SC_OPEN_MAX);
        if (max < 0 || max > 65536) max = 65536;
        for (long fd = first; fd <= (long)last && fd < max; fd++) close((int)fd);
    }
}

/// SIGKILL to every child of this process (from /proc/<pid>/task/<pid>/children); how many.
static int kill_children(const char *children_path) {
    int fd = open(children_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buffer[4096];
    int killed = 0;
    long pid = 0;
    int in_number = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        for (ssize_t i = 0; i < n; i++) {
            char c = buffer[i];
            if (c >= '0' && c <= '9') { pid = pid * 10 + (c - '0'); in_number = 1; }
            else if (in_number) { kill((pid_t)pid, SIGKILL); killed++; pid = 0; in_number = 0; }
        }
    }
    if (in_number) { kill((pid_t)pid, SIGKILL); killed++; }
    close(fd);
    return killed;
}

/// Writes the decimal digits of `v` at `p`; returns the end.
static char *put_number(char *p, long v) {
    char digits[24];
    int n = 0;
    do { digits[n++] = (char)('0' + v % 10); v /= 10; } while (v > 0);
    while (n > 0) *p++ = digits[--n];
    return p;
}

static void on_child(int signal_number) { (void)signal_number; }

/// The supervisor's life after the fork; never returns.
static void supervise(const char *path, char *const argv[], char *const envp[], const char *workdir,
                      int stdin_fd, int stdout_fd, int stderr_fd, int status_w, int control_r) {
    setpgid(0, 0);
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    // Group-wide signals meant for the trial must not end the supervisor before it cleans up.
    signal(SIGTERM, SIG_IGN);
    signal(SIGINT, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    sigset_t none, children;
    sigemptyset(&none);
    sigemptyset(&children);
    sigaddset(&children, SIGCHLD);
    // SIGCHLD stays blocked except inside ppoll, which it then interrupts: the program's exit
    // is noticed at once, without polling.
    struct sigaction on_exit;
    memset(&on_exit, 0, sizeof on_exit);
    on_exit.sa_handler = on_child;
    sigemptyset(&on_exit.sa_mask);
    sigaction(SIGCHLD, &on_exit, NULL);
    sigprocmask(SIG_SETMASK, &children, NULL);

    int exec_pipe[2];
    if (pipe2(exec_pipe, O_CLOEXEC) != 0) { write_record(status_w, HF_NOSTART, errno); _exit(127); }
    pid_t me = getpid();
    pid_t program = fork();
    if (program < 0) { write_record(status_w, HF_NOSTART, errno); _exit(127); }
    if (program == 0) {
        close(exec_pipe[0]);
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (getppid() != me) _exit(127);
        for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (stdin_fd != 0) dup2(stdin_fd, 0);
        if (stdout_fd != 1) dup2(stdout_fd, 1);
        if (stderr_fd != 2) dup2(stderr_fd, 2);
        int error = 0;
        if (workdir && chdir(workdir) != 0) error = errno;
        if (!error) { execve(path, argv, envp); error = errno; }
        ssize_t n;
        do { n = write(exec_pipe[1], &error, sizeof error); } while (n < 0 && errno == EINTR);
        _exit(127);
    }
    setpgid(program, program);
    close(exec_pipe[1]);
    int error = 0;
    ssize_t n;
    do { n = read(exec_pipe[0], &error, sizeof error); } while (n < 0 && errno == EINTR);
    close(exec_pipe[0]);
    // Only the status and control pipes stay open here, so the trial's pipes close when the
    // trial's processes end, and other trials' pipes are never held by this process.
    close_others(status_w, control_r);
    char children_path[64], *p = children_path;
    memcpy(p, "/proc/", 6); p += 6;
    p = put_number(p, me);
    memcpy(p, "/task/", 6); p += 6;
    p = put_number(p, me);
    memcpy(p, "/children", 10);

    int done = 0;
    if (n == (ssize_t)sizeof error) {
        write_record(status_w, HF_NOSTART, error);
        int status;
        waitpid(program, &status, 0);
        done = 1;
    } else {
        write_record(status_w, HF_STARTED, program);
    }
    for (;;) {
        struct pollfd control = {control_r, POLLIN, 0};
        int r = ppoll(&control, 1, NULL, &none);
        int status;
        pid_t w;
        while ((w = waitpid(-1, &status, WNOHANG)) > 0) {
            if (w == program && !done) { write_record(status_w, HF_EXITED, status); done = 1; }
        }
        if (r > 0 && control.revents) break;
    }
    // The parent closed the control pipe or died: nothing of the trial may outlive this.
    kill(-program, SIGKILL);
    for (int round = 0; round < 5000; round++) {
        int status;
        while (waitpid(-1, &status, WNOHANG) > 0) {}
        int killed = kill_children(children_path);
        int group_alive = kill(-program, 0) == 0;
        if (group_alive) kill(-program, SIGKILL);
        if (killed == 0 && !group_alive && waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD) break;
        usleep(1000);
    }
    _exit(0);
}

int hf_spawn_supervised(const char *path, char *const argv[], char *const envp[], const char *workdir,
                        int stdin_fd, int stdout_fd, int stderr_fd, hf_supervised_child *out) {
    int status_pipe[2], control_pipe[2];
    if (pipe2(status_pipe, O_CLOEXEC) != 0) return errno;
    if (pipe2(control_pipe, O_CLOEXEC) != 0) {
        int e = errno;
        close(status_pipe[0]); close(status_pipe[1]);
        return e;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(status_pipe[0]); close(status_pipe[1]); close(control_pipe[0]); close(control_pipe[1]);
        return e;
    }
    if (pid == 0) {
        close(status_pipe[0]);
        close(control_pipe[1]);
        supervise(path, argv, envp, workdir, stdin_fd, stdout_fd, stderr_fd, status_pipe[1], control_pipe[0]);
    }
    setpgid(pid, pid);
    close(status_pipe[1]);
    close(control_pipe[0]);
    out->supervisor = pid;
    out->status_fd = status_pipe[0];
    out->control_fd = control_pipe[1];
    return 0;
}
