"""The trial iterator, the trial object and the two transports (plain and persistent)."""

import json
import math
import os
import signal
import sys
import traceback

PROTOCOL_VERSION = 1

__all__ = ["Trial", "TrialError", "trials"]


class TrialError(RuntimeError):
    """A trial was used against the protocol (a report after finish, a second finish, ...)."""


def _number(name, value):
    """A metric value as a float; bools and non-numbers are refused with the metric's name."""
    if isinstance(value, bool):
        raise TypeError("metric %r is a bool; report a number" % name)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError("metric %r is %r, not a number" % (name, value)) from None


def _metrics(values):
    return {str(k): _number(k, v) for k, v in values.items()}


def _dumps(obj):
    # Python writes NaN and Infinity for non-finite floats; Hyperfront reads them as such.
    return json.dumps(obj, separators=(",", ":"))


def _take_stdout():
    """Keeps the process's real stdout for the protocol and points fd 1 (print, C libraries)
    at stderr, so nothing the script prints can be mistaken for a protocol line."""
    sys.stdout.flush()
    fd = os.dup(1)
    os.dup2(2, 1)
    return os.fdopen(fd, "w", encoding="utf-8", buffering=1)


class _Plain:
    """One trial per process: parameters from the environment (or stdin), intermediate reports
    as JSON lines on stdout, the result in HYPERFRONT_RESULT and as the last stdout line; a stop
    request arrives as SIGTERM."""

    persistent = False

    def __init__(self):
        self.out = _take_stdout()
        self.stop_requested = False
        self._terms = 0
        try:
            signal.signal(signal.SIGTERM, self._on_term)
            # A parent may have left SIGTERM blocked in the mask this process inherited.
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        except (ValueError, AttributeError):  # not the main thread: the default action (exit) stays
            pass

    def _on_term(self, signum, frame):
        self._terms += 1
        self.stop_requested = True
        if self._terms > 1:  # asked twice: leave now
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)

    def first_trial(self):
        text = os.environ.get("HYPERFRONT_PARAMS")
        if text is None:
            if sys.stdin is None or sys.stdin.isatty():
                raise TrialError("not started by hyperfront: to run the script by hand, set "
                                 "HYPERFRONT_PARAMS to the parameters as JSON, e.g. "
                                 "HYPERFRONT_PARAMS='{\"epochs\": 3}'")
            text = sys.stdin.readline()
        params = json.loads(text)
        if not isinstance(params, dict):
            raise TrialError("the parameters are not a JSON object: %r" % text[:200])
        number = int(os.environ.get("HYPERFRONT_TRIAL", "0"))
        seed = int(os.environ.get("HYPERFRONT_SEED", "0"))
        return number, seed, params

    def report(self, trial, step, metrics):
        line = {"step": step}
        line.update(metrics)
        self.out.write(_dumps(line) + "\n")
        self.out.flush()
        return self.stop_requested

    def should_stop(self, trial):
        return self.stop_requested

    def finish(self, trial, metrics):
        path = os.environ.get("HYPERFRONT_RESULT")
        if path:
            with open(path, "w", encoding="utf-8") as f:
                f.write(_dumps(metrics) + "\n")
        self.out.write(_dumps(metrics) + "\n")
        self.out.flush()

    def fail(self, trial, reason):
        sys.stderr.write(reason.rstrip("\n") + "\n")
        sys.stderr.flush()


class _Persistent:
    """Many trials per process over JSON lines: requests on stdin, answers on stdout (see
    docs/trial-protocol.md). stdin is taken from the script too (it reads /dev/null)."""

    persistent = True

    def __init__(self):
        self.out = _take_stdout()
        fd = os.dup(0)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        self.inp = os.fdopen(fd, "rb")

    def send(self, message):
        message["hyperfront"] = PROTOCOL_VERSION
        metrics = message.get("metrics")
        if metrics:  # JSON has no NaN: non-finite values travel as strings
            message["metrics"] = {k: (v if math.isfinite(v) else repr(v).replace("inf", "Infinity").replace("nan", "NaN"))
                                  for k, v in metrics.items()}
        self.out.write(_dumps(message) + "\n")
        self.out.flush()

    def receive(self):
        """The next message from Hyperfront, or None when it closed the stream."""
        while True:
            line = self.inp.readline()
            if not line:
                return None
            line = line.strip()
            if line:
                return json.loads(line.decode("utf-8"))

    def next_trial(self):
        while True:
            msg = self.receive()
            if msg is None:
                return None
            if msg.get("type") == "trial":
                params = msg.get("params")
                if not isinstance(params, dict):
                    raise TrialError("trial message without parameters: %r" % msg)
                return int(msg["trial"]), int(msg.get("seed", 0)), params
            # Anything else between trials (a late answer) is not for a running trial.

    def report(self, trial, step, metrics):
        self.send({"type": "report", "trial": trial.number, "step": step, "metrics": metrics})
        answer = self.receive()
        if answer is None:  # Hyperfront is gone: nobody wants the rest of this trial
            raise SystemExit(0)
        return answer.get("type") == "stop"

    def should_stop(self, trial):
        return trial._stopped

    def finish(self, trial, metrics):
        self.send({"type": "finish", "trial": trial.number, "metrics": metrics})

    def fail(self, trial, reason, exiting=False):
        message = {"type": "fail", "trial": trial.number, "error": reason}
        if exiting:
            message["exiting"] = True
        self.send(message)


