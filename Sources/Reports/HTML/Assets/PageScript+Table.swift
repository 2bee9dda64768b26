extension PageScript {
    /// The front table (every visible trial with `all`), sortable by any column; hovering a
    /// row marks the trial in the plots, clicking shows all its parameters and metrics.
    static let table = #"""
      var MAX_ROWS = 400;
      function Table(root) {
        var cols = [{ title: "trial", value: function (i) { return T[i].number; }, text: function (i) { return String(T[i].number); } }];
        var shownMetrics = objectiveDims.concat(D.constraints.map(function (c) { return dimById["m-" + c.metric]; }).filter(function (d, k, a) {
          return d && objectiveDims.indexOf(d) < 0 && a.indexOf(d) === k;
        }));
        shownMetrics.forEach(function (d) {
          cols.push({ title: d.label, dim: d, value: function (i) { return d.v[i]; }, text: function (i) { return d.text(d.v[i]); } });
        });
        D.constraints.forEach(function (con) {
          var d = dimById["m-" + con.metric];
          if (!d) { return; }
          var slack = function (i) { var x = d.v[i]; return con.kind === "max" ? con.bound - x : x - con.bound; };
          cols.push({ title: "slack " + con.metric, value: slack, text: function (i) { return d.text(slack(i)); } });
        });
        D.keyParameters.forEach(function (j) {
          var d = paramDims[j];
          if (d) { cols.push({ title: d.label, dim: d, value: function (i) { return d.v[i]; }, text: function (i) { return d.text(d.v[i]); }, discrete: discrete(d) }); }
        });
        if (D.all) { cols.push({ title: "state", value: function (i) { return T[i].group; }, text: function (i) { return T[i].group; }, discrete: true }); }
        cols.push({ title: "note", value: function (i) { return noteOf(i); }, text: function (i) { return noteOf(i); }, discrete: true });
        function noteOf(i) {
          var n = notes[i] || [];
          if (D.all && S.onFront[i]) { n = ["front"].concat(n); }
          return n.join("; ");
        }
        var sort = { col: -1, dir: 1 };
        var caption = el("p", { "class": "note", id: "table-caption" });
        var table = el("table", { id: "front-table" }), thead = el("thead"), tbody = el("tbody"), head = el("tr");
        cols.forEach(function (c, k) {
          var th = el("th", { "class": c.discrete || k === cols.length - 1 ? "" : "num", "aria-sort": "none", title: "sort by " + c.title });
          th.appendChild(el("button", { type: "button", "class": "sort" }, c.title));
          th.addEventListener("click", function () {
            sort = { col: k, dir: sort.col === k ? -sort.dir : 1 };
            draw();
          });
          head.appendChild(th);
        });
        thead.appendChild(head); table.appendChild(thead); table.appendChild(tbody);
        root.appendChild(caption); root.appendChild(table);
        function rows() {
          if (!D.all) { return S.front.slice(); }
          return T.map(function (t, i) { return i; }).filter(function (i) { return S.visible[i]; });
        }
        function draw() {
          var r = rows();
          if (sort.col >= 0) {
            var c = cols[sort.col];
            r.sort(function (a, b) {
              var x = c.value(a), y = c.value(b);
              if (typeof x === "number" && typeof y === "number") {
                if (isNaN(x) !== isNaN(y)) { return isNaN(x) ? 1 : -1; }
                if (x !== y && !(isNaN(x) && isNaN(y))) { return sort.dir * (x - y); }
              } else if (x !== y) { return sort.dir * (String(x) < String(y) ? -1 : 1); }
              return T[a].number - T[b].number;
            });
          }
          head.childNodes.forEach(function (th, k) {
            th.setAttribute("aria-sort", k === sort.col ? (sort.dir > 0 ? "ascending" : "descending") : "none");
          });
          var frag = document.createDocumentFragment();
          r.slice(0, MAX_ROWS).forEach(function (i) {
            var tr = el("tr", { "data-trial": String(T[i].number) });
            cols.forEach(function (c, k) { tr.appendChild(el("td", { "class": c.discrete || k === cols.length - 1 ? "" : "num" }, c.text(i))); });
            tr.addEventListener("mouseenter", function () { setHover(i); });
            tr.addEventListener("mouseleave", function () { setHover(-1); });
            tr.addEventListener("click", function () { showDetails(i); });
            frag.appendChild(tr);
          });
          tbody.textContent = "";
          tbody.appendChild(frag);
          caption.textContent = (D.all ? r.length + " trials" : r.length + " front configuration" + (r.length === 1 ? "" : "s")) +
            (filterCount() ? " (recomputed on the trials the filters keep)" : "") +
            (r.length > MAX_ROWS ? "; the first " + MAX_ROWS + " shown" : "") + ". Click a column to sort; hover a row to find it in the plots.";
          hover();
        }
        function hover() {
          var old = tbody.querySelector("tr.hl");
          if (old) { old.classList.remove("hl"); }
          if (S.hover >= 0) { var tr = tbody.querySelector('tr[data-trial="' + T[S.hover].number + '"]'); if (tr) { tr.classList.add("hl"); } }
        }
        return { update: draw, hover: hover };
      }

      var detailsBox = null;
      function showDetails(i) {
        if (!detailsBox) { return; }
        var t = T[i];
        detailsBox.textContent = "";
        var n = notes[i] || [];
        detailsBox.appendChild(el("strong", null, "Trial " + t.number + (S.onFront[i] ? " (front)" : "") + (n.length ? ": " + n.join(", ") : "")));
        var dl = el("dl");
        function row(k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
        paramDims.forEach(function (d, j) {
          var p = D.parameters[j];
          if (!d) { row(p.name, String(p.values[0])); return; }
          if (!isNaN(d.v[i])) { row(d.label, d.text(d.v[i])); }
        });
        D.metrics.forEach(function (m) { var d = dimById["m-" + m.name]; if (d && !isNaN(d.v[i])) { row(m.name, d.text(d.v[i])); } });
        row("state", t.group);
        if (t.violation > 0) { row("violation", sig(t.violation, 4)); }
        if (t.failure) { row("failure", t.failure); }
        detailsBox.appendChild(dl);
        detailsBox.appendChild(el("div", { "class": "note" }, "click to close"));
        detailsBox.hidden = false;
      }
    """#
}
