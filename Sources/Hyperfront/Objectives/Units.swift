import Foundation

/// Quantities with units in scenario files and on the command line.
///
/// Sizes: `B`, `KB`/`MB`/`GB` (powers of 1000) and `KiB`/`MiB`/`GiB` (powers of 1024).
/// Durations: `ms`, `s`, `m` (minutes), `h`. Counts: `k`, `M` (thousand, million).
/// Values are returned in bytes, seconds, or plain numbers.
public enum Units {
    static let table: [(String, Double)] = [
        ("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 * 1024 * 1024),
        ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("kB", 1e3), ("B", 1),
        ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600), ("min", 60),
        ("k", 1e3), ("M", 1e6),
    ]

    /// Parses `"2MB"`, `"30s"`, `"10m"`, `"1.5e3"`, `"50k"`; nil when it is not a quantity.
    public static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let v = Double(t), v.isFinite { return v }
        var best: (String, Double)? = nil
        for (suffix, factor) in table where t.hasSuffix(suffix) {
            if best == nil || suffix.count > best!.0.count { best = (suffix, factor) }
        }
        guard let (suffix, factor) = best else { return nil }
        let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
        guard let v = Double(number), v.isFinite else { return nil }
        return v * factor
    }

    /// Units accepted, for error messages.
    public static let help = "a number, optionally with a unit: KB, MB, GB (×1000), KiB, MiB, GiB (×1024), ms, s, m, h, k, M"
}
