/// The report page's style sheet: full-width sections, plots as wide as the window.
enum PageStyle {
    static let css = """
    * { box-sizing: border-box; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 20px 28px 40px; color: #1f2328; background: #fff; }
    h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 17px; margin: 0 0 6px; }
    .summary { margin: 0; padding-left: 18px; color: #1f2328; } .note { color: #59636e; margin: 4px 0 8px; }
    section { border-top: 1px solid #d1d9e0; margin-top: 22px; padding-top: 14px; }
    .empty { border-left: 4px solid #d1242f; padding: 8px 12px; background: #fff5f5; white-space: pre-wrap; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 6px 0; }
    .control { white-space: nowrap; } select, button, input { font: inherit; font-size: 13px; }
    select { max-width: 260px; } button { padding: 2px 10px; border: 1px solid #8c959f; border-radius: 5px; background: #f6f8fa; cursor: pointer; }
    button:hover { background: #eaeef2; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: #59636e; margin: 4px 0; }
    .legend .item { display: inline-flex; align-items: center; gap: 5px; }
    .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: #8c959f; }
    .dot.front { background: #1f6feb; width: 11px; height: 11px; } .dot.dominated { opacity: .5; } .dot.faint { background: #d8dee4; width: 6px; height: 6px; }
    .cross { color: #d1242f; font-weight: 700; }
    .ramp { display: inline-block; width: 90px; height: 10px; border-radius: 2px;
      background: linear-gradient(90deg, #440154, #414487, #2a788e, #22a884, #7ad151, #fde725); }
    .canvas-box { position: relative; width: 100%; }
    .canvas-box canvas { position: absolute; left: 0; top: 0; } .canvas-box canvas.overlay { cursor: crosshair; }
    .tip { position: absolute; z-index: 2; pointer-events: none; background: rgba(31, 35, 40, .92); color: #fff; font-size: 12px;
      padding: 3px 8px; border-radius: 4px; white-space: nowrap; }
    .status { font-weight: 600; margin: 4px 0; }
    .filter-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 4px 24px; }
    .filter { display: flex; gap: 10px; align-items: baseline; padding: 3px 6px; border-radius: 4px; }
    .filter.active { background: #fff1e5; }
    .filter-name { min-width: 130px; font-weight: 600; overflow-wrap: anywhere; }
    .filter-ui input[type=number] { width: 96px; } .filter-ui .note { font-size: 12px; }
    .choice { margin-right: 10px; white-space: nowrap; }
    .small-multiples { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 12px 20px; margin-top: 10px; }
    .cell-title { font-weight: 600; font-size: 13px; margin: 2px 0; }
    .importance { margin: 8px 0 14px; max-width: 900px; }
    .bar-row { display: grid; grid-template-columns: 200px 1fr 64px; gap: 10px; align-items: center; margin: 2px 0; }
    .bar-name { overflow-wrap: anywhere; } .bar-track { background: #eaeef2; height: 12px; border-radius: 3px; overflow: hidden; }
    .bar-fill { display: block; height: 100%; background: #1f6feb; } .bar-value { text-align: right; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { border-bottom: 1px solid #d1d9e0; padding: 3px 10px; text-align: left; } td.num, th.num { text-align: right; }
    th button.sort { border: none; background: none; padding: 0; font-weight: 600; cursor: pointer; }
    th[aria-sort=ascending] button.sort::after { content: " \\25B2"; font-size: 10px; }
    th[aria-sort=descending] button.sort::after { content: " \\25BC"; font-size: 10px; }
    tbody tr { cursor: pointer; } tbody tr:hover, tr.hl { background: #fff1e5; }
    .details { position: fixed; right: 16px; bottom: 16px; max-width: 380px; max-height: 60vh; overflow: auto; background: #f6f8fa; z-index: 5;
      border: 1px solid #8c959f; border-radius: 6px; padding: 8px 12px; font-size: 12px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
    .details dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 4px 0; } .details dd { margin: 0; }

    """
}
