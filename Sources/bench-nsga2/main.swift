// Runs NSGA-II in-process on the ZDT/DTLZ benchmarks with the literature settings
// (population 100, 250 generations, SBX η=15 p=0.9, polynomial mutation η=20 p=1/n) for
// several seeds and prints the median final hypervolume next to pymoo 0.6.2's median
// (measured by benchmarks/peers/nsga2.py into benchmarks/peers/results/nsga2.json; same
// reference points), plus wall times.
//
// Usage: bench-nsga2 [--problems zdt1,dtlz2] [--seeds 1-11] [--generations 250] [--peer FILE] [--no-pruning]
//        bench-nsga2 --scaling 5000   (ZDT1, 30 variables, population 100: seconds per 1,000 trials)
import Foundation
import Hyperfront
import Pareto
import Samplers
import Evaluators

var problems = ["zdt1", "zdt2", "zdt3", "zdt4", "zdt6", "dtlz1", "dtlz2", "dtlz7"]
var seeds = Array(1...11)
var generations = 250
let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var scalingTrials: Int? = nil
var pruning = true
var peerPath = repo.appendingPathComponent("benchmarks/peers/results/nsga2.json").path
/// The reference points of the comparison: 1.1 × the nadir of each true front.
let references: [String: [Double]] = ["dtlz1": [0.55, 0.55, 0.55], "dtlz7": [0.946, 0.946, 6.6]]

var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--problems": problems = (args.popFirst() ?? "").split(separator: ",").map(String.init)
    case "--seeds":
        let s = (args.popFirst() ?? "1").split(separator: "-").compactMap { Int($0) }
        seeds = s.count == 2 ? Array(s[0]...s[1]) : s
    case "--generations": generations = Int(args.popFirst() ?? "") ?? generations
    case "--peer": peerPath = args.popFirst() ?? peerPath
    case "--no-pruning": pruning = false
    case "--scaling": scalingTrials = Int(args.popFirst() ?? "") ?? 5_000
    default:
        FileHandle.standardError.write("unknown argument \(a); usage: bench-nsga2 [--problems zdt1,dtlz2] [--seeds 1-11] [--generations 250] [--peer FILE] [--no-pruning] | --scaling 5000\n".data(using: .utf8)!)
        exit(2)
    }
}

struct Peer { var reference: [Double]; var hvMedian: Double; var wallMedian: Double; var igdMedian: Double? }
var peers: [String: Peer] = [:]
if let data = FileManager.default.contents(atPath: peerPath),
   let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
   let table = json["table"] as? [String: [String: Any]] {
    for (name, row) in table {
        if let ref = row["reference_point"] as? [Double], let hv = row["hv_median"] as? Double,
           let wall = row["wall_seconds_median"] as? Double {
            peers[name] = Peer(reference: ref, hvMedian: hv, wallMedian: wall, igdMedian: row["igd_median"] as? Double)
        }
    }
} else {
    FileHandle.standardError.write("cannot read \(peerPath) (benchmarks/peers/nsga2.py writes it): no pymoo column\n".data(using: .utf8)!)
}

func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
/// CPU seconds of this thread: steadier than wall time on a loaded machine.
func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

struct RunResult { var finalHV: Double; var archiveHV: Double; var wall: Double; var cpu: Double; var samplerSeconds: Double; var igd: Double }

