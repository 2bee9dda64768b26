"""Ask/tell from Python: a study file driven by your own loop, through the hyperfront binary.

    import hyperfront
    study = hyperfront.Study("runs/x.sqlite")        # made by: hyperfront create SCENARIO --study runs/x.sqlite
    while True:
        asked = study.ask(4)                          # fewer (or none) while the sampler waits for results
        if not asked:
            break
        for trial in asked:
            study.tell(trial, accuracy=train(**trial.params))

Each call runs `hyperfront ask` or `hyperfront tell` as a subprocess (standard library only):
the sampler's state lives in the study file, so any process may ask next.
"""

import json
import math
import os
import shutil
import subprocess

__all__ = ["Study", "AskedTrial", "StudyError"]


class StudyError(RuntimeError):
    """hyperfront refused a call (its message, and the exit code it gave)."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


class AskedTrial:
    """A trial handed out by `Study.ask`: its number, seed and parameters (a dict)."""

    def __init__(self, number, seed, params):
        self.number = number
        self.seed = seed
        self.params = params

    def __repr__(self):
        return "AskedTrial(number=%d, seed=%d, params=%r)" % (self.number, self.seed, self.params)


class Study:
    """A study file made by `hyperfront create`.

    `binary` is the hyperfront executable (default: $HYPERFRONT, else `hyperfront` on PATH).
    """

    def __init__(self, path, binary=None):
        self.path = os.fspath(path)
        self.binary = binary or os.environ.get("HYPERFRONT") or shutil.which("hyperfront") or "hyperfront"

    def _call(self, *arguments):
        p = subprocess.run([self.binary, *arguments], capture_output=True, text=True)
        if p.returncode != 0:
            raise StudyError(p.stderr.strip() or "hyperfront exited with status %d" % p.returncode, p.returncode)
        return p.stdout

    def ask(self, n=1, timeout=None):
        """Up to `n` trials to evaluate (a list; fewer, or none, while the sampler waits for
        results; none once the budget is handed out). A trial not told within `timeout` seconds
        (default one hour) is handed out again."""
        arguments = ["ask", self.path, "-n", str(int(n))]
        if timeout is not None:
            arguments += ["--timeout", repr(float(timeout))]
        out = self._call(*arguments)
        trials = []
        for line in out.splitlines():
            if line.strip():
                d = json.loads(line)
                trials.append(AskedTrial(d["trial"], d["seed"], d["parameters"]))
        return trials

    def tell(self, trial, metrics=None, failed=None, pruned=False, **values):
        """Records trial `trial` (an AskedTrial or its number): its metrics as keywords or a dict
        (`tell(t, accuracy=0.93)`), or `failed="reason"`, or `pruned=True` with the values it
        reached."""
        number = trial.number if isinstance(trial, AskedTrial) else int(trial)
        if failed is not None:
            self._call("tell", self.path, str(number), "--failed", str(failed))
            return
        merged = dict(metrics or {})
        merged.update(values)
        for k, v in merged.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise TypeError("metric %r is %r, not a finite number" % (k, v))
        arguments = ["tell", self.path, str(number), "--metrics", json.dumps(merged)]
        if pruned:
            arguments.append("--pruned")
        self._call(*arguments)
