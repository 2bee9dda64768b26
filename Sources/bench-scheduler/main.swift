// Measures the early-stopping schedulers:
//
//   bench-scheduler [overhead] [TRIALS]                 (default 10000)
//       processor time of the decisions for TRIALS trials × 27 epoch reports, as a share of a
//       run whose trials take 10 ms
//   bench-scheduler make-curves SCENARIO.yaml OUTPUT.csv
//       trains every configuration of the scenario's discrete space once, for `epochs` epochs,
//       and writes each one's per-epoch validation metrics (a learning-curve table)
//   bench-scheduler run SCENARIO.yaml --curves T.csv [--algorithm nsga2] [--seed S] [--trials N]
//                   [--early-stopping asha|hyperband|none] [--diversity crowding|hypervolume] [--rung-value best-of-window-means|window-mean|best|last]
//       runs a study whose trials replay the table's curves epoch by epoch through the real
//       scheduler, and prints one JSON line per trial (benchmarks/peers/moasha-vs-asha.py)
import Foundation
import LinearAlgebra

var arguments = Array(CommandLine.arguments.dropFirst())

@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    let v = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return v
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench-scheduler: \(message)\n".utf8))
    exit(2)
}

do {
    switch arguments.first {
    case nil: overhead(trials: 10_000)
    case let a? where Int(a) != nil: overhead(trials: Int(a)!)
    case "overhead": overhead(trials: arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000)
    case "make-curves":
        arguments.removeFirst()
        try BLASLibrary.load()
        try makeCurves()
    case "run":
        arguments.removeFirst()
        try replayRun()
    case let m?: fail("unknown mode \(m): overhead, make-curves or run")
    }
} catch {
    fail("\(error)")
}