class Trial:
    """One configuration to train: `params`, `number`, `seed`; report progress with
    `report(step, **metrics)`, ask `should_stop()`, end with `finish(**metrics)`."""

    def __init__(self, transport, number, seed, params):
        self._transport = transport
        self.number = number
        self.seed = seed
        self.params = params
        self._done = False
        self._stopped = False
        self._last = {}

    def __repr__(self):
        return "Trial(number=%d, params=%r)" % (self.number, self.params)

    def report(self, step, **metrics):
        """Reports the metrics measured at `step` (an epoch, an iteration); Hyperfront's
        scheduler may answer stop, which `should_stop()` then says."""
        if self._done:
            raise TrialError("trial %d: report() after finish()" % self.number)
        if isinstance(step, bool) or not isinstance(step, int):
            if isinstance(step, float) and step.is_integer():
                step = int(step)
            else:
                raise TypeError("the step is %r; give an int (an epoch, an iteration)" % (step,))
        values = _metrics(metrics)
        self._last = values
        if self._stopped:
            return
        if self._transport.report(self, step, values):
            self._stopped = True

    def should_stop(self):
        """Whether Hyperfront asked this trial to stop (its scheduler pruned it)."""
        if not self._stopped and self._transport.should_stop(self):
            self._stopped = True
        return self._stopped

    def finish(self, **metrics):
        """Reports the trial's final metrics; the trial is over."""
        if self._done:
            raise TrialError("trial %d: finish() called twice" % self.number)
        values = _metrics(metrics)
        bad = [k for k, v in values.items() if not math.isfinite(v)]
        self._done = True
        if bad and not self._stopped:
            self._transport.fail(self, "trial %d finished with non-finite %s" % (self.number, ", ".join(bad)))
            return
        self._transport.finish(self, values)

    def _fail(self, reason, exiting=False):
        if not self._done:
            self._done = True
            if self._transport.persistent:
                self._transport.fail(self, reason, exiting)
            else:
                self._transport.fail(self, reason)


_state = {"transport": None, "current": None, "hook": None}


def _excepthook(kind, value, tb):
    """An exception out of the trial loop fails the running trial with its traceback."""
    current = _state["current"]
    if current is not None and not current._done:
        text = "".join(traceback.format_exception(kind, value, tb))
        try:
            current._fail(text, exiting=True)
        except Exception:
            pass
    (_state["hook"] or sys.__excepthook__)(kind, value, tb)


def _transport():
    if _state["transport"] is None:
        persistent = os.environ.get("HYPERFRONT_PERSISTENT", "") not in ("", "0")
        _state["transport"] = _Persistent() if persistent else _Plain()
        _state["hook"] = sys.excepthook
        sys.excepthook = _excepthook
    return _state["transport"]


def trials():
    """The trials Hyperfront hands this process: one for a plain command, one after another
    for a persistent worker (until Hyperfront closes the stream).

    A trial that ends without `finish()` is recorded failed. An exception out of the loop
    fails the running trial with its traceback; the process then ends, and Hyperfront starts
    a fresh one for the next trial.
    """
    transport = _transport()
    if not transport.persistent:
        trial = Trial(transport, *transport.first_trial())
        _state["current"] = trial
        yield trial
        _state["current"] = None
        if not trial._done:
            raise TrialError("trial %d ended without trial.finish(...)" % trial.number)
        return
    while True:
        got = transport.next_trial()
        if got is None:
            return
        trial = Trial(transport, *got)
        # Left set while the loop body runs, also when an exception leaves the loop (the
        # generator may be closed before sys.excepthook runs).
        _state["current"] = trial
        yield trial
        _state["current"] = None
        if not trial._done:
            trial._fail("trial %d ended without trial.finish(...)" % trial.number)
