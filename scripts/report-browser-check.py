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
    return b.evaluate("(function(){var d=document.body.dataset;return {visible:+d.visible,front:+d.front,trials:d.frontTrials,"
                      "filters:+d.filters,knee:d.knee,best:d.best};})()")


class PageData:
    """The page's embedded data, and the Pareto toolkit's knee and best rules re-done here, so
    that what the page labels under a filter can be checked against an independent answer."""

    def __init__(self, b):
        self.d = b.evaluate("JSON.parse(document.getElementById('page-data').textContent)")
        names = [m["name"] for m in self.d["metrics"]]
        self.cols = [names.index(o["metric"]) if o["metric"] in names else None for o in self.d["objectives"]]
        self.by_number = {t["number"]: t for t in self.d["trials"]}

    def raw(self, t, k):
        c = self.cols[k]
        v = None if c is None or c >= len(t["metrics"]) else t["metrics"][c]
        return float("nan") if v is None else v

    def minimised(self, t):
        out = []
        for k, o in enumerate(self.d["objectives"]):
            v = self.raw(t, k)
            out.append(float("inf") if v != v else (-v if o["goal"] == "maximize" else v))
        return out

    def ordered(self, numbers):
        """Front trials in the report's order: by the first objective's value, ties by number."""
        return sorted(numbers, key=lambda n: (self.raw(self.by_number[n], 0), n))

    def front(self, keep):
        """The non-dominated feasible trials among those `keep` accepts (minimised objectives)."""
        rows = sorted(((self.minimised(t), t["number"]) for t in self.d["trials"] if t["group"] == "feasible" and keep(t)))
        kept = []
        for v, n in rows:
            if any(all(a <= b for a, b in zip(w, v)) and w != v for w, _ in kept):
                continue
            kept.append((v, n))
        return [n for _, n in kept]

    def knee(self, numbers):
        """KneePoint.index on the front `numbers` (its Swift code step by step); None below 3 points."""
        order = self.ordered(numbers)
        n, d = len(order), len(self.d["objectives"])
        if n <= 2 or d == 0:
            return None
        v = [self.minimised(self.by_number[x]) for x in order]
        if d == 1:
            return order[min(range(n), key=lambda i: (v[i][0], i))]
        lo = [min(r[k] for r in v) for k in range(d)]
        hi = [max(r[k] for r in v) for k in range(d)]
        def nv(i, k):
            r = hi[k] - lo[k]
            return (v[i][k] - lo[k]) / r if r > 0 else 0.0
        extremes = []
        for k in range(d):
            best, key = 0, (float("inf"), float("inf"))
            for i in range(n):
                rest = 0.0
                for j in range(d):
                    if j != k:
                        rest += nv(i, j)
                if (nv(i, k), rest) < key:
                    key, best = (nv(i, k), rest), i
            extremes.append(best)
        a = [[nv(i, k) for k in range(d)] for i in extremes]
        w = [1.0] * d
        if not solve(a, w) or any(not (x > 0) or x in (float("inf"), float("-inf")) for x in w):
            w = [1.0] * d
        norm = sum(x * x for x in w) ** 0.5
        best, far = 0, float("-inf")
        for i in range(n):
            s = 0.0
            for k in range(d):
                s += w[k] * nv(i, k)
            if (1 - s) / norm > far:
                far, best = (1 - s) / norm, i
        return order[best]

    def best(self, numbers):
        order = self.ordered(numbers)
        if not order:
            return []
        v = [self.minimised(self.by_number[x]) for x in order]
        out = []
        for k in range(len(self.d["objectives"])):
            b = 0
            for i in range(len(v)):
                if v[i][k] < v[b][k]:
                    b = i
            out.append(order[b])
        return out


