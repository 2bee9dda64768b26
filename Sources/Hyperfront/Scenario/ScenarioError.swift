/// A mistake in a scenario, located in its file, with what to write instead.
public struct ScenarioError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    /// Dotted path of the field, e.g. `space.units`.
    public var field: String
    public var message: String
    public var hint: String?

    public init(file: String, line: Int, column: Int, field: String, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var s = "\(file):\(line):\(column): error: \(field.isEmpty ? "" : "\(field): ")\(message)"
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}

/// Edit distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
public func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (best, d) = scored else { return nil }
    return d <= max(2, word.count / 3) ? best : nil
}
