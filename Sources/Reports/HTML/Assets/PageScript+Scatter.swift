extension PageScript {
    /// The scatter plot: any two dimensions as axes, a third as colour; the front drawn large,
    /// dominated trials small, infeasible ones as red crosses, trials outside the filters as
    /// faint dots; dragging brushes (sets both axes' filters), the wheel zooms, a double click
    /// resets the zoom; the knee labelled where its label covers the fewest points.
    static let scatter = #"""
      function select(options, value, onChange, label) {
        var wrap = el("label", { "class": "control" }, label + " ");
        var s = el("select");
        options.forEach(function (o) { var op = el("option", { value: o.id }, o.label); s.appendChild(op); });
        s.value = value;
        s.addEventListener("change", function () { onChange(s.value); });
        wrap.appendChild(s);
        return { node: wrap, select: s };
      }
      function checkbox(label, on, onChange) {
        var wrap = el("label", { "class": "control" }), c = el("input", { type: "checkbox" });
        c.checked = on;
        c.addEventListener("change", function () { onChange(c.checked); });
        wrap.appendChild(c); wrap.appendChild(document.createTextNode(" " + label));
        return wrap;
      }
      function button(label, onClick, id) {
        var b = el("button", { type: "button" }, label);
        if (id) { b.id = id; }
        b.addEventListener("click", onClick);
        return b;
      }

      function Scatter(root) {
        var axisDims = dims;
        var V = { x: objectiveDims[0], y: objectiveDims[1] || objectiveDims[0], colour: objectiveDims[2] || null,
                  dominated: true, infeasible: true, zoom: null, drag: null, positions: null };
        var bar = el("div", { "class": "toolbar" });
        var sx = select(axisDims, V.x.id, function (id) { V.x = dimById[id]; V.zoom = null; draw(); }, "x axis");
        var sy = select(axisDims, V.y.id, function (id) { V.y = dimById[id]; V.zoom = null; draw(); }, "y axis");
        var sc = select([{ id: "", label: "none (front blue)" }].concat(dims), V.colour ? V.colour.id : "",
                        function (id) { V.colour = id ? dimById[id] : null; refresh(); }, "colour by");
        sx.select.id = "scatter-x"; sy.select.id = "scatter-y"; sc.select.id = "scatter-colour";
        [sx.node, sy.node, sc.node].forEach(function (n) { bar.appendChild(n); });
        bar.appendChild(checkbox("dominated", true, function (on) { V.dominated = on; draw(); }));
        bar.appendChild(checkbox("infeasible", true, function (on) { V.infeasible = on; draw(); }));
        bar.appendChild(button("Zoom to selection", function () { zoomToFilters(); }, "scatter-zoom"));
        bar.appendChild(button("Reset zoom", function () { V.zoom = null; draw(); }, "scatter-reset"));
        bar.appendChild(button("Clear selection", function () {
          delete S.filters[V.x.id]; delete S.filters[V.y.id]; refresh();
        }, "scatter-clear"));
        root.appendChild(bar);
        var legend = el("div", { "class": "legend" });
        root.appendChild(legend);
        var box = el("div", { id: "scatter-canvas" });
        root.appendChild(box);
        var tip = el("div", { "class": "tip", hidden: "" });
        box.appendChild(tip);
        var L = layeredCanvas(box, Math.max(420, Math.min(640, Math.round(window.innerHeight * 0.62))));
        var F = null, X = null, Y = null;

        function frame() { return { x: 86, y: 14, w: L.w - 86 - 24, h: L.h - 14 - 58 }; }
        function domain(d, idx, zoom) { return zoom || extent(d, idx, 0.04); }
        function zoomToFilters() {
          var fx = S.filters[V.x.id], fy = S.filters[V.y.id];
          if (!fx && !fy) { return; }
          var r = function (d, f, s) {
            if (!f) { return [s.lo, s.hi]; }
            if (f.set) { var k = Object.keys(f.set).map(Number); return [Math.min.apply(null, k) - 0.5, Math.max.apply(null, k) + 0.5]; }
            var pad = d.kind === "log" ? 0 : (f.hi - f.lo) * 0.05;
            return [f.lo - pad, f.hi + pad];
          };
          V.zoom = { x: r(V.x, fx, X), y: r(V.y, fy, Y) };
          draw();
        }
        function draw() {
          L.resize();
          var c = L.b;
          c.clearRect(0, 0, L.w, L.h);
          F = frame();
          X = scale(V.x, domain(V.x, plotted, V.zoom && V.zoom.x)[0], domain(V.x, plotted, V.zoom && V.zoom.x)[1], F.x, F.x + F.w);
          Y = scale(V.y, domain(V.y, plotted, V.zoom && V.zoom.y)[0], domain(V.y, plotted, V.zoom && V.zoom.y)[1], F.y + F.h, F.y);
          drawAxes(c, F, X, Y, V.x.title, V.y.title);
          var colour = colouring(V.colour);
          drawLegend(colour);
          c.save();
          c.beginPath(); c.rect(F.x, F.y, F.w, F.h); c.clip();
          var small = plotted.length > 3000 ? 1.6 : 2.6, px = new Float32Array(N * 2).fill(NaN);
          V.positions = px;
          var grid = new Uint16Array(Math.ceil(L.w / 10) * Math.ceil(L.h / 10)), gw = Math.ceil(L.w / 10);
          function at(i) {
            var x = X.map(V.x.v[i]), y = Y.map(V.y.v[i]);
            if (!isFinite(x) || !isFinite(y)) { return null; }
            px[2 * i] = x; px[2 * i + 1] = y;
            if (x >= 0 && y >= 0 && x < L.w && y < L.h) { grid[Math.floor(y / 10) * gw + Math.floor(x / 10)]++; }
            return [x, y];
          }
          // Outside the filters: faint context.
          c.fillStyle = "#d8dee4";
          plotted.forEach(function (i) {
            if (S.visible[i]) { return; }
            var p = at(i); if (p) { c.fillRect(p[0] - 1, p[1] - 1, 2, 2); }
          });
          if (V.infeasible) {
            c.strokeStyle = INFEASIBLE; c.globalAlpha = 0.55; c.lineWidth = 1.1; c.beginPath();
            plotted.forEach(function (i) {
              if (!S.visible[i] || T[i].group !== "infeasible") { return; }
              var p = at(i); if (!p) { return; }
              c.moveTo(p[0] - 3, p[1] - 3); c.lineTo(p[0] + 3, p[1] + 3); c.moveTo(p[0] - 3, p[1] + 3); c.lineTo(p[0] + 3, p[1] - 3);
            });
            c.stroke(); c.globalAlpha = 1;
          }
          if (V.dominated) {
            c.globalAlpha = colour ? 0.45 : 0.4;
            c.fillStyle = "#8c959f";
            // Many points: squares (far cheaper to draw than circles, alike at this size).
            var many = plotted.length > 3000;
            if (!colour) { c.beginPath(); }
            plotted.forEach(function (i) {
              if (!S.visible[i] || S.onFront[i] || T[i].group !== "feasible") { return; }
              var p = at(i); if (!p) { return; }
              if (colour) {
                c.fillStyle = colour(i);
                if (many) { c.fillRect(p[0] - small, p[1] - small, 2 * small, 2 * small); return; }
                c.beginPath(); c.arc(p[0], p[1], small, 0, 2 * Math.PI); c.fill(); return;
              }
              if (many) { c.rect(p[0] - small, p[1] - small, 2 * small, 2 * small); return; }
              c.moveTo(p[0] + small, p[1]); c.arc(p[0], p[1], small, 0, 2 * Math.PI);
            });
            if (!colour) { c.fill(); }
            c.globalAlpha = 1;
          }
          var staircase = D.objectives.length === 2 && V.x.objective !== undefined && V.y.objective !== undefined && V.x !== V.y;
          if (staircase && S.front.length > 1) {
            var pts = S.front.map(function (i) { return [X.map(V.x.v[i]), Y.map(V.y.v[i])]; }).filter(function (p) { return isFinite(p[0]) && isFinite(p[1]); });
            pts.sort(function (a, b) { return a[0] - b[0]; });
            c.strokeStyle = FRONT; c.globalAlpha = 0.6; c.lineWidth = 1.4; c.beginPath();
            // Each step holds the previous point's level: the region the front dominates.
            var xMin = V.x.goal === "minimize", yMin = V.y.goal === "minimize";
            pts.forEach(function (p, k) {
              if (k === 0) { c.moveTo(p[0], p[1]); return; }
              var q = pts[k - 1];
              if (xMin === yMin) { c.lineTo(p[0], q[1]); } else { c.lineTo(q[0], p[1]); }
              c.lineTo(p[0], p[1]);
            });
            c.stroke(); c.globalAlpha = 1;
          }
          c.lineWidth = 1.2; c.strokeStyle = "#ffffff";
          S.front.forEach(function (i) {
            var p = at(i); if (!p) { return; }
            c.fillStyle = colour ? colour(i) : FRONT;
            c.beginPath(); c.arc(p[0], p[1], 4.6, 0, 2 * Math.PI); c.fill();
            c.strokeStyle = colour ? INK : "#ffffff"; c.stroke();
          });
          drawFilterBox(c);
          c.restore();
          if (S.knee >= 0 && isFinite(px[2 * S.knee])) {
            label(c, px[2 * S.knee], px[2 * S.knee + 1], "knee: trial " + T[S.knee].number, grid, gw);
          }
          hover();
        }
        /** The active filters of the two axes, as a dashed box. */
        function drawFilterBox(c) {
          var fx = S.filters[V.x.id], fy = S.filters[V.y.id];
          if (!fx && !fy) { return; }
          function span(f, s) {
            if (!f) { return [s.a, s.b]; }
            if (f.set) { var k = Object.keys(f.set).map(Number); return [s.map(Math.min.apply(null, k) - 0.5), s.map(Math.max.apply(null, k) + 0.5)]; }
            return [s.map(f.lo), s.map(f.hi)];
          }
          // A one-sided range (a typed bound) reaches the frame's edge.
          // (On a log axis a bound of -infinity maps to NaN: the low end of the axis.)
          function clamp(v, lo, hi, s) { return isNaN(v) ? s.a : Math.max(lo, Math.min(hi, v)); }
          var a = span(fx, X).map(function (v) { return clamp(v, F.x, F.x + F.w, X); });
          var b = span(fy, Y).map(function (v) { return clamp(v, F.y, F.y + F.h, Y); });
          c.save(); c.setLineDash([5, 4]); c.strokeStyle = KNEE; c.lineWidth = 1.2;
          c.fillStyle = "rgba(188, 76, 0, 0.05)";
          var x0 = Math.min(a[0], a[1]), y0 = Math.min(b[0], b[1]);
          c.fillRect(x0, y0, Math.abs(a[1] - a[0]), Math.abs(b[1] - b[0]));
          c.strokeRect(x0, y0, Math.abs(a[1] - a[0]), Math.abs(b[1] - b[0]));
          c.restore();
        }
        /** A label for the point at (x, y), put where it covers the fewest points, with a leader line. */
        function label(c, x, y, text, grid, gw) {
          c.save();
          c.font = "600 " + FONT;
          var w = c.measureText(text).width + 8, h = 18, best = null;
          [[1, -1], [1, 1], [-1, -1], [-1, 1], [0, -1], [0, 1], [1, 0], [-1, 0]].forEach(function (dir) {
            [26, 48, 80].forEach(function (dist) {
              var bx = x + dir[0] * dist - (dir[0] < 0 ? w : dir[0] === 0 ? w / 2 : 0);
              var by = y + dir[1] * dist - (dir[1] < 0 ? h : dir[1] === 0 ? h / 2 : 0);
              if (bx < F.x + 2 || by < F.y + 2 || bx + w > F.x + F.w - 2 || by + h > F.y + F.h - 2) { return; }
              var cover = 0;
              for (var gy = Math.floor((by - 6) / 10); gy <= Math.floor((by + h + 6) / 10); gy++) {
                for (var gx = Math.floor((bx - 6) / 10); gx <= Math.floor((bx + w + 6) / 10); gx++) { cover += grid[gy * gw + gx] || 0; }
              }
              var score = cover * 100 + dist;
              if (!best || score < best.score) { best = { x: bx, y: by, score: score }; }
            });
          });
          if (!best) { best = { x: Math.min(x + 10, F.x + F.w - w), y: Math.max(F.y, y - 28) }; }
          var cx = Math.max(best.x, Math.min(x, best.x + w)), cy = Math.max(best.y, Math.min(y, best.y + h));
          c.strokeStyle = KNEE; c.lineWidth = 1.2;
          c.beginPath(); c.moveTo(x, y); c.lineTo(cx, cy); c.stroke();
          c.beginPath(); c.arc(x, y, 6.5, 0, 2 * Math.PI); c.stroke();
          c.fillStyle = "rgba(255, 255, 255, 0.92)"; c.fillRect(best.x, best.y, w, h);
          c.strokeRect(best.x + 0.5, best.y + 0.5, w - 1, h - 1);
          c.fillStyle = KNEE; c.textBaseline = "middle"; c.textAlign = "left";
          c.fillText(text, best.x + 4, best.y + h / 2 + 0.5);
          c.restore();
          root.setAttribute("data-knee-label", Math.round(best.x) + "," + Math.round(best.y) + "," + Math.round(w) + "," + h);
        }
        function drawLegend(colour) {
          legend.textContent = "";
          function item(html, text) { var s = el("span", { "class": "item" }); s.appendChild(html); s.appendChild(document.createTextNode(text)); legend.appendChild(s); }
          item(el("span", { "class": "dot front" }), "front (" + S.front.length + ")");
          item(el("span", { "class": "dot dominated" }), "dominated");
          item(el("span", { "class": "cross" }, "×"), "infeasible");
          item(el("span", { "class": "dot faint" }), "outside the filters");
          if (colour && colour.range) {
            var bar = el("span", { "class": "ramp" });
            item(bar, " colour: " + V.colour.label + " from " + V.colour.text(colour.range[0]) + " (dark) to " + V.colour.text(colour.range[1]) + " (yellow)");
          } else if (colour) {
            V.colour.names.forEach(function (n, k) {
              var sw = el("span", { "class": "dot" }); sw.style.background = PALETTE[k % PALETTE.length];
              item(sw, n);
            });
          }
        }
        function nearest(p) {
          var best = -1, bd = 64, px = V.positions;
          if (!px) { return -1; }
          plotted.forEach(function (i) {
            if (!S.visible[i]) { return; }
            var dx = px[2 * i] - p.x, dy = px[2 * i + 1] - p.y, d2 = dx * dx + dy * dy;
            if (d2 < bd || (d2 === bd && S.onFront[i])) { bd = d2; best = i; }
          });
          return best;
        }
        function hover() {
          var c = L.o;
          c.clearRect(0, 0, L.w, L.h);
          if (V.drag && V.drag.moved) {
            var d = V.drag;
            c.fillStyle = "rgba(31, 111, 235, 0.10)"; c.strokeStyle = FRONT; c.lineWidth = 1;
            c.fillRect(Math.min(d.x0, d.x1), Math.min(d.y0, d.y1), Math.abs(d.x1 - d.x0), Math.abs(d.y1 - d.y0));
            c.strokeRect(Math.min(d.x0, d.x1) + 0.5, Math.min(d.y0, d.y1) + 0.5, Math.abs(d.x1 - d.x0), Math.abs(d.y1 - d.y0));
          }
          var i = S.hover, px = V.positions;
          if (i < 0 || !px || !isFinite(px[2 * i])) { tip.hidden = true; return; }
          c.strokeStyle = INK; c.lineWidth = 2;
          c.beginPath(); c.arc(px[2 * i], px[2 * i + 1], 7, 0, 2 * Math.PI); c.stroke();
          tip.textContent = "trial " + T[i].number + (S.onFront[i] ? " (front)" : "") + " · " + V.x.label + " " + V.x.text(V.x.v[i]) + " · " + V.y.label + " " + V.y.text(V.y.v[i]);
          tip.hidden = false;
          tip.style.left = Math.min(px[2 * i] + 12, L.w - 260) + "px";
          tip.style.top = Math.max(0, px[2 * i + 1] - 34) + "px";
        }
        /** The filter a brush from a to b (pixels) sets on dimension d through scale s. */
        function brushFilter(d, s, a, b) {
          var lo = Math.min(s.invert(a), s.invert(b)), hi = Math.max(s.invert(a), s.invert(b));
          if (!discrete(d)) { return { lo: lo, hi: hi }; }
          var set = {}, any = false;
          for (var k = Math.ceil(lo); k <= Math.floor(hi); k++) { if (k >= 0 && k < d.names.length) { set[k] = true; any = true; } }
          return any ? { set: set } : null;
        }
        L.over.addEventListener("mousedown", function (e) {
          var p = pointer(L.over, e);
          if (p.x < F.x || p.x > F.x + F.w || p.y < F.y || p.y > F.y + F.h) { return; }
          V.drag = { x0: p.x, y0: p.y, x1: p.x, y1: p.y, moved: false };
          e.preventDefault();
        });
        window.addEventListener("mousemove", function (e) {
          var p = pointer(L.over, e);
          if (V.drag) {
            V.drag.x1 = Math.max(F.x, Math.min(F.x + F.w, p.x)); V.drag.y1 = Math.max(F.y, Math.min(F.y + F.h, p.y));
            V.drag.moved = V.drag.moved || Math.abs(V.drag.x1 - V.drag.x0) + Math.abs(V.drag.y1 - V.drag.y0) > 4;
            hover();
          } else if (e.target === L.over) {
            setHover(nearest(p));
          }
        });
        window.addEventListener("mouseup", function (e) {
          var d = V.drag;
          if (!d) { return; }
          V.drag = null;
          if (!d.moved) { var i = nearest(pointer(L.over, e)); if (i >= 0) { showDetails(i); } hover(); return; }
          var fx = brushFilter(V.x, X, d.x0, d.x1), fy = V.y === V.x ? null : brushFilter(V.y, Y, d.y0, d.y1);
          if (fx) { S.filters[V.x.id] = fx; } else { delete S.filters[V.x.id]; }
          if (fy) { S.filters[V.y.id] = fy; } else if (V.y !== V.x) { delete S.filters[V.y.id]; }
          refresh();
        });
        L.over.addEventListener("mouseleave", function () { if (!V.drag) { setHover(-1); } });
        L.over.addEventListener("dblclick", function () { V.zoom = null; draw(); });
        L.over.addEventListener("wheel", function (e) {
          var p = pointer(L.over, e);
          if (p.x < F.x || p.x > F.x + F.w || p.y < F.y || p.y > F.y + F.h) { return; }
          e.preventDefault();
          var k = e.deltaY < 0 ? 0.8 : 1.25;
          function z(s, at) {
            var c = s.invert(at), lo = s.invert(s.a), hi = s.invert(s.b);
            if (s.dim.kind === "log" && c > 0) { return [Math.exp(Math.log(c) + (Math.log(Math.min(lo, hi)) - Math.log(c)) * k), Math.exp(Math.log(c) + (Math.log(Math.max(lo, hi)) - Math.log(c)) * k)]; }
            return [c + (Math.min(lo, hi) - c) * k, c + (Math.max(lo, hi) - c) * k];
          }
          V.zoom = { x: z(X, p.x), y: z(Y, p.y) };
          draw();
        }, { passive: false });
        return { update: draw, hover: hover, resize: draw, colour: function () { return V.colour; } };
      }
    """#
}