def solve(a, b):
    """Gaussian elimination with partial pivoting, as KneePoint's; False when singular."""
    n = len(b)
    for c in range(n):
        p = c
        for r in range(c + 1, n):
            if abs(a[r][c]) > abs(a[p][c]):
                p = r
        if abs(a[p][c]) < 1e-12:
            return False
        a[c], a[p] = a[p], a[c]
        b[c], b[p] = b[p], b[c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            if f == 0:
                continue
            for k in range(c, n):
                a[r][k] -= f * a[c][k]
            b[r] -= f * b[c]
    for c in range(n - 1, -1, -1):
        s = b[c]
        for k in range(c + 1, n):
            s -= a[c][k] * b[k]
        b[c] = s / a[c][c]
    return True


def labels_agree(data, st, what):
    """Failures when the page's knee and best labels are not those of the front it shows."""
    numbers = [int(x) for x in st["trials"].split(",") if x]
    knee = data.knee(numbers)
    best = ",".join(str(x) for x in data.best(numbers))
    out = []
    if (st["knee"] or None) != (None if knee is None else str(knee)):
        out.append(f"{what}: the page's knee is trial {st['knee'] or 'none'}, the front's is {knee}")
    if st["best"] != best:
        out.append(f"{what}: the page's best trials are {st['best']}, the front's are {best}")
    return out


def interact(b, name):
    """Brush, type a filter, sort, clear; returns a list of failures."""
    failures = []
    before = state(b)
    data = PageData(b)
    if (before["knee"] or None) != (None if data.d["knee"] is None else str(data.d["knee"])):
        failures.append(f"with no filter the page's knee is trial {before['knee']}, the report's {data.d['knee']}")
    failures += labels_agree(data, before, "no filter")
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
    failures += labels_agree(data, brushed, "after the brush")
    print(f"{name}: brush: knee {before['knee'] or 'none'} -> {brushed['knee'] or 'none'}, best {before['best']} -> {brushed['best']}")
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
    failures += knee_moves(b, name, data, before)
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


def knee_moves(b, name, data, before):
    """A typed range on the first objective that leaves the knee out (the side of it with more
    front points, cut halfway to its neighbour): the page must name a new knee, the one of the
    front it now shows (recomputed here from the page's data)."""
    if not before["knee"]:
        return []
    order = data.ordered(data.d["front"])
    at = order.index(int(before["knee"]))
    raw = lambda n: data.raw(data.by_number[n], 0)
    left, right = order[:at], order[at + 1:]
    if len(left) >= len(right) and left:
        lo, hi = None, (raw(left[-1]) + raw(order[at])) / 2
    elif right:
        lo, hi = (raw(order[at]) + raw(right[0])) / 2, None
    else:
        return []
    if (lo is not None and lo == raw(order[at])) or (hi is not None and hi == raw(order[at])):
        return []   # no value between the knee and its neighbour
    b.evaluate("(function(lo,hi){var row=document.querySelector('.filter[data-dim]');"
               "var a=row.querySelector('input.lo'),z=row.querySelector('input.hi');"
               "a.value=lo===null?'':String(lo);z.value=hi===null?'':String(hi);z.dispatchEvent(new Event('change'));})"
               f"({json.dumps(lo)},{json.dumps(hi)})")
    st = state(b)
    failures = []
    keep = lambda t: (lo is None or raw(t["number"]) >= lo) and (hi is None or raw(t["number"]) <= hi)
    expected = ",".join(str(n) for n in sorted(data.front(keep)))
    if st["trials"] != expected:
        failures.append(f"after a range leaving out the knee, the page's front differs from the one recomputed here")
    if st["knee"] == before["knee"]:
        failures.append(f"a range leaving out the knee (trial {before['knee']}) did not move it")
    failures += labels_agree(data, st, "after a range leaving out the knee")
    side = f"<= {hi:.6g}" if hi is not None else f">= {lo:.6g}"
    print(f"{name}: filter {data.d['objectives'][0]['metric']} {side} (leaves out the knee): front {st['front']}, "
          f"knee {before['knee']} -> {st['knee'] or 'none'}, best {st['best']}")
    b.evaluate("document.getElementById('filters-clear').click()")
    return failures


def compare_interact(b, name):
    """On a compare page: untick the first side (its groups hide in every plot, the count of
    sides shown drops), tick it again; move the mouse onto a drawn line and read the name the
    page gives it. Returns a list of failures."""
    failures = []
    sides = b.evaluate("document.querySelectorAll('#compare-sides input[data-side]').length")
    before = b.evaluate("+document.body.dataset.sidesShown")
    hidden = b.evaluate("(function(){var c=document.querySelector('#compare-sides input[data-side]');c.click();"
                        "var g=[].filter.call(document.querySelectorAll('svg.plot g[data-side=\"'+c.dataset.side+'\"]'),"
                        "function(x){return getComputedStyle(x).display!=='none';}).length;"
                        "return {shown:+document.body.dataset.sidesShown, visible:g};})()")
    b.evaluate("document.querySelector('#compare-sides input[data-side]').click()")
    after = b.evaluate("+document.body.dataset.sidesShown")
    print(f"{name}: {sides} sides; unticking the first: sides shown {before} -> {hidden['shown']} "
          f"({hidden['visible']} of its groups still drawn), ticking it again: {after}")
    if sides < 2 or before != sides or hidden["shown"] != sides - 1 or hidden["visible"] != 0 or after != sides:
        failures.append("the side toggles did not hide and show a side")
    # A point on the last drawn line (an attainment surface when there are any), in page pixels.
    at = b.evaluate("(function(){var ls=[].filter.call(document.querySelectorAll('svg.plot g[data-name] polyline:not(.halo)'),function(l){return l.points.length>2;});"
                    "var l=ls[ls.length-1];if(!l){return null;}l.scrollIntoView({block:'center'});"
                    "var p=l.points[1],q=l.points[2],m=l.getScreenCTM();var x=(p.x+q.x)/2,y=(p.y+q.y)/2;"
                    "return {x:m.a*x+m.c*y+m.e,y:m.b*x+m.d*y+m.f,name:l.parentNode.dataset.name};})()")
    if at is None:
        failures.append("no line to hover on the compare page")
        return failures
    b.mouse("mouseMoved", at["x"], at["y"], buttons=0)
    hover = b.evaluate("({name: document.body.dataset.hover, text: document.getElementById('compare-hover').textContent,"
                       "faded: document.querySelectorAll('svg.plot g.faded').length})")
    print(f"{name}: hovering a line of '{at['name']}': the page names '{hover['name']}', {hover['faded']} groups of other sides faded")
    if hover["name"] != at["name"] or hover["text"] != at["name"] or hover["faded"] == 0:
        failures.append(f"hovering '{at['name']}' named '{hover['name']}'")
    b.mouse("mouseMoved", 2, 2, buttons=0)
    b.evaluate("window.scrollTo(0,0)")
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
            comparing = b.evaluate("!!document.getElementById('compare-sides')")
            if comparing:
                failures += compare_interact(b, name)
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
            if comparing and not failures:
                print(f"{name}: side toggles and hover names work")
        except Exception as e:
            print(f"{name}: FAILED: {e}")
            status = 1
        finally:
            b.close()
    sys.exit(status)


if __name__ == "__main__":
    main()
