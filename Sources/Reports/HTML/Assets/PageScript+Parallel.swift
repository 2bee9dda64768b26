extension PageScript {
    /// Parallel coordinates: one axis per key parameter and per objective, every choice value
    /// named on its axis, titles staggered when they would collide; the front's lines in
    /// colour, the other visible trials faint; dragging along an axis filters that dimension,
    /// a click on it clears its filter.
    static let parallel = #"""
      function Parallel(root) {
        var columns = D.keyParameters.map(function (j) { return paramDims[j]; }).filter(Boolean).concat(objectiveDims);
        if (columns.length < 2) { return null; }
        var box = el("div", { id: "parallel-canvas" });
        root.appendChild(box);
        var L = layeredCanvas(box, 440), A = [], drag = null, top = 60, bottom = 26;
        function axes() {
          var left = 70, right = 70, w = L.w - left - right;
          var idx = plotted.filter(function (i) { return S.visible[i] && T[i].group === "feasible"; });
          A = columns.map(function (d, k) {
            var e;
            if (d.group === "parameter" && !discrete(d)) { e = [d.low, d.high]; }
            else { e = extent(d, idx.length ? idx : plotted, discrete(d) ? 0 : 0.02); }
            var s = scale(d, e[0], e[1], L.h - bottom, top);
            return { d: d, x: left + (columns.length === 1 ? 0 : k * w / (columns.length - 1)), s: s };
          });
          return idx;
        }
        /** Trial i's polyline, added to the current path (or stroked alone unless `batch`). */
        function line(c, i, batch) {
          var started = false;
          if (!batch) { c.beginPath(); }
          for (var k = 0; k < A.length; k++) {
            var a = A[k], y = a.s.map(a.d.v[i]);
            if (!isFinite(y)) { started = false; continue; }
            if (started) { c.lineTo(a.x, y); } else { c.moveTo(a.x, y); started = true; }
          }
          if (!batch) { c.stroke(); }
        }
        function draw() {
          L.resize();
          var c = L.b, idx = axes();
          c.clearRect(0, 0, L.w, L.h);
          var colour = colouring(S.colourDim ? S.colourDim() : null);
          // The trials the filters keep, faint; then the front on top.
          c.lineWidth = 1; c.strokeStyle = "#8c959f";
          c.globalAlpha = Math.max(0.03, Math.min(0.25, 40 / Math.max(1, idx.length)));
          c.beginPath();
          idx.forEach(function (i) { if (!S.onFront[i]) { line(c, i, true); } });
          c.stroke();
          c.globalAlpha = S.front.length > 200 ? 0.45 : 0.75; c.lineWidth = 1.4;
          S.front.forEach(function (i) { c.strokeStyle = colour ? colour(i) : FRONT; line(c, i); });
          c.globalAlpha = 1;
          if (S.knee >= 0) { c.strokeStyle = KNEE; c.lineWidth = 2.6; line(c, S.knee); }
          drawAxes(c);
          hover();
        }
        function drawAxes(c) {
          c.save();
          c.font = FONT;
          var gap = A.length > 1 ? A[1].x - A[0].x : L.w;
          var stagger = A.some(function (a) { return c.measureText(a.d.label).width > gap - 10; });
          A.forEach(function (a, k) {
            var f = S.filters[a.d.id];
            c.strokeStyle = "#59636e"; c.lineWidth = 1;
            c.beginPath(); c.moveTo(a.x + 0.5, top); c.lineTo(a.x + 0.5, L.h - bottom); c.stroke();
            if (f) {
              var y0, y1;
              if (f.set) { var ks = Object.keys(f.set).map(Number); y0 = a.s.map(Math.min.apply(null, ks) - 0.4); y1 = a.s.map(Math.max.apply(null, ks) + 0.4); }
              else { y0 = a.s.map(f.lo); y1 = a.s.map(f.hi); }
              c.fillStyle = "rgba(188, 76, 0, 0.18)"; c.strokeStyle = KNEE;
              c.fillRect(a.x - 7, Math.min(y0, y1), 14, Math.abs(y1 - y0)); c.strokeRect(a.x - 7, Math.min(y0, y1), 14, Math.abs(y1 - y0));
            }
            // Title (two rows when neighbours would collide), then the ticks.
            c.fillStyle = INK; c.font = "600 " + FONT; c.textAlign = "center"; c.textBaseline = "bottom";
            var title = a.d.label + (a.d.goal ? (a.d.goal === "maximize" ? " \u2191" : " \u2193") : ""), room = stagger ? 2 * gap - 12 : gap - 8;
            while (title.length > 4 && c.measureText(title).width > room) { title = title.slice(0, -3) + "\u2026"; }
            c.fillText(title, a.x, top - (stagger && k % 2 ? 28 : 10));
            c.font = "11px system-ui, sans-serif"; c.fillStyle = MUTED;
            var ticks = a.s.ticks(6), last = Infinity;
            c.textAlign = k === A.length - 1 ? "left" : "right"; c.textBaseline = "middle";
            ticks.forEach(function (t) {
              var y = a.s.map(t.v);
              if (Math.abs(y - last) < 13) { return; }
              last = y;
              c.strokeStyle = "#59636e"; c.beginPath(); c.moveTo(a.x - 3, y); c.lineTo(a.x + 3, y); c.stroke();
              var text = t.label;
              while (text.length > 3 && c.measureText(text).width > Math.min(gap - 14, 120)) { text = text.slice(0, -2) + "…"; }
              c.fillStyle = "rgba(255,255,255,0.8)";
              var tw = c.measureText(text).width, tx = k === A.length - 1 ? a.x + 6 : a.x - 6;
              c.fillRect(k === A.length - 1 ? tx - 1 : tx - tw - 1, y - 7, tw + 2, 14);
              c.fillStyle = INK; c.fillText(text, tx, y);
            });
          });
          c.restore();
        }
        function hover() {
          var c = L.o;
          c.clearRect(0, 0, L.w, L.h);
          if (S.hover >= 0 && S.visible[S.hover] && T[S.hover].group === "feasible") { c.strokeStyle = INK; c.lineWidth = 2.4; line(c, S.hover); }
          if (drag && drag.moved) {
            c.fillStyle = "rgba(31, 111, 235, 0.18)";
            c.fillRect(drag.a.x - 8, Math.min(drag.y0, drag.y1), 16, Math.abs(drag.y1 - drag.y0));
          }
        }
        L.over.addEventListener("mousedown", function (e) {
          var p = pointer(L.over, e), a = null;
          A.forEach(function (b) { if (Math.abs(b.x - p.x) < 14) { a = b; } });
          if (!a) { return; }
          drag = { a: a, y0: p.y, y1: p.y, moved: false };
          e.preventDefault();
        });
        window.addEventListener("mousemove", function (e) {
          if (!drag) { return; }
          drag.y1 = Math.max(top, Math.min(L.h - bottom, pointer(L.over, e).y));
          drag.moved = drag.moved || Math.abs(drag.y1 - drag.y0) > 3;
          hover();
        });
        window.addEventListener("mouseup", function () {
          if (!drag) { return; }
          var d = drag, a = d.a.d, s = d.a.s;
          drag = null;
          if (!d.moved) { setFilter(a.id, null); return; }
          var lo = Math.min(s.invert(d.y0), s.invert(d.y1)), hi = Math.max(s.invert(d.y0), s.invert(d.y1));
          if (discrete(a)) {
            var set = {}, any = false;
            for (var k = Math.ceil(lo - 0.001); k <= Math.floor(hi + 0.001); k++) { if (k >= 0 && k < a.names.length) { set[k] = true; any = true; } }
            setFilter(a.id, any ? { set: set } : null);
          } else {
            setFilter(a.id, { lo: lo, hi: hi });
          }
        });
        return { update: draw, hover: hover };
      }
    """#
}
