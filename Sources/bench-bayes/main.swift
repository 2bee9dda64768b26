import Foundation
import Hyperfront
import Samplers
import Evaluators
import IntegerPrograms
import Store
import Studies
import LinearAlgebra

/// Measures the Bayesian sampler (benchmarks/peers/bayes-vs-optuna.py runs it):
///
///   bench-bayes speed [--trials 50,200,1000] [--objectives 2] [--repeats 5] [--share S] [--region N] [--fit-subset N]
///       median seconds to propose one trial after n trials (9 parameters, 1 constraint);
///       --share and --region set the sampler's scalarised share and region candidates
///   bench-bayes run SCENARIO.yaml --algorithm A --seed S --trials N [--table T.csv]
///       runs a study (table lookups instead of the scenario's evaluator with --table) and
///       prints one JSON line per trial: minimised objectives and violation
///   bench-bayes make-table SCENARIO.yaml OUTPUT.csv
///       evaluates every configuration of the scenario's (discrete) space once and writes the table
var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    let v = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return v
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench-bayes: \(message)\n".utf8))
    exit(2)
}

do {
    try BLASLibrary.load()
    guard let mode = arguments.first else { fail("give a mode: speed, run or make-table") }
    arguments.removeFirst()
    switch mode {
    case "speed": try speed()
    case "run": try run()
    case "make-table": try makeTable()
    default: fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}
