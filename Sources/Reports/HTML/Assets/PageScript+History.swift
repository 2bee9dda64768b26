extension PageScript {
    /// Progress over trials: the front's hypervolume as a share of the final front's, with the
    /// reference point in words, and each objective's best feasible value so far.
    static let history = #"""
      /** A line plot in `box`: series of [x, y] (drawn as steps when `steps`), titles, a y formatter. */
      function linePlot(box, height, series, o) {
        var L = layeredCanvas(box, height);
        function draw() {
          L.resize();
          var c = L.b, f = { x: 78, y: 10, w: L.w - 78 - 20, h: height - 10 - 54 };
          c.clearRect(0, 0, L.w, L.h);
          var xs = [], ys = [];
          series.forEach(function (s) { s.points.forEach(function (p) { xs.push(p[0]); if (isFinite(p[1])) { ys.push(p[1]); } }); });
          if (!xs.length) { return; }
          var whole = xs.every(function (x) { return x === Math.round(x); });
          var xd = { kind: "number", integer: whole, tick: function (x) { return whole ? String(Math.round(x)) : sig(x, 3); } };
          var yd = { kind: "number", tick: o.tick };
          var x0 = o.xMin !== undefined ? o.xMin : Math.min.apply(null, xs), x1 = o.xMax !== undefined ? o.xMax : Math.max.apply(null, xs);
          var y0 = o.yMin !== undefined ? o.yMin : Math.min.apply(null, ys), y1 = o.yMax !== undefined ? o.yMax : Math.max.apply(null, ys);
          if (y1 === y0) { y0 -= Math.abs(y0) * 0.05 || 1; y1 += Math.abs(y1) * 0.05 || 1; }
          if (x1 === x0) { x1 = x0 + 1; }
          var sx = scale(xd, x0, x1, f.x, f.x + f.w), sy = scale(yd, y0, y1, f.y + f.h, f.y);
          drawAxes(c, f, sx, sy, o.xTitle, o.yTitle);
          c.save(); c.beginPath(); c.rect(f.x, f.y - 2, f.w + 2, f.h + 4); c.clip();
          series.forEach(function (s) {
            c.strokeStyle = s.colour; c.lineWidth = s.width || 1.8; c.globalAlpha = s.alpha || 1;
            c.beginPath();
            s.points.forEach(function (p, k) {
              var x = sx.map(p[0]), y = sy.map(p[1]);
              if (!isFinite(y)) { return; }
              if (k === 0) { c.moveTo(x, y); } else { if (s.steps) { c.lineTo(x, sy.map(s.points[k - 1][1])); } c.lineTo(x, y); }
            });
            if (s.steps && s.points.length && o.xMax !== undefined) { c.lineTo(sx.map(o.xMax), sy.map(s.points[s.points.length - 1][1])); }
            c.stroke();
            if (s.dots) {
              c.fillStyle = s.colour;
              s.points.forEach(function (p) { c.beginPath(); c.arc(sx.map(p[0]), sy.map(p[1]), 2.2, 0, 2 * Math.PI); c.fill(); });
            }
          });
          c.restore();
        }
        draw();
        return { update: draw };
      }

      function History(root) {
        var hv = D.hypervolume, views = [];
        var last = T.reduce(function (m, t) { return Math.max(m, t.number); }, 0);
        if (hv && hv.history.length) {
          var best = hv.history.reduce(function (m, p) { return Math.max(m, p[1]); }, 0) || 1;
          var box = el("div", { id: "history-canvas" });
          root.appendChild(box);
          views.push(linePlot(box, 280, [{ colour: "#1a7f37", steps: true, dots: true, points: hv.history.map(function (p) { return [p[0], 100 * p[1] / best]; }) }],
            { xTitle: "trial", yTitle: "hypervolume, % of the best seen", tick: function (y) { return sig(y, 3) + " %"; }, xMin: 0, xMax: last, yMin: 0, yMax: 100 }));
          var words = objectiveDims.map(function (d, k) {
            return d.label + " " + d.text(hv.reference[k]) + " (" + (d.goal === "maximize" ? "lowest" : "highest") + " feasible value, 10 % of the range further)";
          });
          var half = hv.history.filter(function (p) { return p[1] >= 0.99 * best; })[0];
          root.appendChild(el("p", { "class": "note", id: "reference-words" },
            "The hypervolume is the part of objective space the front dominates, measured up to a reference point just worse than every feasible trial: " +
            words.join("; ") + ". 100 % is the best front seen (hypervolume " + sig(best, 4) + " in these units)" +
            (half ? "; the study reached 99 % of it at trial " + half[0] + "." : ".")));
          var n = hv.changes || hv.history.length;
          root.appendChild(el("p", { "class": "note", id: "history-rule" }, hv.exact !== false
            ? "Each dot is a trial that changed the front" + (hv.history.length < n ? " (" + hv.history.length + " of the " + n + " that did, evenly spaced)" : " (" + n + ")") +
              "; the values are exact, each change adding the volume its new point dominates alone."
            : "Measured at " + hv.history.length + " of the " + n + " trials that changed the front, evenly spaced: with " + D.objectives.length +
              " objectives an exact value at every change would take too long, so each is exact where that is quick and otherwise estimated from 10,000 random samples (within about 1 % of the box up to the reference point)."));
        }
        // Each objective's best feasible value so far, in its own unit.
        var grid = el("div", { "class": "small-multiples" });
        root.appendChild(grid);
        var order = T.map(function (t, i) { return i; }).filter(function (i) { return T[i].group === "feasible"; })
          .sort(function (a, b) { return T[a].number - T[b].number; });
        objectiveDims.forEach(function (d, k) {
          var points = [], bestSoFar = Infinity;
          order.forEach(function (i) {
            if (OBJ[k][i] < bestSoFar) { bestSoFar = OBJ[k][i]; points.push([T[i].number, d.v[i]]); }
          });
          if (!points.length) { return; }
          var cell = el("div", { "class": "cell" });
          grid.appendChild(cell);
          cell.appendChild(el("div", { "class": "cell-title" }, "best " + d.label + " so far (" + (d.goal === "maximize" ? "higher" : "lower") + " is better)"));
          var box = el("div");
          cell.appendChild(box);
          views.push(linePlot(box, 220, [{ colour: FRONT, steps: true, dots: true, points: points }],
            { xTitle: "trial", yTitle: d.label + unitSuffix(d.unit), tick: d.tick, xMin: 0, xMax: last }));
        });
        return { update: function () {}, resize: function () { views.forEach(function (v) { v.update(); }); } };
      }

      /** Learning curves from intermediate reports: one line per visible trial, the front's in colour. */
      function Curves(root) {
        var C = D.curves;
        if (!C || !C.trials.length) { return null; }
        var metric = 0, bar = el("div", { "class": "toolbar" });
        var s = select(C.metrics.map(function (m, k) { return { id: String(k), label: m }; }), "0", function (v) { metric = Number(v); draw(); }, "metric");
        s.select.id = "curves-metric";
        bar.appendChild(s.node);
        root.appendChild(bar);
        if (C.left_out) { root.appendChild(el("p", { "class": "note" }, C.left_out + " more trials reported intermediate values; their curves are left out to keep the page fast.")); }
        var box = el("div", { id: "curves-canvas" });
        root.appendChild(box);
        var plot = null;
        function draw() {
          box.textContent = "";
          var faint = [], front = [];
          C.trials.forEach(function (c) {
            var i = indexOf[c.trial];
            if (i === undefined || !S.visible[i]) { return; }
            var pts = c.reports.map(function (r) { return [r[0], num(r[metric + 1])]; }).filter(function (p) { return isFinite(p[1]); });
            if (!pts.length) { return; }
            var pruned = T[i].group === "pruned";
            (S.onFront[i] ? front : faint).push({ colour: S.onFront[i] ? FRONT : pruned ? "#d97706" : "#8c959f", width: S.onFront[i] ? 1.8 : 1,
                                                   alpha: S.onFront[i] ? 0.85 : 0.35, points: pts });
          });
          var unit = (D.metrics.filter(function (m) { return m.name === C.metrics[metric]; })[0] || {}).unit;
          root.setAttribute("data-curves", String(faint.length + front.length));
          plot = linePlot(box, 320, faint.concat(front), { xTitle: "step", yTitle: C.metrics[metric] + unitSuffix(unit),
                                                         tick: function (y) { return formatUnit(unit, y, 3); } });
        }
        draw();
        return { update: draw };
      }

      /** Parameter importance per objective, as bars of shares. */
      function Importance(root) {
        if (!D.importance || !D.importance.length) { return null; }
        D.importance.forEach(function (imp) {
          var block = el("div", { "class": "importance" });
          block.appendChild(el("div", { "class": "cell-title" }, imp.objective));
          imp.shares.forEach(function (s) {
            var row = el("div", { "class": "bar-row" });
            row.appendChild(el("span", { "class": "bar-name" }, s.parameter));
            var track = el("span", { "class": "bar-track" }), fill = el("span", { "class": "bar-fill" });
            fill.style.width = Math.max(0, Math.min(100, 100 * s.share)) + "%";
            track.appendChild(fill); row.appendChild(track);
            row.appendChild(el("span", { "class": "bar-value" }, sig(100 * s.share, 3) + " %"));
            block.appendChild(row);
          });
          root.appendChild(block);
        });
        return { update: function () {} };
      }
    """#
}
