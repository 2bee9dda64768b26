import Hyperfront

/// The failed trials of a study grouped by reason (a failure text's first line), each group
/// with its trial numbers and the stderr tail of its latest trial — what `status` and
/// `report --all` show so that a broken evaluator's traceback is seen without the JSON.
struct FailureSummary {
    struct Group {
        var reason: String
        var numbers: [Int]
        /// The last lines of the latest trial's stderr (empty when it wrote none).
        var tail: [String]
    }

    var groups: [Group] = []

    /// - Parameters:
    ///   - failed: indices into `trials` of the failed trials.
    ///   - tailLines: stderr lines kept per group.
    init(_ trials: [Trial], failed: [Int], tailLines: Int = 3) {
        var index: [String: Int] = [:]
        for i in failed.sorted(by: { trials[$0].number < trials[$1].number }) {
            let text = trials[i].failure ?? "no reason was recorded"
            let parts = text.components(separatedBy: "\n")
            let reason = parts.first ?? text
            // What follows the "--- stderr … ---" line, as the command evaluator writes it.
            var tail: [String] = []
            if let s = parts.firstIndex(where: { $0.hasPrefix("--- stderr") }) {
                tail = parts[(s + 1)...].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(tailLines).map { $0 }
            }
            if let g = index[reason] {
                groups[g].numbers.append(trials[i].number)
                if !tail.isEmpty { groups[g].tail = tail }
            } else {
                index[reason] = groups.count
                groups.append(Group(reason: reason, numbers: [trials[i].number], tail: tail))
            }
        }
        groups.sort { $0.numbers.count > $1.numbers.count || ($0.numbers.count == $1.numbers.count && $0.reason < $1.reason) }
    }

    /// `0–4, 7, 9` for sorted numbers.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count && numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(j == i ? "\(numbers[i])" : "\(numbers[i])–\(numbers[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }

    /// One block per group: `  5 × reason (trials 0–4)` then its stderr tail, indented.
    func render(limit: Int = .max, indent: String = "  ") -> String {
        var out = ""
        for g in groups.prefix(limit) {
            out += "\(indent)\(g.numbers.count) × \(g.reason) (trial\(g.numbers.count == 1 ? "" : "s") \(Self.ranges(g.numbers)))\n"
            if !g.tail.isEmpty {
                out += "\(indent)    stderr, last lines of trial \(g.numbers.last!):\n"
                for line in g.tail { out += "\(indent)    | \(line)\n" }
            }
        }
        if groups.count > limit { out += "\(indent)… and \(groups.count - limit) other reason(s): see 'hyperfront report --all'\n" }
        return out
    }
}
