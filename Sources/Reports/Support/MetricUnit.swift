import Foundation

/// The unit of a metric, read from its name: `*_bytes` are bytes, `*_seconds` seconds,
/// `params` (and `*_params`) a count; anything else is a plain number.
public enum MetricUnit: String, Sendable {
    case bytes, seconds, count, plain

    public init(metric name: String) {
        if name.hasSuffix("_bytes") || name == "bytes" { self = .bytes }
        else if name.hasSuffix("_seconds") || name == "seconds" { self = .seconds }
        else if name == "params" || name.hasSuffix("_params") || name.hasSuffix("_count") { self = .count }
        else { self = .plain }
    }

    /// Axis label: the metric with its unit ("memory_bytes (bytes)").
    public func label(_ metric: String) -> String {
        switch self {
        case .bytes: return metric + " (bytes)"
        case .seconds: return metric + " (s)"
        case .count: return metric + " (count)"
        case .plain: return metric
        }
    }

    /// A value for people: "1.91 MB", "12.3 s", "48.2k", or six significant digits.
    public func format(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "-" : (v > 0 ? "inf" : "-inf") }
        switch self {
        case .bytes:
            let a = abs(v)
            if a < 1e3 { return significant(v, 4) + " B" }
            if a < 1e6 { return significant(v / 1e3, 3) + " KB" }
            if a < 1e9 { return significant(v / 1e6, 3) + " MB" }
            return significant(v / 1e9, 3) + " GB"
        case .seconds:
            return significant(v, 3) + " s"
        case .count:
            let a = abs(v)
            if a < 1e4 { return significant(v, 4) }
            if a < 1e6 { return significant(v / 1e3, 3) + "k" }
            return significant(v / 1e6, 3) + "M"
        case .plain:
            return TableFormat.fmt(v)
        }
    }
}

/// `v` with `digits` significant digits, trailing zeros removed; stable across platforms.
func significant(_ v: Double, _ digits: Int) -> String {
    if v == 0 { return "0" }
    let a = abs(v)
    let e = Int(log10(a).rounded(.down))
    let decimals = max(0, digits - 1 - e)
    return TableFormat.trimZeros(v.fixed(decimals))
}
