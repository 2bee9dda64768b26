#!/usr/bin/env python3
"""Loads Hyperfront HTML pages in headless Chromium over the DevTools protocol (a pipe, no
network port), and reports for each: every console message and uncaught exception, the time
from navigation to the page marking itself ready, a full-page screenshot, and, for report
pages, what scripted interactions do to the page's state (the `data-*` attributes of <body>):
a mouse brush over the scatter plot, a typed range filter, sorting the table, clearing.

usage: report-browser-check.py CHROMIUM OUTDIR PAGE.html [PAGE.html ...]
Prints one line per finding; exit 1 when a page logs anything or an interaction does not
change what it should. Python 3 standard library only.
"""
import base64, json, os, subprocess, sys, time


class Browser:
    def __init__(self, chromium):
        self.to_browser_r, self.to_browser_w = os.pipe()
        self.from_browser_r, self.from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4.
        def fds():
            os.dup2(self.to_browser_r, 3)
            os.dup2(self.from_browser_w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--hide-scrollbars",
             "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,1000", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(self.to_browser_r)
        os.close(self.from_browser_w)
        self.out = os.fdopen(self.to_browser_w, "wb", buffering=0)
        self.inp = os.fdopen(self.from_browser_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        self.out.write(json.dumps(msg).encode() + b"\0")
        while True:
            m = self.read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = self.inp.read(1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def evaluate(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"evaluate {expression!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def open(self, url, width=1400, height=1000):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ["Runtime", "Log", "Page"]:
            self.send(domain + ".enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.events = []
        start = time.monotonic()
        self.send("Page.navigate", {"url": url})
        while True:
            if self.evaluate("document.readyState === 'complete' && (document.body.dataset.ready === '1' || !document.getElementById('page-data'))"):
                return time.monotonic() - start
            if time.monotonic() - start > 60:
                raise RuntimeError("page not ready after 60 s")
            time.sleep(0.02)

    def console(self):
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.consoleAPICalled":
                out.append(f"console.{p['type']}: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.append(f"exception: {d.get('exception', {}).get('description', d.get('text'))}")
            elif m == "Log.entryAdded":
                out.append(f"log {p['entry'].get('level')}: {p['entry'].get('text')}")
        return out

    def screenshot(self, path):
        h = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        self.send("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": min(h, 16000), "deviceScaleFactor": 1, "mobile": False})
        time.sleep(0.3)   # the page redraws its canvases on resize (debounced)
        shot = self.send("Page.captureScreenshot", {"format": "png"})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        # Each section apart too, at full resolution, to read its labels.
        rects = self.evaluate("[].map.call(document.querySelectorAll('section:not([hidden])'),function(s){var r=s.getBoundingClientRect();"
                              "return [s.id,r.left,r.top+window.scrollY,r.width,r.height];})")
        for sid, x, y, w, h in rects or []:
            if w < 1 or h < 1:
                continue
            shot = self.send("Page.captureScreenshot", {"format": "png", "clip": {"x": x, "y": y, "width": w, "height": min(h, 4000), "scale": 1}})
            with open(path[:-4] + "." + sid.replace("-section", "") + ".png", "wb") as f:
                f.write(base64.b64decode(shot["data"]))

    def mouse(self, kind, x, y, buttons=1):
        self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "buttons": buttons, "clickCount": 1})

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def state(b):
    return b.evaluate("(function(){var d=document.body.dataset;return {visible:+d.visible,front:+d.front,trials:d.frontTrials,filters:+d.filters};})()")


def interact(b, name):
    """Brush, type a filter, sort, clear; returns a list of failures."""
    failures = []
    before = state(b)
    rect = b.evaluate("(function(){var r=document.querySelector('#scatter-canvas canvas.overlay').getBoundingClientRect();"
                      "window.scrollTo(0,0);r=document.querySelector('#scatter-canvas canvas.overlay').getBoundingClientRect();"
                      "return [r.left,r.top,r.width,r.height];})()")
    x0, y0, w, h = rect
    # Brush the left 45 % of the plot's width, its full height.
    a, bx, top, bottom = x0 + 90, x0 + 90 + (w - 110) * 0.45, y0 + 16, y0 + h - 60
    b.mouse("mousePressed", a, top)
    for k in range(1, 6):
        b.mouse("mouseMoved", a + (bx - a) * k / 5, top + (bottom - top) * k / 5)
    b.mouse("mouseReleased", bx, bottom, buttons=0)
    brushed = state(b)
    print(f"{name}: brush: filters {before['filters']} -> {brushed['filters']}, visible {before['visible']} -> {brushed['visible']}, "
          f"front {before['front']} -> {brushed['front']} trials")
    if brushed["filters"] < 1 or brushed["visible"] >= before["visible"] or brushed["trials"] == before["trials"]:
        failures.append("the brush did not change the highlighted front")
    # The front must be the non-dominated set of what the brush keeps: recomputed in the page.
    b.evaluate("document.getElementById('filters-clear').click()")
    cleared = state(b)
    if cleared != before:
        failures.append(f"clearing the filters did not restore the front: {cleared} != {before}")
    # Type an upper bound on the first objective's filter: its median.
    typed = b.evaluate("(function(){var row=document.querySelector('.filter[data-dim]');var hi=row.querySelector('input.hi');"
                       "var v=JSON.parse(document.getElementById('page-data').textContent);"
                       "var col=v.metrics.map(function(m){return m.name;}).indexOf(v.objectives[0].metric);"
                       "var xs=v.trials.filter(function(t){return t.group==='feasible';}).map(function(t){return t.metrics[col];}).sort(function(a,b){return a-b;});"
                       "hi.value=String(xs[Math.floor(xs.length/2)]);hi.dispatchEvent(new Event('change'));return hi.value;})()")
    f = state(b)
    dim = b.evaluate("document.querySelector('.filter[data-dim]').dataset.dim")
    print(f"{name}: filter {dim} <= {typed}: visible {f['visible']}, front {f['front']}")
    if f["filters"] != 1 or f["visible"] >= before["visible"] or f["trials"] == before["trials"]:
        failures.append("typing a range did not change the front")
    b.evaluate("document.getElementById('filters-clear').click()")
    # Sort the table by its second column, twice (ascending, then descending).
    order = b.evaluate("(function(){var th=document.querySelectorAll('#front-table th')[1];th.click();var a=[].map.call(document.querySelectorAll('#front-table tbody tr'),function(r){return r.children[1].textContent;});"
                       "th.click();var d=[].map.call(document.querySelectorAll('#front-table tbody tr'),function(r){return r.children[1].textContent;});"
                       "return {sort: th.getAttribute('aria-sort'), asc: a, desc: d};})()")
    def value(text):
        parts = text.split()
        scale = {"KB": 1e3, "MB": 1e6, "GB": 1e9}.get(parts[-1], 1) if len(parts) > 1 else 1
        number = parts[0] if parts else "nan"
        for suffix, m in (("k", 1e3), ("M", 1e6)):
            if number.endswith(suffix):
                number, scale = number[:-1], m
        try:
            return float(number) * scale
        except ValueError:
            return float("nan")
    asc, desc = [value(t) for t in order["asc"]], [value(t) for t in order["desc"]]
    if order["sort"] != "descending" or asc != sorted(asc) or desc != sorted(desc, reverse=True):
        failures.append(f"sorting the table failed: {order['sort']}")
    print(f"{name}: table sorted by column 2: {order['sort']}, {len(order['asc'])} rows")
    return failures


def main():
    chromium, outdir, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    status = 0
    for page in pages:
        name = os.path.splitext(os.path.basename(page))[0]
        b = Browser(chromium)
        try:
            seconds = b.open("file://" + os.path.abspath(page))
            render = b.evaluate("document.body.dataset.renderMs || ''")
            timings = b.evaluate("document.body.dataset.timings || ''")
            paint = b.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0")
            if timings:
                print(f"{name}: script parts (ms): {timings}; first paint {paint:.0f} ms")
            interactive = b.evaluate("!!document.getElementById('scatter-canvas')")
            failures = interact(b, name) if interactive else []
            curves = b.evaluate("(document.getElementById('curves-view') || {getAttribute: function () { return null; }}).getAttribute('data-curves')")
            if curves is not None:
                print(f"{name}: learning curves: drawn {curves} curves")
                if int(curves) == 0:
                    failures.append("no learning curve drawn")
            messages = b.console()
            b.screenshot(os.path.join(outdir, name + ".png"))
            messages = b.console()
            size = os.path.getsize(page)
            print(f"{name}: opened in {seconds * 1000:.0f} ms (script done {render} ms after navigation start), {size / 1e6:.2f} MB")
            if messages:
                print(f"{name}: console messages:")
                for m in messages:
                    print("  " + m)
                status = 1
            else:
                print(f"{name}: loaded with no console messages; screenshot {os.path.join(outdir, name + '.png')}")
            for f in failures:
                print(f"{name}: FAILED: {f}")
                status = 1
            if interactive and not failures:
                print(f"{name}: interactions changed the front as expected")
        except Exception as e:
            print(f"{name}: FAILED: {e}")
            status = 1
        finally:
            b.close()
    sys.exit(status)


if __name__ == "__main__":
    main()
