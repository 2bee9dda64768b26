import Foundation

/// A linear axis: the data range padded by 5 %, mapped onto pixels, with "nice" ticks
/// (1, 2, 5 × 10ᵏ; Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
struct Axis {
    var lower: Double
    var upper: Double
    var pixelLower: Double
    var pixelUpper: Double
    var title: String
    var unit: MetricUnit

    init(values: [Double], pixels: (Double, Double), title: String, unit: MetricUnit) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if hi <= lo { lo -= 0.5 * max(abs(lo), 1); hi += 0.5 * max(abs(hi), 1) }
        let pad = 0.05 * (hi - lo)
        lower = lo - pad
        upper = hi + pad
        pixelLower = pixels.0
        pixelUpper = pixels.1
        self.title = title
        self.unit = unit
    }

    func pixel(_ v: Double) -> Double {
        pixelLower + (v - lower) / (upper - lower) * (pixelUpper - pixelLower)
    }

    /// Tick values inside the range, about `count` of them.
    func ticks(count: Int = 5) -> [Double] {
        let raw = (upper - lower) / Double(count)
        let mag = pow(10, (log10(raw)).rounded(.down))
        let f = raw / mag
        let step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag
        var out: [Double] = []
        var t = (lower / step).rounded(.up) * step
        while t <= upper + 1e-9 * step {
            out.append(abs(t) < 1e-12 * step ? 0 : t)
            t += step
        }
        return out
    }
}

/// A pixel coordinate with one decimal: compact and byte-stable.
func px(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
}

/// Text escaped for HTML and SVG.
func escapeHTML(_ s: String) -> String {
    var o = ""
    o.reserveCapacity(s.count)
    for ch in s {
        switch ch {
        case "&": o += "&amp;"
        case "<": o += "&lt;"
        case ">": o += "&gt;"
        case "\"": o += "&quot;"
        default: o.append(ch)
        }
    }
    return o
}
