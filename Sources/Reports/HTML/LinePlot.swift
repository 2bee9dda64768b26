/// An inline SVG step plot (e.g. hypervolume against trial number).
struct LinePlot {
    var xTitle: String
    var yTitle: String
    var points: [(x: Double, y: Double)]
    /// Where the line ends on the x axis (the last trial), so the final level shows.
    var xEnd: Double
    var width = 420.0
    var height = 300.0

    func svg() -> String {
        let left = 70.0, right = width - 15, top = 15.0, bottom = height - 45
        let ax = Axis(values: points.map(\.x) + [xEnd], pixels: (left, right), title: xTitle, unit: .count)
        let ay = Axis(values: points.map(\.y), pixels: (bottom, top), title: yTitle, unit: .plain)
        let frame = ScatterPlot(xTitle: xTitle, yTitle: yTitle, xUnit: .count, yUnit: .plain, series: [], width: width, height: height)
        var o = "<svg class=\"plot\" viewBox=\"0 0 \(px(width)) \(px(height))\" width=\"\(px(width))\" height=\"\(px(height))\" role=\"img\" aria-label=\"\(escapeHTML(yTitle)) over \(escapeHTML(xTitle))\">\n"
        o += frame.axes(ax, ay, left: left, right: right, top: top, bottom: bottom)
        var path: [String] = []
        for (k, p) in points.enumerated() {
            if k > 0 { path.append("\(px(ax.pixel(p.x))),\(px(ay.pixel(points[k - 1].y)))") }
            path.append("\(px(ax.pixel(p.x))),\(px(ay.pixel(p.y)))")
        }
        if let last = points.last { path.append("\(px(ax.pixel(xEnd))),\(px(ay.pixel(last.y)))") }
        o += "<polyline class=\"hvline\" fill=\"none\" points=\"\(path.joined(separator: " "))\"/>\n"
        for p in points {
            o += "<circle class=\"hvdot\" cx=\"\(px(ax.pixel(p.x)))\" cy=\"\(px(ay.pixel(p.y)))\" r=\"2\"><title>trial \(Int(p.x)): \(TableFormat.fmt(p.y))</title></circle>\n"
        }
        o += "</svg>\n"
        return o
    }
}
