import Foundation

/// The shell of a self-contained HTML page: inline CSS and a small script, no network.
/// The script links plots and tables: hovering a row or a point marks the same trial
/// everywhere; clicking shows the trial's details from the embedded JSON.
enum HTMLPage {
    /// `script`: the page's own script, after the shared one.
    static func wrap(title: String, body: String, details: String, script extra: String = "") -> String {
        var o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        o += "<title>\(escapeHTML(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        o += body
        o += "<div id=\"details\" class=\"details\" hidden></div>\n"
        o += "<script type=\"application/json\" id=\"trial-data\">\(details.replacingOccurrences(of: "</", with: "<\\/"))</script>\n"
        o += "<script>\n\(script)" + extra + "</script>\n</body>\n</html>\n"
        return o
    }

    static let css = """
    body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; background: #fff; }
    h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 28px 0 8px; }
    .summary { margin: 0; padding-left: 18px; } .note { color: #59636e; }
    .warning { background: #fff4e5; border-left: 4px solid #d97706; padding: 6px 10px; margin: 6px 0; }
    .plots { display: flex; flex-wrap: wrap; gap: 12px; }
    figure { display: inline-block; vertical-align: top; margin: 0 12px 12px 0; border: 1px solid #d1d9e0; border-radius: 6px; padding: 6px; }
    figcaption { font-size: 12px; color: #59636e; text-align: center; }
    .plot text { font-size: 11px; fill: #1f2328; } .plot .tick { fill: #59636e; font-size: 10px; }
    .plot .frame { fill: none; stroke: #8c959f; } .plot .grid { stroke: #eaeef2; }
    .dom circle { fill: #8c959f; opacity: .35; }
    .inf path { stroke: #d1242f; stroke-width: 1.2; opacity: .6; fill: none; }
    .front circle { fill: #1f6feb; stroke: #fff; stroke-width: 1; } .front polyline { stroke: #1f6feb; stroke-width: 1.5; opacity: .7; }
    .set .mark { stroke: #fff; stroke-width: .8; opacity: .9; } .set polyline { stroke-width: 1.5; opacity: .8; }
    .surf polyline { stroke-width: 1.6; }
    .set0 .mark { fill: #1f6feb; } .set0 polyline { stroke: #1f6feb; }
    .set1 .mark { fill: #d1242f; } .set1 polyline { stroke: #d1242f; }
    .set2 .mark { fill: #1a7f37; } .set2 polyline { stroke: #1a7f37; }
    .set3 .mark { fill: #8250df; } .set3 polyline { stroke: #8250df; }
    .set4 .mark { fill: #bc4c00; } .set4 polyline { stroke: #bc4c00; }
    .set5 .mark { fill: #0969da; } .set5 polyline { stroke: #0969da; }
    .plot polyline.halo { stroke: #fff; stroke-width: 5; opacity: .85; stroke-linejoin: round; }
    .plots.wide { display: block; } .plots.wide figure { display: block; margin: 0 0 14px; }
    .plots.wide svg.plot { width: 100%; height: auto; max-width: 1500px; }
    .plot g.faded { opacity: .15; } .plot g.faded .halo { opacity: 0; }
    .sides { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin: 4px 0; }
    .sides label { cursor: pointer; white-space: nowrap; } .sides label.focus { font-weight: 600; }
    .sides .surfaces { color: #59636e; } .key { vertical-align: -1px; }
    .label { font-weight: 600; }
    .hvline { stroke: #1a7f37; stroke-width: 1.8; } .hvdot { fill: #1a7f37; }
    .pc { stroke: #1f6feb; stroke-width: 1.2; opacity: .45; } .pc.knee { stroke: #bc4c00; stroke-width: 2.5; opacity: .9; }
    .pcaxis { stroke: #59636e; }
    .hl, circle.hl { fill: #bc4c00 !important; stroke: #1f2328 !important; stroke-width: 2 !important; opacity: 1 !important; }
    polyline.hl { stroke: #bc4c00 !important; stroke-width: 3 !important; opacity: 1 !important; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { border-bottom: 1px solid #d1d9e0; padding: 3px 10px; text-align: left; } td.num, th.num { text-align: right; }
    tbody tr { cursor: pointer; } tbody tr:hover, tr.hl { background: #fff1e5; }
    .details { position: fixed; right: 16px; bottom: 16px; max-width: 360px; max-height: 60vh; overflow: auto; background: #f6f8fa;
      border: 1px solid #8c959f; border-radius: 6px; padding: 8px 12px; font-size: 12px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    .details dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 4px 0; } .details dd { margin: 0; }
    .empty { border-left: 4px solid #d1242f; padding: 8px 12px; background: #fff5f5; white-space: pre-wrap; }
    .legend span { margin-right: 14px; } .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; }

    """

    static let script = """
    (function () {
      "use strict";
      var dataNode = document.getElementById("trial-data");
      var data = dataNode ? JSON.parse(dataNode.textContent) : {};
      var details = document.getElementById("details");
      function mark(trial, on) {
        var nodes = document.querySelectorAll('[data-trial="' + trial + '"]');
        for (var i = 0; i < nodes.length; i++) { nodes[i].classList.toggle("hl", on); }
      }
      function show(trial) {
        var d = data[trial];
        if (!d || !details) { return; }
        while (details.firstChild) { details.removeChild(details.firstChild); }
        var h = document.createElement("strong");
        h.textContent = "Trial " + trial + (d.notes && d.notes.length ? " (" + d.notes.join(", ") + ")" : "");
        details.appendChild(h);
        var dl = document.createElement("dl");
        var keys = Object.keys(d.values);
        for (var i = 0; i < keys.length; i++) {
          var dt = document.createElement("dt"); dt.textContent = keys[i];
          var dd = document.createElement("dd"); dd.textContent = d.values[keys[i]];
          dl.appendChild(dt); dl.appendChild(dd);
        }
        details.appendChild(dl);
        details.hidden = false;
      }
      var items = document.querySelectorAll("[data-trial]");
      for (var i = 0; i < items.length; i++) {
        (function (el) {
          var t = el.getAttribute("data-trial");
          el.addEventListener("mouseenter", function () { mark(t, true); });
          el.addEventListener("mouseleave", function () { mark(t, false); });
          el.addEventListener("click", function () { show(t); });
        })(items[i]);
      }
      if (details) { details.addEventListener("click", function () { details.hidden = true; }); }
    })();

    """
}
