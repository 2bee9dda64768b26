import Pareto

/// The trials that entered one rung of one bracket, in arrival order, and the promotion
/// decision for one of them against the entries numbered up to it.
struct SchedulerRung {
    var numbers: [Int] = []
    /// Minimised objective values, row-major, one row per entry.
    var values: [Double] = []
    var violations: [Double] = []
    /// Every trial below this number of the bracket has entered the rung, been stopped or ended.
    var frontier = 0
    /// The entries numbered up to `layers.maxNumber`, in layers (nil without objectives).
    var layers: RungLayers?
    /// Per entry, its member index in `layers`, or −1 while it waits in `pending`.
    var members: [Int] = []
    var pending: [Int] = []

    init(layers: RungLayers?) { self.layers = layers }

    mutating func append(_ n: Int, _ vector: [Double], _ violation: Double) {
        pending.append(numbers.count)
        members.append(-1)
        numbers.append(n)
        values.append(contentsOf: vector)
        violations.append(violation)
    }

    /// The decision from the layers, after adding the entries numbered up to `n`; nil when the
    /// layers already hold a higher-numbered entry (a later trial decided first) or there are
    /// no objectives. Every entry numbered below `n` must have arrived.
    /// - Complexity: one layer insertion per new entry and a search of the layers; the
    ///   diversity of one layer when the quota cuts through the candidate's.
    mutating func decideByLayers(_ n: Int, dimension d: Int, eta: Int, diversity: RungRanking.Diversity) -> Bool? {
        guard let top = layers?.maxNumber, top <= n else { return nil }
        var waiting: [Int] = []
        for j in pending {
            let m = numbers[j]
            guard m <= n else { waiting.append(j); continue }
            members[j] = layers!.insert(values[(j * d)..<(j * d + d)], violation: violations[j], number: m, position: j)
        }
        pending = waiting
        guard let j = numbers.lastIndex(of: n), members[j] >= 0, let layers else { return nil }
        let quota = (layers.count + eta - 1) / eta
        return layers.isPromoted(members[j], quota: quota, diversity: diversity)
    }

    /// The decision from a sort of the entries numbered up to `n` (`RungRanking.isPromoted`).
    func decideBySorting(_ n: Int, dimension d: Int, eta: Int, diversity: RungRanking.Diversity) -> Bool {
        if d > 0, let out = dominatedOut(n, dimension: d, eta: eta), out { return false }
        var points: [Double] = []
        var violations: [Double] = []
        var numbers: [Int] = []
        var candidate = -1
        for (j, m) in self.numbers.enumerated() where m <= n {
            if m == n { candidate = numbers.count }
            numbers.append(m)
            violations.append(self.violations[j])
            points.append(contentsOf: values[(j * d)..<(j * d + d)])
        }
        let quota = (numbers.count + eta - 1) / eta
        if d == 0 { return numbers.filter { $0 < n }.count < quota }
        return RungRanking.isPromoted(candidate, points: PointSet(values: points, dimension: d), violations: violations,
                                      numbers: numbers, quota: quota, diversity: diversity)
    }

    /// True when at least the quota of entries numbered below `n` dominate it (constrained):
    /// it is out, and the rung need not be sorted. Nil when its entry is missing or a value is
    /// not finite (the full ranking handles those).
    private func dominatedOut(_ n: Int, dimension d: Int, eta: Int) -> Bool? {
        guard let c = numbers.firstIndex(of: n) else { return nil }
        var count = 0
        for m in numbers where m <= n { count += 1 }
        let quota = (count + eta - 1) / eta
        let vc = violations[c]
        var dominating = 0
        return values.withUnsafeBufferPointer { v -> Bool? in
            for k in 0..<d where !v[c * d + k].isFinite { return nil }
            for (j, m) in numbers.enumerated() where m < n {
                let vj = violations[j]
                if vc > 0 { if vj < vc { dominating += 1 } }
                else if vj <= 0 {
                    var better = false, worse = false
                    for k in 0..<d {
                        let a = v[j * d + k], x = v[c * d + k]
                        if !a.isFinite { worse = true; break }
                        if a < x { better = true } else if a > x { worse = true; break }
                    }
                    if better && !worse { dominating += 1 }
                }
                if dominating >= quota { return true }
            }
            return false
        }
    }
}
