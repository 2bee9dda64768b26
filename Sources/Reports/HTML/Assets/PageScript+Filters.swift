extension PageScript {
    /// The filter panel: a range for every numeric objective, metric and parameter, a box per
    /// value for every choice; what the brushes set shows here too.
    static let filters = #"""
      function Filters(root) {
        var status = el("p", { id: "filter-status", "class": "status" });
        var bar = el("div", { "class": "toolbar" });
        bar.appendChild(button("Clear all filters", function () { S.filters = {}; refresh(); }, "filters-clear"));
        root.appendChild(status); root.appendChild(bar);
        var grid = el("div", { "class": "filter-grid" });
        root.appendChild(grid);
        var rows = [];
        ["objective", "metric", "parameter"].forEach(function (group) {
          dims.filter(function (d) { return d.group === group; }).forEach(function (d) {
            var row = el("div", { "class": "filter", "data-dim": d.id });
            row.appendChild(el("span", { "class": "filter-name" }, d.label + (group === "objective" ? " (objective)" : "")));
            var ui = el("span", { "class": "filter-ui" });
            row.appendChild(ui);
            grid.appendChild(row);
            if (discrete(d)) {
              var boxes = d.names.map(function (name, k) {
                var lab = el("label", { "class": "choice" }), c = el("input", { type: "checkbox", "data-value": String(k) });
                c.checked = true;
                c.addEventListener("change", function () {
                  var set = {}, all = true;
                  boxes.forEach(function (b, j) { if (b.checked) { set[j] = true; } else { all = false; } });
                  setFilter(d.id, all ? null : { set: set });
                });
                lab.appendChild(c); lab.appendChild(document.createTextNode(" " + name));
                ui.appendChild(lab);
                return c;
              });
              rows.push({ d: d, row: row, sync: function (f) { boxes.forEach(function (b, j) { b.checked = !f || !!f.set[j]; }); } });
            } else {
              var e = extent(d, d.group === "parameter" ? plotted : plotted.filter(function (i) { return T[i].group === "feasible"; }), 0);
              var lo = el("input", { type: "number", step: "any", "class": "lo", placeholder: d.text(e[0]), "aria-label": d.label + " from" });
              var hi = el("input", { type: "number", step: "any", "class": "hi", placeholder: d.text(e[1]), "aria-label": d.label + " to" });
              var change = function () {
                var a = lo.value === "" ? -Infinity : Number(lo.value), b = hi.value === "" ? Infinity : Number(hi.value);
                setFilter(d.id, a === -Infinity && b === Infinity ? null : { lo: Math.min(a, b), hi: Math.max(a, b) });
              };
              lo.addEventListener("change", change); hi.addEventListener("change", change);
              ui.appendChild(document.createTextNode("from ")); ui.appendChild(lo);
              ui.appendChild(document.createTextNode(" to ")); ui.appendChild(hi);
              var range = el("span", { "class": "note" }, " seen " + d.text(e[0]) + " to " + d.text(e[1]));
              ui.appendChild(range);
              rows.push({ d: d, row: row, sync: function (f) {
                var round = function (x) { return isFinite(x) ? String(Number(x.toPrecision(6))) : ""; };
                if (document.activeElement !== lo) { lo.value = f ? round(f.lo) : ""; }
                if (document.activeElement !== hi) { hi.value = f ? round(f.hi) : ""; }
              } });
            }
          });
        });
        function update() {
          rows.forEach(function (r) { var f = S.filters[r.d.id]; r.row.classList.toggle("active", !!f); r.sync(f); });
          var shown = plotted.filter(function (i) { return S.visible[i]; }).length;
          status.textContent = filterCount() === 0
            ? "No filter: all " + plotted.length + " complete trials are shown and the front is the report's (" + S.front.length + " configurations). Drag on the scatter plot or along a parallel axis, or type a range below."
            : shown + " of " + plotted.length + " complete trials pass " + filterCount() + " filter" + (filterCount() === 1 ? "" : "s") +
              "; the front of what they keep has " + S.front.length + " configuration" + (S.front.length === 1 ? "" : "s") + " (not dominated by any other trial shown)" +
              (S.knee >= 0 ? ", its knee is trial " + T[S.knee].number : "") + "; the knee and best labels are those of this front.";
        }
        return { update: update };
      }
    """#

    /// Builds each view into its section, draws once, and marks the page ready.
    static let start = #"""
      detailsBox = document.getElementById("details");
      if (detailsBox) { detailsBox.addEventListener("click", function () { detailsBox.hidden = true; }); }
      var timings = [], clock = performance.now();
      function lap(name) { var now = performance.now(); timings.push(name + " " + Math.round(now - clock)); clock = now; }
      lap("data");
      function mount(id, View) {
        var root = document.getElementById(id);
        if (!root) { return null; }
        var v = View(root);
        lap(id);
        if (!v) { root.closest("section").hidden = true; return null; }
        S.views.push(v);
        return v;
      }
      var scatterView = objectiveDims.length && plotted.length ? mount("scatter-view", Scatter) : null;
      S.colourDim = scatterView ? scatterView.colour : null;
      if (plotted.length) {
        mount("filters-view", Filters);
        mount("parallel-view", Parallel);
      }
      mount("history-view", History);
      mount("curves-view", Curves);
      mount("importance-view", Importance);
      mount("table-view", Table);
      refresh();
      lap("first drawing");
      document.body.dataset.timings = timings.join(", ");
      var resizing = null;
      window.addEventListener("resize", function () {
        clearTimeout(resizing);
        resizing = setTimeout(function () { S.views.forEach(function (v) { (v.resize || v.update)(); }); }, 120);
      });
      document.body.dataset.renderMs = String(Math.round(performance.now()));
      document.body.dataset.ready = "1";
    })();
    """#
}
