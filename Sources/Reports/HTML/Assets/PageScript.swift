/// The report page's script: plain JavaScript (no library, no network) that renders every
/// plot and table from the JSON object in `<script id="page-data">` (see `PageData`). It keeps
/// one state — the filters (objective, metric and parameter ranges; sets of choice values),
/// the trials they leave visible, the non-dominated set of those and its knee and best trials
/// (recomputed whenever a filter changes) — and redraws each view from it. Its state is mirrored on `<body>` as
/// `data-*` attributes (`data-ready`, `data-visible`, `data-front`, `data-front-trials`,
/// `data-knee`, `data-best`, `data-filters`, `data-render-ms`) so that a browser test can read what the page shows.
enum PageScript {
    /// The whole script, in order: the core (data, filters, front), drawing helpers, then one
    /// part per view, then the start-up code.
    static var source: String {
        [core, drawing, scatter, parallel, history, table, filters, start].joined(separator: "\n")
    }
}

extension PageScript {
    /// Data, formatting, dimensions (objectives, other metrics, parameters), filters and the
    /// non-dominated set of the visible trials.
    static let core = #"""
    (function () {
      "use strict";
      var D = JSON.parse(document.getElementById("page-data").textContent);
      var T = D.trials, N = T.length;

      function trimZeros(s) {
        if (s.indexOf(".") < 0 || s.indexOf("e") >= 0) { return s; }
        return s.replace(/0+$/, "").replace(/\.$/, "");
      }
      /** `v` with `d` significant digits, trailing zeros removed. */
      function sig(v, d) {
        if (v === 0) { return "0"; }
        var e = Math.floor(Math.log10(Math.abs(v)));
        if (e > 15 || e < -8) { return trimZeros(v.toPrecision(d)); }
        return trimZeros(v.toFixed(Math.max(0, Math.min(20, d - 1 - e))));
      }
      /** A value for people, by the metric's unit ("1.91 MB", "12.3 s", "48.2k"). */
      function formatUnit(unit, v, digits) {
        if (v === null || v === undefined || isNaN(v)) { return "-"; }
        if (!isFinite(v)) { return v > 0 ? "inf" : "-inf"; }
        var a = Math.abs(v);
        if (unit === "bytes") {
          return a < 1e3 ? sig(v, 4) + " B" : a < 1e6 ? sig(v / 1e3, 3) + " KB" : a < 1e9 ? sig(v / 1e6, 3) + " MB" : sig(v / 1e9, 3) + " GB";
        }
        if (unit === "seconds") { return sig(v, 3) + " s"; }
        if (unit === "count") { return a < 1e4 ? sig(v, 4) : a < 1e6 ? sig(v / 1e3, 3) + "k" : sig(v / 1e6, 3) + "M"; }
        return sig(v, digits || 6);
      }
      function unitSuffix(unit) { return unit === "bytes" ? " (bytes)" : unit === "seconds" ? " (s)" : unit === "count" ? " (count)" : ""; }
      function el(tag, attrs, text) {
        var e = document.createElement(tag);
        if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
        if (text !== undefined) { e.textContent = text; }
        return e;
      }
      function num(x) { return x === null || x === undefined ? NaN : x; }

      // Dimensions: every objective, every other metric, every searched parameter. `v` holds
      // each trial's value (NaN when missing); a choice's value is its index.
      var dims = [], metricCol = {};
      D.metrics.forEach(function (m, i) { metricCol[m.name] = i; });
      function metricDim(name, unit, group) {
        var c = metricCol[name], v = new Float64Array(N);
        for (var i = 0; i < N; i++) { v[i] = c === undefined ? NaN : num(T[i].metrics[c]); }
        return { id: "m-" + name, label: name, title: name + unitSuffix(unit), group: group, kind: "number", unit: unit, v: v,
                 text: function (x) { return formatUnit(unit, x); }, tick: function (x) { return formatUnit(unit, x, 3); } };
      }
      var objectiveDims = D.objectives.map(function (o, k) {
        var d = metricDim(o.metric, o.unit, "objective");
        d.objective = k; d.goal = o.goal;
        d.title = o.metric + unitSuffix(o.unit) + (o.goal === "maximize" ? ", higher is better" : ", lower is better");
        dims.push(d);
        return d;
      });
      D.metrics.forEach(function (m) {
        if (!D.objectives.some(function (o) { return o.metric === m.name; })) { dims.push(metricDim(m.name, m.unit, "metric")); }
      });
      var paramDims = [];
      D.parameters.forEach(function (p, j) {
        if (p.kind === "fixed") { paramDims.push(null); return; }
        var v = new Float64Array(N);
        for (var i = 0; i < N; i++) { v[i] = num(T[i].params[j]); }
        var d = { id: "p-" + p.name, label: p.name, title: p.name, group: "parameter", v: v, param: j };
        if (p.kind === "ordinal" || p.kind === "categorical") {
          d.kind = p.kind;
          d.names = p.values.map(function (x) { return String(x); });
          d.text = function (x) { return isNaN(x) ? "-" : d.names[Math.max(0, Math.min(d.names.length - 1, Math.round(x)))]; };
          d.tick = d.text;
        } else {
          d.kind = p.log && p.low > 0 ? "log" : "number";
          d.low = p.low; d.high = p.high; d.integer = p.kind === "int";
          d.text = function (x) { return isNaN(x) ? "-" : p.kind === "int" ? String(Math.round(x)) : sig(x, 4); };
          d.tick = function (x) { return p.kind === "int" ? String(Math.round(x)) : sig(x, 3); };
        }
        paramDims.push(d);
        dims.push(d);
      });
      var dimById = {};
      dims.forEach(function (d) { dimById[d.id] = d; });
      function discrete(d) { return d.kind === "ordinal" || d.kind === "categorical"; }

      // Minimised objective vectors (+Infinity when missing), column by column.
      var OBJ = objectiveDims.map(function (d) {
        var o = new Float64Array(N);
        for (var i = 0; i < N; i++) { var x = d.v[i]; o[i] = isNaN(x) ? Infinity : (d.goal === "maximize" ? -x : x); }
        return o;
      });
      var indexOf = {};
      T.forEach(function (t, i) { indexOf[t.number] = i; });
      var plotted = [];   // complete trials a plot shows: feasible and infeasible
      T.forEach(function (t, i) { if (t.group === "feasible" || t.group === "infeasible") { plotted.push(i); } });
      var notes = {};   // "knee", "best <metric>" by trial index, for the front shown (see `refresh`)

      // The state every view draws: filters by dimension id ({lo, hi} or {set: {index: true}}),
      // the visible trials, their front, the trial under the pointer.
      var S = { filters: {}, visible: new Uint8Array(N), front: [], onFront: new Uint8Array(N), hover: -1, knee: -1, best: [], views: [] };

      function passes(i, skip) {
        for (var id in S.filters) {
          if (id === skip) { continue; }
          var f = S.filters[id], x = dimById[id].v[i];
          if (f.set) { if (isNaN(x) || !f.set[Math.round(x)]) { return false; } }
          else if (!(x >= f.lo && x <= f.hi)) { return false; }
        }
        return true;
      }
      function dominates(a, b) {
        var strict = false;
        for (var k = 0; k < OBJ.length; k++) {
          var x = OBJ[k][a], y = OBJ[k][b];
          if (x > y) { return false; }
          if (x < y) { strict = true; }
        }
        return strict;
      }
      /**
       * The non-dominated subset of `idx` (minimised objectives), by a sweep in lexicographic
       * order: a point can only be dominated by one before it, so each is checked against the
       * front found so far (Kung et al. 1975). O(n log n + n·f·m) for a front of f points.
       */
      function nondominated(idx) {
        var m = OBJ.length;
        var order = idx.slice().sort(function (a, b) {
          for (var k = 0; k < m; k++) { var d = OBJ[k][a] - OBJ[k][b]; if (d < 0) { return -1; } if (d > 0) { return 1; } }
          return T[a].number - T[b].number;
        });
        var kept = [];
        outer: for (var q = 0; q < order.length; q++) {
          for (var r = kept.length - 1; r >= 0; r--) { if (dominates(kept[r], order[q])) { continue outer; } }
          kept.push(order[q]);
        }
        return kept;
      }
      /** The first of `idx` with the smallest value of minimised objective `k`; -1 when empty. */
      function bestOf(idx, k) {
        var at = -1;
        idx.forEach(function (i) { if (at < 0 || OBJ[k][i] < OBJ[k][at]) { at = i; } });
        return at;
      }
      /**
       * The knee of the front `idx` (trial indices in the page's front order), step for step the
       * Pareto toolkit's `KneePoint` on which the report names its knee: objectives scaled to
       * [0, 1] over the front, the point farthest beyond the hyperplane through each objective's
       * extreme point (Das 1999; Zhang, Tian & Jin 2015), the plane through the unit points when
       * the extremes span none with positive intercepts. -1 for fewer than three points, as the
       * report has no knee then.
       */
      function kneeOf(idx) {
        var n = idx.length, d = OBJ.length, j, k, q;
        if (n <= 2 || d === 0) { return -1; }
        if (d === 1) { return bestOf(idx, 0); }
        var lo = [], hi = [];
        for (k = 0; k < d; k++) {
          lo.push(Infinity); hi.push(-Infinity);
          for (j = 0; j < n; j++) { var x = OBJ[k][idx[j]]; if (x < lo[k]) { lo[k] = x; } if (x > hi[k]) { hi[k] = x; } }
        }
        function at(j, k) { var r = hi[k] - lo[k]; return r > 0 ? (OBJ[k][idx[j]] - lo[k]) / r : 0; }
        var extremes = [];
        for (k = 0; k < d; k++) {
          var e = 0, key = Infinity, rest = Infinity;
          for (j = 0; j < n; j++) {
            var others = 0;
            for (q = 0; q < d; q++) { if (q !== k) { others += at(j, q); } }
            var own = at(j, k);
            if (own < key || (own === key && others < rest)) { key = own; rest = others; e = j; }
          }
          extremes.push(e);
        }
        var a = extremes.map(function (j) { var row = []; for (var q = 0; q < d; q++) { row.push(at(j, q)); } return row; });
        var w = a.map(function () { return 1; });
        if (!solve(a, w) || w.some(function (x) { return !(x > 0) || !isFinite(x); })) { w = w.map(function () { return 1; }); }
        var norm = Math.sqrt(w.reduce(function (s, x) { return s + x * x; }, 0));
        var far = -Infinity, knee = 0;
        for (j = 0; j < n; j++) {
          var s = 0;
          for (k = 0; k < d; k++) { s += w[k] * at(j, k); }
          if ((1 - s) / norm > far) { far = (1 - s) / norm; knee = j; }
        }
        return idx[knee];
      }
      /** Solves a·x = b in place by Gaussian elimination with partial pivoting (b becomes x); false when singular. */
      function solve(a, b) {
        var n = b.length, c, r, k, t;
        for (c = 0; c < n; c++) {
          var p = c;
          for (r = c + 1; r < n; r++) { if (Math.abs(a[r][c]) > Math.abs(a[p][c])) { p = r; } }
          if (Math.abs(a[p][c]) < 1e-12) { return false; }
          t = a[c]; a[c] = a[p]; a[p] = t; t = b[c]; b[c] = b[p]; b[p] = t;
          for (r = c + 1; r < n; r++) {
            var f = a[r][c] / a[c][c];
            if (f === 0) { continue; }
            for (k = c; k < n; k++) { a[r][k] -= f * a[c][k]; }
            b[r] -= f * b[c];
          }
        }
        for (c = n - 1; c >= 0; c--) {
          var s = b[c];
          for (k = c + 1; k < n; k++) { s -= a[c][k] * b[k]; }
          b[c] = s / a[c][c];
        }
        return true;
      }
      function filterCount() { return Object.keys(S.filters).length; }
      /** Recomputes what is visible and its front, then redraws every view. */
      function refresh() {
        var candidates = [];
        for (var i = 0; i < N; i++) {
          S.visible[i] = passes(i) ? 1 : 0;
          if (S.visible[i] && T[i].group === "feasible") { candidates.push(i); }
        }
        // Unfiltered, the page shows the report's own front; filtered, the front of what is shown.
        S.front = filterCount() === 0 ? D.front.map(function (n) { return indexOf[n]; }) : nondominated(candidates);
        var first = objectiveDims.length ? objectiveDims[0].v : null;
        S.front.sort(function (a, b) { return (first ? first[a] - first[b] : 0) || T[a].number - T[b].number; });
        S.onFront = new Uint8Array(N);
        S.front.forEach(function (i) { S.onFront[i] = 1; });
        // Knee and best labels are those of the front shown (with no filter, the report's).
        S.knee = kneeOf(S.front);
        S.best = S.front.length ? objectiveDims.map(function (d, k) { return bestOf(S.front, k); }) : [];
        notes = {};
        if (S.knee >= 0) { notes[S.knee] = ["knee"]; }
        S.best.forEach(function (i, k) { (notes[i] = notes[i] || []).push("best " + D.objectives[k].metric); });
        S.views.forEach(function (v) { v.update(); });
        var b = document.body.dataset;
        b.visible = String(plotted.filter(function (i) { return S.visible[i]; }).length);
        b.front = String(S.front.length);
        b.frontTrials = S.front.map(function (i) { return T[i].number; }).sort(function (x, y) { return x - y; }).join(",");
        b.filters = String(filterCount());
        b.knee = S.knee >= 0 ? String(T[S.knee].number) : "";
        b.best = S.best.map(function (i) { return T[i].number; }).join(",");
      }
      function setFilter(id, f) {
        if (f) { S.filters[id] = f; } else { delete S.filters[id]; }
        refresh();
      }
      function setHover(i) {
        if (S.hover === i) { return; }
        S.hover = i;
        S.views.forEach(function (v) { if (v.hover) { v.hover(); } });
      }
    """#
}
