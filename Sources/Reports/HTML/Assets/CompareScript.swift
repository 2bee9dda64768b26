/// The comparison page's script (plain JavaScript, no library, no network): a box per side and
/// per attainment surface shows or hides it in every plot; hovering a line, a point or a
/// side's name names it and fades the other sides. Its state is mirrored on `<body>`
/// (`data-sides-shown`, `data-surfaces-shown`, `data-hover`, `data-ready`) for the browser test.
enum CompareScript {
    static let source = #"""
    (function () {
      "use strict";
      var panel = document.getElementById("compare-sides");
      if (!panel) { document.body.dataset.ready = "1"; return; }
      var hoverLine = document.getElementById("compare-hover"), idle = hoverLine ? hoverLine.textContent : "";
      var groups = [].slice.call(document.querySelectorAll("svg.plot g[data-side]"));
      var sideBoxes = [].slice.call(panel.querySelectorAll("input[data-side]"));
      var surfaceBoxes = [].slice.call(panel.querySelectorAll("input[data-surface]"));
      function shown(boxes) { return boxes.filter(function (b) { return b.checked; }).length; }
      function apply() {
        var offSide = {}, offSurface = {};
        sideBoxes.forEach(function (b) { offSide[b.dataset.side] = !b.checked; });
        surfaceBoxes.forEach(function (b) { offSurface[b.dataset.surface] = !b.checked; });
        groups.forEach(function (g) {
          var off = offSide[g.dataset.side] || (g.dataset.surface !== undefined && offSurface[g.dataset.surface]);
          g.style.display = off ? "none" : "";
        });
        document.body.dataset.sidesShown = String(shown(sideBoxes));
        document.body.dataset.surfacesShown = String(shown(surfaceBoxes));
      }
      function focus(side, name) {
        groups.forEach(function (g) { g.classList.toggle("faded", side !== null && g.dataset.side !== side); });
        panel.querySelectorAll("label[data-side]").forEach(function (l) { l.classList.toggle("focus", l.dataset.side === side); });
        if (hoverLine) { hoverLine.textContent = name === null ? idle : name; }
        document.body.dataset.hover = name === null ? "" : name;
      }
      sideBoxes.concat(surfaceBoxes).forEach(function (b) { b.addEventListener("change", apply); });
      groups.forEach(function (g) {
        g.addEventListener("mouseenter", function () { focus(g.dataset.side, g.dataset.name); });
        g.addEventListener("mouseleave", function () { focus(null, null); });
      });
      panel.querySelectorAll("label[data-side]").forEach(function (l) {
        l.addEventListener("mouseenter", function () { focus(l.dataset.side, l.dataset.name); });
        l.addEventListener("mouseleave", function () { focus(null, null); });
      });
      apply();
      document.body.dataset.hover = "";
      document.body.dataset.ready = "1";
    })();
    """#
}
