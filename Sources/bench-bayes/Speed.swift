import Foundation
import Hyperfront
import Samplers

/// The speed problem: 9 parameters (5 floats, one log; 2 ints; 2 categorical), 2 or 3
/// smooth objectives and one outcome constraint, the same as benchmarks/peers/optuna_gp_speed.py.
func speedSpace() -> SearchSpace {
    var p: [Parameter] = (0..<5).map { Parameter(name: "x\($0)", domain: .float(lower: 0, upper: 1, log: false, step: nil)) }
    p.append(Parameter(name: "lr", domain: .float(lower: 1e-4, upper: 1e-1, log: true, step: nil)))
    p.append(Parameter(name: "layers", domain: .int(lower: 1, upper: 8, log: false, step: 1)))
    p.append(Parameter(name: "units", domain: .int(lower: 8, upper: 512, log: true, step: 1)))
    p.append(Parameter(name: "act", domain: .categorical([.string("relu"), .string("tanh"), .string("gelu")])))
    return SearchSpace(parameters: p)
}

/// Objectives (minimised) and the constraint value (≤ 0 met) of a configuration.
func speedProblem(_ c: Configuration, objectives m: Int) -> ([Double], Double) {
    let x = (0..<5).map { c[$0] }
    let lr = log10(c[5]) + 4, layers = c[6] / 8, units = log2(c[7]) / 9, act = c[8]
    let g = 1 + x[1...].reduce(0) { $0 + ($1 - 0.5) * ($1 - 0.5) } + 0.1 * (lr - 2) * (lr - 2) + 0.05 * act
    var f = [x[0] * g, (1 - x[0]) * g + 0.3 * layers * units]
    if m > 2 { f.append(g * (0.5 + 0.5 * sin(3 * x[0] + x[1]))) }
    return (f, x[2] + x[3] - 1.4)
}

@MainActor func speed() throws {
    let sizes = (option("--trials") ?? "50,200,1000").split(separator: ",").compactMap { Int($0) }
    let m = Int(option("--objectives") ?? "2") ?? 2
    let repeats = Int(option("--repeats") ?? "5") ?? 5
    // --share 0 --region 0: the sampler without scalarised proposals and region candidates.
    var settings = BayesSettings()
    if let v = option("--share").flatMap(Double.init) { settings.scalarisedShare = v }
    if let v = option("--region").flatMap(Int.init) { settings.regionCandidates = v }
    if let v = option("--fit-subset").flatMap(Int.init) { settings.fitSubset = v }
    let space = speedSpace()
    print("trials  objectives  median_seconds  mean_seconds  (min, max) over \(repeats) proposals (a full model fit every 5 % more trials)")
    for n in sizes {
        var sampler = BayesSampler(space: space, settings: settings)
        var rng = RandomSource(seed: 1)
        var history: [Observation] = []
        for _ in 0..<n {
            let c = space.sample(using: &rng)
            let (f, g) = speedProblem(c, objectives: m)
            history.append(Observation(configuration: c, generation: 0, objectives: f, violation: max(g, 0), constraints: [g]))
        }
        sampler.tell(history)
        var known = Set(history.map(\.configuration))
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            let p = sampler.ask(limit: 1, isKnown: { known.contains($0) }, using: &rng)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            guard let c = p.first?.configuration else { break }
            known.insert(c)
            let (f, g) = speedProblem(c, objectives: m)
            sampler.tell([Observation(configuration: c, generation: 0, objectives: f, violation: max(g, 0), constraints: [g])])
        }
        let mean = times.reduce(0, +) / Double(times.count)
        times.sort()
        print(String(format: "%6d  %10d  %14.4f  %12.4f  (%.4f, %.4f)", n, m, times[times.count / 2], mean, times.first!, times.last!))
    }
}
