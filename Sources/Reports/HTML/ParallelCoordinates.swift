import Hyperfront

/// An inline SVG parallel-coordinates plot (Inselberg 1985): one vertical axis per column,
/// one polyline per row; each column scaled to its own range (categories evenly spaced).
struct ParallelCoordinates {
    struct Column {
        var title: String
        /// Each row's value scaled to [0, 1] (nil = missing: the line breaks there).
        var scaled: [Double?]
        /// Labels at the bottom and top of the axis.
        var lowLabel: String
        var highLabel: String
    }
    var columns: [Column]
    var trials: [Int]
    var highlighted: Int?
    var width = 860.0
    var height = 320.0

    func svg() -> String {
        let top = 42.0, bottom = height - 40, left = 60.0, right = width - 60
        let n = columns.count
        let xOf = { (k: Int) -> Double in n == 1 ? (left + right) / 2 : left + Double(k) * (right - left) / Double(n - 1) }
        let yOf = { (v: Double) -> Double in bottom - v * (bottom - top) }
        var o = "<svg class=\"plot\" viewBox=\"0 0 \(px(width)) \(px(height))\" width=\"\(px(width))\" height=\"\(px(height))\" role=\"img\" aria-label=\"parallel coordinates of the front\">\n"
        for (r, trial) in trials.enumerated() {
            var segs: [String] = []
            var cur: [String] = []
            for (k, c) in columns.enumerated() {
                if let v = c.scaled[r] { cur.append("\(px(xOf(k))),\(px(yOf(v)))") }
                else { if cur.count > 1 { segs.append(cur.joined(separator: " ")) }; cur = [] }
            }
            if cur.count > 1 { segs.append(cur.joined(separator: " ")) }
            let cls = trial == highlighted ? "pc knee" : "pc"
            for s in segs { o += "<polyline class=\"\(cls)\" data-trial=\"\(trial)\" fill=\"none\" points=\"\(s)\"/>\n" }
        }
        for (k, c) in columns.enumerated() {
            let x = px(xOf(k))
            o += "<line class=\"pcaxis\" x1=\"\(x)\" y1=\"\(px(top))\" x2=\"\(x)\" y2=\"\(px(bottom))\"/>\n"
            o += "<text class=\"axis\" x=\"\(x)\" y=\"\(px(top - 26))\" text-anchor=\"middle\">\(escapeHTML(c.title))</text>\n"
            o += "<text class=\"tick\" x=\"\(x)\" y=\"\(px(bottom + 14))\" text-anchor=\"middle\">\(escapeHTML(c.lowLabel))</text>\n"
            o += "<text class=\"tick\" x=\"\(x)\" y=\"\(px(top - 6))\" text-anchor=\"middle\">\(escapeHTML(c.highLabel))</text>\n"
        }
        o += "</svg>\n"
        return o
    }
}
