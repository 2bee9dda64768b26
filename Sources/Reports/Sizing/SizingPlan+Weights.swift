extension SizingPlan {
    /// Reads `NAME=NUMBER` weights (`--weight phone=3`): each a positive, finite number.
    public static func weights(_ texts: [String]) throws(PlanError) -> [String: Double] {
        var out: [String: Double] = [:]
        for text in texts {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let v = Double(parts[1]), v > 0, v.isFinite else { throw .badWeight(text) }
            out[parts[0]] = v
        }
        return out
    }
}
