/// An inline SVG scatter plot of two metrics in their natural units, drawn in layers.
struct ScatterPlot {
    enum Style {
        /// Feasible but beaten: small, faint.
        case dominated
        /// Breaks a constraint: a small cross.
        case infeasible
        /// On the front: filled, with a staircase through the points.
        case front
        /// One set of a comparison (colour by index), with its staircase.
        case set(Int)
        /// A line only (an attainment surface), dashed by index.
        case surface(Int, dash: Int)
    }

    struct Series {
        var name: String
        var style: Style
        /// Points in natural units; `trial` ties a point to the table.
        var points: [(x: Double, y: Double, trial: Int?)]
        /// The staircase's corner points (natural units), in order; empty for none.
        var steps: [(x: Double, y: Double)] = []
        /// The attainment surface a `.surface` series draws ("best", "median", "worst").
        var surface: String? = nil
    }

    var xTitle: String
    var yTitle: String
    var xUnit: MetricUnit
    var yUnit: MetricUnit
    var series: [Series]
    var labels: [(x: Double, y: Double, text: String)] = []
    var width = 420.0
    var height = 340.0

    static let palette = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bc4c00", "#0969da"]

    func svg() -> String {
        let left = 70.0, right = width - 15, top = 15.0, bottom = height - 45
        let xs = series.flatMap { $0.points.map(\.x) + $0.steps.map(\.x) }
        let ys = series.flatMap { $0.points.map(\.y) + $0.steps.map(\.y) }
        let ax = Axis(values: xs, pixels: (left, right), title: xTitle, unit: xUnit)
        let ay = Axis(values: ys, pixels: (bottom, top), title: yTitle, unit: yUnit)
        var o = "<svg class=\"plot\" viewBox=\"0 0 \(px(width)) \(px(height))\" width=\"\(px(width))\" height=\"\(px(height))\" role=\"img\" aria-label=\"\(escapeHTML(yTitle)) against \(escapeHTML(xTitle))\">\n"
        o += axes(ax, ay, left: left, right: right, top: top, bottom: bottom)
        for s in series {
            let cls: String
            switch s.style {
            case .dominated: cls = "dom"
            case .infeasible: cls = "inf"
            case .front: cls = "front"
            case .set(let k): cls = "set set\(k % Self.palette.count)"
            case .surface(let k, _): cls = "surf set\(k % Self.palette.count)"
            }
            // A comparison's series name their side (and surface), for the page's toggles and hover.
            var attributes = ""
            switch s.style {
            case .set(let k): attributes = " data-side=\"\(k)\" data-name=\"\(escapeHTML(s.name))\""
            case .surface(let k, _):
                attributes = " data-side=\"\(k)\"" + (s.surface.map { " data-surface=\"\(escapeHTML($0))\"" } ?? "") + " data-name=\"\(escapeHTML(s.name))\""
            default: break
            }
            o += "<g class=\"\(cls)\"\(attributes)><title>\(escapeHTML(s.name))</title>\n"
            if s.steps.count > 1 {
                var dash = ""
                if case .surface(_, let d) = s.style, d > 0 { dash = " stroke-dasharray=\"\(d * 3),\(d * 2)\"" }
                let points = s.steps.map { "\(px(ax.pixel($0.x))),\(px(ay.pixel($0.y)))" }.joined(separator: " ")
                // A white halo under each comparison line keeps crossing lines apart; it is also
                // the line's hover target.
                switch s.style {
                case .set, .surface: o += "<polyline class=\"halo\" fill=\"none\" points=\"\(points)\"/>\n"
                default: break
                }
                o += "<polyline fill=\"none\"\(dash) points=\"\(points)\"/>\n"
            }
            for p in s.points {
                let x = ax.pixel(p.x), y = ay.pixel(p.y)
                let data = p.trial.map { " data-trial=\"\($0)\"" } ?? ""
                switch s.style {
                case .infeasible:
                    o += "<path\(data) d=\"M\(px(x)) \(px(y))m-3 -3l6 6m0 -6l-6 6\"/>\n"
                case .dominated:
                    o += "<circle\(data) cx=\"\(px(x))\" cy=\"\(px(y))\" r=\"2\"/>\n"
                case .set(let k):
                    o += Self.marker(k, x, y, data)
                default:
                    o += "<circle\(data) cx=\"\(px(x))\" cy=\"\(px(y))\" r=\"4\"/>\n"
                }
            }
            o += "</g>\n"
        }
        for l in labels {
            let x = ax.pixel(l.x), y = ay.pixel(l.y)
            let anchor = x > (left + right) / 2 ? "end" : "start"
            let dx = anchor == "end" ? -8.0 : 8.0
            o += "<text class=\"label\" x=\"\(px(x + dx))\" y=\"\(px(y - 8))\" text-anchor=\"\(anchor)\">\(escapeHTML(l.text))</text>\n"
        }
        o += "</svg>\n"
        return o
    }

