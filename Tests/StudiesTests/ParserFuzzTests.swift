import Foundation
import Testing
import Hyperfront
import Studies
@testable import Evaluators

/// Random and mutated inputs for every parser a user's text reaches: scenario YAML, resource
/// formulas, point CSVs and trial output lines. Each case must parse or fail with a typed
/// error that carries a message — never crash. Seeded (RandomSource): a failing case is
/// replayed from its seed. `scripts/fuzz.sh SECONDS` runs it for longer (HYPERFRONT_FUZZ_SECONDS);
/// by default it runs 4,000 cases (HYPERFRONT_FUZZ_CASES), as the test suite does in CI.
@Test func parsersSurviveRandomAndMutatedInput() throws {
    let env = ProcessInfo.processInfo.environment
    let seconds = env["HYPERFRONT_FUZZ_SECONDS"].flatMap(Double.init)
    let seed = env["HYPERFRONT_FUZZ_SEED"].flatMap(UInt64.init) ?? 12
    let minimum = env["HYPERFRONT_FUZZ_CASES"].flatMap(Int.init) ?? 4000
    var rng = RandomSource(seed: seed)
    let end = Date().addingTimeInterval(seconds ?? 0)
    var cases = 0, rejected = 0, slowest = 0.0
    let seeds = [
        "name: f\nevaluator: {benchmark: zdt1, variables: 3}\nspace: {x: {float: [0, 1]}}\nobjectives: [{metric: f1}, {metric: f2}]\nsearch: {algorithm: nsga2, population: 8, trials: 16, seed: 1}\n",
        "name: m\nevaluator: {command: [sh, -c, 'echo {}'], metrics: [loss, params]}\nspace:\n  units: {choice: [16, 32, 64]}\n  layers: {int: [1, 3]}\n  act: {choice: [relu, tanh]}\n  momentum: {float: [0.5, 0.9], when: {act: relu}}\nresources: {params: \"64*units + (layers-1)*units*units\"}\nconstraints: [{metric: params, max: 5000}]\nobjectives: [{metric: loss}, {metric: params}]\n",
    ]
    let formulaSeeds = ["64*units + units + (layers-1)*(units*units + units) + 10*units + 10", "max(2, 3) * 2^3 - -1", "floor(units/3) + ceil(1e3)"]
    let csvSeeds = ["0.5,1.25\n0.25,2\n", "1e-3, -2\r\n3,4\n", "\u{FEFF}1,2\n"]
    let lineSeeds = [#"{"loss": 0.41, "step": 3}"#, #"{"a": NaN, "b": [1, {"c": 2}], "d": "x\"y"}"#, "not json"]
    let alphabet = Array("{}[]():,-+*/^.eE0123456789 \n\t\"'#&*!|>abcxyz_\u{0}\u{FEFF}é∞".unicodeScalars)
    func mutate(_ s: String) -> String {
        var u = Array(s.unicodeScalars)
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let op = Int.random(in: 0..<5, using: &rng)
            let i = u.isEmpty ? 0 : Int.random(in: 0..<u.count, using: &rng)
            switch op {
            case 0 where !u.isEmpty: u.remove(at: i)
            case 1: u.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: min(i, u.count))
            case 2 where !u.isEmpty: u[i] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            case 3 where u.count > 2:
                // Repeat a slice: deep nesting, long chains, huge numbers.
                let j = min(u.count, i + Int.random(in: 1...6, using: &rng))
                let slice = u[i..<j]
                let times = Int.random(in: 1...400, using: &rng)
                u.insert(contentsOf: Array(repeating: Array(slice), count: times).flatMap { $0 }, at: j)
            default: if u.count > 1 { u.removeSubrange(i..<min(u.count, i + 3)) }
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: u.prefix(200_000))
        return String(out)
    }
    func timed(_ body: () -> Void) {
        let t0 = Date()
        body()
        slowest = max(slowest, Date().timeIntervalSince(t0))
        cases += 1
    }
    repeat {
        for _ in 0..<50 {
            let yaml = mutate(seeds[Int.random(in: 0..<seeds.count, using: &rng)])
            timed {
                do throws(ScenarioError) { _ = try ScenarioLoader.parse(yaml, path: "fuzz.yaml", registry: .standard, checkFiles: false) }
                catch { rejected += 1; #expect(!error.message.isEmpty) }
            }
            let formula = mutate(formulaSeeds[Int.random(in: 0..<formulaSeeds.count, using: &rng)])
            timed {
                do throws(Hyperfront.Expression.ParseError) {
                    let e = try Hyperfront.Expression.parse(formula)
                    _ = e.evaluate { _ in 3 }
                    _ = e.additiveTerms
                    _ = e.description
                } catch { rejected += 1; #expect(!error.message.isEmpty) }
            }
            let csv = mutate(csvSeeds[Int.random(in: 0..<csvSeeds.count, using: &rng)])
            timed {
                do throws(PointFileError) { _ = try PointFile.parse(Data(csv.utf8), name: "fuzz.csv") }
                catch { rejected += 1; #expect(!error.message.isEmpty) }
            }
            let line = mutate(lineSeeds[Int.random(in: 0..<lineSeeds.count, using: &rng)])
            timed { _ = JSONLine.parseObject(Array(line.utf8)) }
        }
    } while Date() < end || cases < minimum
    print("fuzz: \(cases) cases (seed \(seed)), \(rejected) rejected with a message, 0 crashes, slowest case \(String(format: "%.3f", slowest)) s")
    #expect(cases >= minimum)
}
