extension PageScript {
    /// Canvases sized to their container (sharp on high-density screens), scales with ticks
    /// (linear, logarithmic, one position per choice), axes and the colour scales.
    static let drawing = #"""
      var FONT = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";
      var INK = "#1f2328", MUTED = "#59636e", GRID = "#eaeef2", FRONT = "#1f6feb", KNEE = "#bc4c00", INFEASIBLE = "#d1242f";
      /** A canvas filling `box`'s width, `height` CSS pixels high, with an overlay canvas on top. */
      function layeredCanvas(box, height) {
        box.classList.add("canvas-box");
        box.style.height = height + "px";
        var base = el("canvas"), over = el("canvas", { "class": "overlay" });
        box.appendChild(base); box.appendChild(over);
        var L = { base: base, over: over, b: base.getContext("2d"), o: over.getContext("2d"), w: 0, h: height };
        L.resize = function () {
          var r = window.devicePixelRatio || 1, w = Math.max(320, box.clientWidth);
          L.w = w;
          [base, over].forEach(function (c) {
            c.width = Math.round(w * r); c.height = Math.round(height * r);
            c.style.width = w + "px"; c.style.height = height + "px";
          });
          L.b.setTransform(r, 0, 0, r, 0, 0); L.o.setTransform(r, 0, 0, r, 0, 0);
          L.b.font = FONT; L.o.font = FONT;
        };
        L.resize();
        return L;
      }
      /** Positions of `e` relative to `canvas`, in CSS pixels. */
      function pointer(canvas, e) {
        var r = canvas.getBoundingClientRect();
        return { x: e.clientX - r.left, y: e.clientY - r.top };
      }
      /** The range of `d` over trials `idx` (finite values), padded by `pad` of its span. */
      function extent(d, idx, pad) {
        if (discrete(d)) { return [-0.5, d.names.length - 0.5]; }
        var lo = Infinity, hi = -Infinity;
        for (var k = 0; k < idx.length; k++) { var x = d.v[idx[k]]; if (isFinite(x)) { if (x < lo) { lo = x; } if (x > hi) { hi = x; } } }
        if (d.kind === "log") {
          if (!(lo > 0)) { lo = d.low; } if (!(hi > 0)) { hi = d.high; }
          var a = Math.log(lo), b = Math.log(hi), s = (b - a) || 1;
          return [Math.exp(a - pad * s), Math.exp(b + pad * s)];
        }
        if (lo > hi) { return [0, 1]; }
        var span = hi - lo || Math.abs(hi) || 1;
        return [lo - pad * span, hi + pad * span];
      }
      /** A scale from `d`'s domain [lo, hi] to pixels [a, b]. */
      function scale(d, lo, hi, a, b) {
        var log = d.kind === "log" && lo > 0 && hi > 0;
        var f = log ? Math.log : function (x) { return x; };
        var l = f(lo), h = f(hi), span = (h - l) || 1;
        var s = {
          dim: d, lo: lo, hi: hi, a: a, b: b,
          map: function (x) { return a + (f(x) - l) / span * (b - a); },
          invert: function (p) { var t = l + (p - a) / (b - a) * span; return log ? Math.exp(t) : t; }
        };
        s.ticks = function (count) {
          if (discrete(d)) {
            var out = [];
            for (var i = Math.max(0, Math.ceil(lo)); i <= Math.min(d.names.length - 1, Math.floor(hi)); i++) { out.push({ v: i, label: d.names[i] }); }
            return out;
          }
          if (log && h - l > Math.LN10 * 0.9) {
            var ticks = [], e0 = Math.floor(Math.log10(lo)), e1 = Math.ceil(Math.log10(hi));
            var mult = e1 - e0 <= 2 ? [1, 2, 5] : [1];
            for (var e = e0; e <= e1; e++) {
              mult.forEach(function (m) { var x = m * Math.pow(10, e); if (x >= lo && x <= hi) { ticks.push({ v: x, label: d.tick(x) }); } });
            }
            return ticks;
          }
          return niceTicks(lo, hi, count, d.integer).map(function (x) { return { v: x, label: d.tick(x) }; });
        };
        return s;
      }
      /** About `count` round values (1, 2 or 5 times a power of ten apart) inside [lo, hi]; whole numbers when `integer`. */
      function niceTicks(lo, hi, count, integer) {
        var span = hi - lo;
        if (!(span > 0)) { return [lo]; }
        var raw = span / Math.max(1, count), p = Math.pow(10, Math.floor(Math.log10(raw))), r = raw / p;
        var step = (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * p;
        if (integer) { step = Math.max(1, Math.round(step)); }
        var out = [];
        for (var x = Math.ceil(lo / step) * step; x <= hi + step * 1e-9; x += step) { out.push(Math.abs(x) < step * 1e-9 ? 0 : x); }
        return out;
      }
      /** Grid lines, tick labels and titles of a plot's frame `f` ({x, y, w, h}). */
      function drawAxes(c, f, sx, sy, xTitle, yTitle) {
        c.save();
        c.font = FONT; c.lineWidth = 1;
        c.strokeStyle = GRID; c.fillStyle = MUTED;
        var xt = sx.ticks(Math.max(2, Math.floor(f.w / 110))), yt = sy.ticks(Math.max(3, Math.floor(f.h / 50)));
        c.textAlign = "center"; c.textBaseline = "top";
        var lastRight = -Infinity;
        xt.forEach(function (t) {
          var x = Math.round(sx.map(t.v)) + 0.5;
          c.beginPath(); c.moveTo(x, f.y); c.lineTo(x, f.y + f.h); c.stroke();
          var w = c.measureText(t.label).width;
          if (x - w / 2 > lastRight + 6) { c.fillText(t.label, x, f.y + f.h + 6); lastRight = x + w / 2; }
        });
        c.textAlign = "right"; c.textBaseline = "middle";
        var lastTop = Infinity;
        yt.forEach(function (t) {
          var y = Math.round(sy.map(t.v)) + 0.5;
          c.beginPath(); c.moveTo(f.x, y); c.lineTo(f.x + f.w, y); c.stroke();
          if (y < lastTop - 14) { c.fillText(t.label, f.x - 6, y); lastTop = y; }
        });
        c.strokeStyle = "#8c959f";
        c.strokeRect(f.x + 0.5, f.y + 0.5, f.w, f.h);
        c.fillStyle = INK; c.font = "600 " + FONT;
        c.textAlign = "center"; c.textBaseline = "bottom";
        c.fillText(xTitle, f.x + f.w / 2, f.y + f.h + 42);
        c.translate(14, f.y + f.h / 2); c.rotate(-Math.PI / 2);
        c.textBaseline = "top";
        c.fillText(yTitle, 0, 0);
        c.restore();
      }
      var VIRIDIS = [[68, 1, 84], [65, 68, 135], [42, 120, 142], [34, 168, 132], [122, 209, 81], [253, 231, 37]];
      var PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bc4c00", "#0969da", "#bf3989", "#57606a"];
      /** The colour of `t` in [0, 1] on the viridis scale (perceptually even, readable in grey). */
      function viridis(t) {
        t = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        var i = Math.min(VIRIDIS.length - 2, Math.floor(t)), u = t - i, a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return "rgb(" + [0, 1, 2].map(function (k) { return Math.round(a[k] + (b[k] - a[k]) * u); }).join(",") + ")";
      }
      /** A function from trial index to colour for dimension `d` over the visible trials, or null. */
      function colouring(d) {
        if (!d) { return null; }
        if (discrete(d)) { return function (i) { var x = d.v[i]; return isNaN(x) ? "#8c959f" : PALETTE[Math.round(x) % PALETTE.length]; }; }
        var idx = plotted.filter(function (i) { return S.visible[i]; });
        var e = extent(d, idx, 0), s = scale(d, e[0], e[1], 0, 1);
        var fn = function (i) { var x = d.v[i]; return isFinite(x) ? viridis(e[1] > e[0] ? s.map(x) : 0.5) : "#8c959f"; };
        fn.range = e;
        return fn;
      }
    """#
}