    /// A comparison point of side `k`: a circle, square, triangle or diamond (by `k`), so that
    /// sides stay apart where their colours overlap or cannot be told apart.
    static func marker(_ k: Int, _ x: Double, _ y: Double, _ data: String) -> String {
        switch k % 4 {
        case 0: return "<circle class=\"mark\"\(data) cx=\"\(px(x))\" cy=\"\(px(y))\" r=\"4\"/>\n"
        case 1: return "<rect class=\"mark\"\(data) x=\"\(px(x - 3.5))\" y=\"\(px(y - 3.5))\" width=\"7\" height=\"7\"/>\n"
        case 2: return "<path class=\"mark\"\(data) d=\"M\(px(x)) \(px(y - 4.6))l4.2 7.6h-8.4z\"/>\n"
        default: return "<path class=\"mark\"\(data) d=\"M\(px(x)) \(px(y - 5))l4.6 5l-4.6 5l-4.6 -5z\"/>\n"
        }
    }

    /// Frame, ticks, grid and titles.
    func axes(_ ax: Axis, _ ay: Axis, left: Double, right: Double, top: Double, bottom: Double) -> String {
        var o = "<rect class=\"frame\" x=\"\(px(left))\" y=\"\(px(top))\" width=\"\(px(right - left))\" height=\"\(px(bottom - top))\"/>\n"
        for t in ax.ticks() {
            let x = px(ax.pixel(t))
            o += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(px(top))\" x2=\"\(x)\" y2=\"\(px(bottom))\"/>"
            o += "<text class=\"tick\" x=\"\(x)\" y=\"\(px(bottom + 14))\" text-anchor=\"middle\">\(escapeHTML(ax.unit.format(t)))</text>\n"
        }
        for t in ay.ticks() {
            let y = px(ay.pixel(t))
            o += "<line class=\"grid\" x1=\"\(px(left))\" y1=\"\(y)\" x2=\"\(px(right))\" y2=\"\(y)\"/>"
            o += "<text class=\"tick\" x=\"\(px(left - 4))\" y=\"\(px(ay.pixel(t) + 4))\" text-anchor=\"end\">\(escapeHTML(ay.unit.format(t)))</text>\n"
        }
        o += "<text class=\"axis\" x=\"\(px((left + right) / 2))\" y=\"\(px(height - 8))\" text-anchor=\"middle\">\(escapeHTML(ax.unit.label(ax.title)))</text>\n"
        o += "<text class=\"axis\" transform=\"translate(14 \(px((top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escapeHTML(ay.unit.label(ay.title)))</text>\n"
        return o
    }

    /// The staircase through points given in minimised coordinates (`flip` says which axes
    /// are maximised), returned in natural units: each step goes across, then down.
    static func staircase(_ minimised: [(Double, Double)], flipX: Bool, flipY: Bool) -> [(x: Double, y: Double)] {
        let s = minimised.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var out: [(Double, Double)] = []
        for (k, p) in s.enumerated() {
            if k > 0 { out.append((p.0, s[k - 1].1)) }
            out.append(p)
        }
        return out.map { (flipX ? -$0.0 : $0.0, flipY ? -$0.1 : $0.1) }
    }
}