/// The true front the peers' IGD uses (benchmarks/peers/data/front-<problem>.csv, beside the
/// peer file's folder), or the evaluator's own when that file is missing.
func trueFront(_ name: String, _ spec: BenchmarkSpec, peerPath: String) -> PointSet {
    let file = URL(fileURLWithPath: peerPath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/front-\(name).csv").path
    if let text = try? String(contentsOfFile: file, encoding: .utf8) {
        let rows = text.split(separator: "\n").map { $0.split(separator: ",").compactMap { Double($0) } }.filter { !$0.isEmpty }
        if !rows.isEmpty { return PointSet(rows: rows) }
    }
    return spec.trueFront(points: 1000)
}

/// Inverted generational distance (Coello & Reyes Sierra 2004): mean Euclidean distance from
/// each true-front point to the nearest point of `set`.
func igd(_ set: PointSet, front: PointSet) -> Double {
    var total = 0.0
    for i in 0..<front.count {
        let f = front[i]
        var best = Double.infinity
        for j in 0..<set.count {
            var d2 = 0.0
            for (a, b) in zip(f, set[j]) { d2 += (a - b) * (a - b) }
            best = Swift.min(best, d2)
        }
        total += best.squareRoot()
    }
    return total / Double(front.count)
}

func run(_ spec: BenchmarkSpec, seed: Int, generations: Int, pruning: Bool, reference: [Double], front trueFront: PointSet) -> RunResult {
    var settings = SearchSettings()
    settings.population = 100
    settings.trials = 100 * generations
    settings.seed = UInt64(seed)
    settings.crossoverProbability = 0.9
    settings.crossoverEta = 15
    settings.mutationEta = 20
    let evaluator = BenchmarkEvaluator(spec: spec)
    let m = spec.objectives
    let start = now(), cpuStart = cpuNow()
    var samplerTime = 0.0, archiveTime = 0.0
    var sampler = NSGA2Sampler(space: spec.space, settings: settings, pruning: pruning)
    var rng = RandomSource(seed: settings.seed)
    var archive = Archive(dimension: m)
    var evaluated = 0
    var f = [Double](repeating: 0, count: m)
    while evaluated < settings.trials {
        let t0 = cpuNow()
        let proposals = sampler.ask(limit: settings.trials - evaluated, isKnown: { _ in false }, using: &rng)
        samplerTime += cpuNow() - t0
        if proposals.isEmpty { break }
        var observations: [Observation] = []
        observations.reserveCapacity(proposals.count)
        for p in proposals {
            p.configuration.values.withUnsafeBufferPointer { x in
                f.withUnsafeMutableBufferPointer { evaluator.evaluate(x, into: $0) }
            }
            observations.append(Observation(configuration: p.configuration, generation: p.generation, objectives: f, violation: 0))
        }
        let ta = cpuNow()
        for o in observations { archive.insert(o.objectives[...]) }
        archiveTime += cpuNow() - ta
        evaluated += proposals.count
        let t1 = cpuNow()
        sampler.tell(observations)
        samplerTime += cpuNow() - t1
    }
    // The all-trials archive is bookkeeping of this benchmark, not part of the run.
    let wall = now() - start - archiveTime, cpu = cpuNow() - cpuStart - archiveTime
    let pop = sampler.population
    let front = pop.points.subset(pop.ranks.indices.filter { pop.ranks[$0] == 0 })
    let finalHV = Hypervolume.compute(front, reference: reference)
    let archiveHV = sweepHypervolume(archive.points, reference: reference)
    return RunResult(finalHV: finalHV, archiveHV: archiveHV, wall: wall, cpu: cpu, samplerSeconds: samplerTime, igd: igd(front, front: trueFront))
}

/// Seconds per block of 1,000 trials for a long ZDT1 run, with a caller-side set of known
/// configurations as a study runner keeps: the time per block must stay flat.
func scaling(trials: Int) {
    var settings = SearchSettings()
    settings.population = 100
    let spec = BenchmarkSpec(problem: .zdt1)
    let evaluator = BenchmarkEvaluator(spec: spec)
    var sampler = NSGA2Sampler(space: spec.space, settings: settings)
    var rng = RandomSource(seed: 1)
    var known = Set<Configuration>()
    var f = [0.0, 0.0]
    var done = 0, blockStart = now(), blocks: [Double] = []
    let start = now()
    while done < trials {
        let proposals = sampler.ask(limit: trials - done, isKnown: { known.contains($0) }, using: &rng)
        if proposals.isEmpty { break }
        var observations: [Observation] = []
        for p in proposals {
            known.insert(p.configuration)
            p.configuration.values.withUnsafeBufferPointer { x in f.withUnsafeMutableBufferPointer { evaluator.evaluate(x, into: $0) } }
            observations.append(Observation(configuration: p.configuration, generation: p.generation, objectives: f, violation: 0))
            done += 1
            if done % 1_000 == 0 { blocks.append(now() - blockStart); blockStart = now() }
        }
        sampler.tell(observations)
    }
    let total = now() - start
    print("ZDT1 (30 variables), population 100, \(done) trials: \(fmt(total, 3)) s; seconds per 1,000 trials: " + blocks.map { fmt($0, 4) }.joined(separator: ", "))
    if let first = blocks.first, let last = blocks.last { print("last/first block ratio: \(fmt(last / first, 2))") }
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
func fmt(_ v: Double, _ digits: Int = 6) -> String { String(format: "%.\(digits)f", v) }

if let n = scalingTrials { scaling(trials: n); exit(0) }

// The all-trials hypervolume uses this benchmark's own sweep; check it against the Pareto
// module's kernel on random sets first.
do {
    var rng = RandomSource(seed: 99)
    var worst = 0.0
    for d in [2, 3] {
        for _ in 0..<5 {
            let p = PointSet(values: (0..<(150 * d)).map { _ in rng.nextUnit() }, dimension: d)
            let r = [Double](repeating: 1.1, count: d)
            worst = Swift.max(worst, abs(sweepHypervolume(p, reference: r) - Hypervolume.compute(p, reference: r)))
        }
    }
    print("all-trials HV sweep vs Hypervolume.compute on 10 random sets: max |difference| = \(worst)")
    if worst > 1e-9 { print("the sweep disagrees with the kernel; all-trials HV figures are not reliable") }
}

print("NSGA-II\(pruning ? "" : " without crowding pruning"), population 100, \(generations) generations, seeds \(seeds.first!)…\(seeds.last!) (\(seeds.count) runs); pymoo 0.6.2 medians from \(peerPath)")
print([pad("problem", 8), pad("pymoo HV", 10), pad("HV median", 10), pad("HV q25", 10), pad("HV q75", 10), pad("≥ pymoo", 8),
       pad("IGD", 9), pad("pymoo IGD", 9), pad("all-trials HV", 13), pad("wall s", 8), pad("cpu s", 7), pad("sampler ms/gen", 14), pad("pymoo s", 8), "speed-up"].joined(separator: " "))
var shortfalls = 0
for name in problems {
    guard let problem = BenchmarkSpec.Problem(rawValue: name) else { print("unknown problem \(name)"); continue }
    let spec = BenchmarkSpec(problem: problem)
    let peer = peers[name]
    let reference = peer?.reference ?? references[name] ?? [Double](repeating: 1.1, count: spec.objectives)
    let front = trueFront(name, spec, peerPath: peerPath)
    var results: [RunResult] = []
    for seed in seeds { results.append(run(spec, seed: seed, generations: generations, pruning: pruning, reference: reference, front: front)) }
    let hv = results.map(\.finalHV).sorted()
    let q = { (p: Double) -> Double in
        let pos = p * Double(hv.count - 1), lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, hv.count - 1)
        return hv[lo] + (hv[hi] - hv[lo]) * (pos - Double(lo))
    }
    let med = median(hv), wall = median(results.map(\.wall))
    let ok = peer.map { med >= $0.hvMedian } ?? true
    if !ok { shortfalls += 1 }
    print([pad(name, 8), pad(peer.map { fmt($0.hvMedian) } ?? "-", 10), pad(fmt(med), 10), pad(fmt(q(0.25)), 10), pad(fmt(q(0.75)), 10),
           pad(peer == nil ? "-" : (ok ? "yes" : "NO"), 8), pad(fmt(median(results.map(\.igd))), 9),
           pad(peer?.igdMedian.map { fmt($0) } ?? "-", 9), pad(fmt(median(results.map(\.archiveHV))), 13), pad(fmt(wall, 3), 8), pad(fmt(median(results.map(\.cpu)), 3), 7),
           pad(fmt(median(results.map(\.samplerSeconds)) * 1000 / Double(generations), 3), 14),
           pad(peer.map { fmt($0.wallMedian, 3) } ?? "-", 8), peer.map { String(format: "%.1fx wall, %.1fx cpu", $0.wallMedian / wall, $0.wallMedian / median(results.map(\.cpu))) } ?? "-"].joined(separator: " "))
}
print(shortfalls == 0 ? "median final HV ≥ pymoo's on every problem" : "\(shortfalls) problem(s) below pymoo's median")
