"""Protocol tests of the hyperfront client: each runs a small trial script in a child process
and plays Hyperfront's side of the protocol (docs/trial-protocol.md).

    python3 -m unittest discover -s python/tests
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)

LOOP = """
import hyperfront
for trial in hyperfront.trials():
    p = trial.params
    acc = 0.0
    for epoch in range(1, p["epochs"] + 1):
        acc = epoch / 10
        print("epoch", epoch, "of trial", trial.number)   # must not reach the protocol
        trial.report(epoch, accuracy=acc, val_loss=1 - acc)
        if trial.should_stop():
            break
    trial.finish(accuracy=acc, val_loss=1 - acc)
"""


def script(body):
    f = tempfile.NamedTemporaryFile("w", suffix=".py", delete=False)
    f.write(textwrap.dedent(body))
    f.close()
    return f.name


def environment(**extra):
    env = dict(os.environ)
    env["PYTHONPATH"] = PACKAGE_ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("HYPERFRONT_PERSISTENT", None)
    env.update(extra)
    return env


class PlainCommandTests(unittest.TestCase):
    def run_plain(self, body, params, **env):
        path = script(body)
        result = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
        os.unlink(result)
        try:
            done = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60,
                                  env=environment(HYPERFRONT_PARAMS=json.dumps(params), HYPERFRONT_TRIAL="7",
                                                  HYPERFRONT_SEED="42", HYPERFRONT_RESULT=result, **env))
            written = None
            if os.path.exists(result):
                with open(result) as f:
                    written = f.read()
            return done, written
        finally:
            os.unlink(path)
            if os.path.exists(result):
                os.unlink(result)

    def test_reports_each_epoch_and_the_result_last(self):
        done, written = self.run_plain(LOOP, {"epochs": 3})
        self.assertEqual(done.returncode, 0, done.stderr)
        lines = [json.loads(l) for l in done.stdout.splitlines()]
        self.assertEqual([l.get("step") for l in lines[:3]], [1, 2, 3])
        self.assertAlmostEqual(lines[1]["accuracy"], 0.2)
        self.assertEqual(lines[-1], {"accuracy": 0.3, "val_loss": 0.7})
        self.assertEqual(json.loads(written), {"accuracy": 0.3, "val_loss": 0.7})
        # The script's prints went to stderr, not into the protocol.
        self.assertIn("epoch 2 of trial 7", done.stderr)
        self.assertNotIn("epoch", done.stdout.replace('"step"', ""))

    def test_number_seed_and_params_come_from_the_environment(self):
        body = """
        import hyperfront
        for t in hyperfront.trials():
            t.finish(n=t.number, s=t.seed, x=t.params["x"])
        """
        done, written = self.run_plain(body, {"x": 2.5})
        self.assertEqual(json.loads(written), {"n": 7.0, "s": 42.0, "x": 2.5})

    def test_sigterm_is_a_cooperative_stop(self):
        body = """
        import sys, time, hyperfront
        for t in hyperfront.trials():
            step = 0
            while not t.should_stop():
                step += 1
                t.report(step, loss=1.0 / step)
                if step == 1:
                    sys.stderr.write("ready\\n"); sys.stderr.flush()
                time.sleep(0.01)
            t.finish(loss=1.0 / step, stopped_at=step)
        """
        path = script(body)
        child = subprocess.Popen([sys.executable, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=environment(HYPERFRONT_PARAMS="{}"))
        try:
            self.assertEqual(child.stderr.readline().strip(), "ready")
            child.send_signal(signal.SIGTERM)
            out, _ = child.communicate(timeout=30)
            self.assertEqual(child.returncode, 0)
            last = json.loads(out.splitlines()[-1])
            self.assertGreaterEqual(last["stopped_at"], 1)
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
            os.unlink(path)

    def test_an_exception_fails_the_trial_with_its_traceback(self):
        body = """
        import hyperfront
        for t in hyperfront.trials():
            t.report(1, loss=0.5)
            raise ValueError("diverged at epoch 1")
        """
        done, written = self.run_plain(body, {})
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("ValueError: diverged at epoch 1", done.stderr)
        self.assertIn("Traceback", done.stderr)
        self.assertIsNone(written)

    def test_a_trial_without_finish_fails(self):
        body = """
        import hyperfront
        for t in hyperfront.trials():
            t.report(1, loss=0.5)
        """
        done, written = self.run_plain(body, {})
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("ended without trial.finish", done.stderr)

    def test_misuse_is_refused_with_a_message(self):
        body = """
        import hyperfront
        for t in hyperfront.trials():
            try:
                t.report(1, loss="high")
            except TypeError as e:
                print(e)
            t.finish(loss=0.1)
            try:
                t.finish(loss=0.1)
            except hyperfront.TrialError as e:
                print(e)
        """
        done, _ = self.run_plain(body, {})
        self.assertIn("metric 'loss' is 'high', not a number", done.stderr)
        self.assertIn("finish() called twice", done.stderr)


class Worker:
    """Hyperfront's side of a persistent worker."""

    def __init__(self, body):
        self.path = script(body)
        self.child = subprocess.Popen([sys.executable, self.path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, env=environment(HYPERFRONT_PERSISTENT="1"))

    def send(self, **message):
        self.child.stdin.write(json.dumps(message) + "\n")
        self.child.stdin.flush()

    def receive(self):
        line = self.child.stdout.readline()
        return json.loads(line) if line else None

    def close(self):
        self.child.stdin.close()
        code = self.child.wait(timeout=30)
        self.stderr = self.child.stderr.read()
        self.child.stdout.close()
        self.child.stderr.close()
        os.unlink(self.path)
        return code


class PersistentWorkerTests(unittest.TestCase):
    def test_serves_trial_after_trial_and_obeys_stop(self):
        w = Worker(LOOP)
        try:
            w.send(type="trial", trial=0, seed=1, params={"epochs": 2})
            for step in (1, 2):
                m = w.receive()
                self.assertEqual((m["type"], m["trial"], m["step"]), ("report", 0, step))
                self.assertEqual(m["hyperfront"], 1)
                w.send(type="continue")
            m = w.receive()
            self.assertEqual(m["type"], "finish")
            self.assertAlmostEqual(m["metrics"]["accuracy"], 0.2)
            # Trial 1 is stopped at its second report.
            w.send(type="trial", trial=1, seed=2, params={"epochs": 9})
            self.assertEqual(w.receive()["step"], 1)
            w.send(type="continue")
            self.assertEqual(w.receive()["step"], 2)
            w.send(type="stop")
            m = w.receive()
            self.assertEqual((m["type"], m["trial"]), ("finish", 1))
            self.assertAlmostEqual(m["metrics"]["accuracy"], 0.2)
        finally:
            code = w.close()
        self.assertEqual(code, 0)
        self.assertIn("epoch 1 of trial 1", w.stderr)

    def test_an_exception_fails_only_that_trial(self):
        body = """
        import hyperfront
        for t in hyperfront.trials():
            if t.params["boom"]:
                raise RuntimeError("boom in trial %d" % t.number)
            t.finish(loss=1.0)
        """
        w = Worker(body)
        w.send(type="trial", trial=3, seed=0, params={"boom": False})
        self.assertEqual(w.receive()["type"], "finish")
        w.send(type="trial", trial=4, seed=0, params={"boom": True})
        m = w.receive()
        self.assertEqual((m["type"], m["trial"]), ("fail", 4))
        self.assertIn("RuntimeError: boom in trial 4", m["error"])
        self.assertIs(m.get("exiting"), True)
        self.assertIn("Traceback", m["error"])
        self.assertIsNone(w.receive())  # the process ends; Hyperfront starts a new one
        self.assertNotEqual(w.close(), 0)

    def test_a_trial_without_finish_is_failed_and_the_next_one_runs(self):
        body = """
        import hyperfront
        for t in hyperfront.trials():
            t.report(1, loss=0.5)
            if t.number == 1:
                continue
            t.finish(loss=0.5)
        """
        w = Worker(body)
        try:
            w.send(type="trial", trial=1, seed=0, params={})
            self.assertEqual(w.receive()["type"], "report")
            w.send(type="continue")
            m = w.receive()
            self.assertEqual((m["type"], m["trial"]), ("fail", 1))
            self.assertIn("without trial.finish", m["error"])
            w.send(type="trial", trial=2, seed=0, params={})
            self.assertEqual(w.receive()["type"], "report")
            w.send(type="continue")
            self.assertEqual(w.receive()["type"], "finish")
        finally:
            self.assertEqual(w.close(), 0)

    def test_the_script_cannot_read_the_protocol_from_stdin(self):
        body = """
        import sys, hyperfront
        for t in hyperfront.trials():
            t.finish(read=len(sys.stdin.read()))
        """
        w = Worker(body)
        try:
            w.send(type="trial", trial=0, seed=0, params={})
            self.assertEqual(w.receive()["metrics"], {"read": 0.0})
        finally:
            self.assertEqual(w.close(), 0)


if __name__ == "__main__":
    unittest.main()
