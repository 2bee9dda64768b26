import ArgumentParser
import Foundation
import Hyperfront
import Pareto

struct HypervolumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hv",
        abstract: "Exact hypervolume of a point set (minimisation).",
        discussion: """
        FILE is CSV without a header: one point per line, objectives separated by commas. Points \
        not strictly better than the reference point in every objective add nothing. Prints the \
        hypervolume alone, with 17 significant digits. An exact value that would take more than \
        2·10⁹ steps (many objectives and points: 10 × 500, 100 × 40) is refused; --approximate N \
        then gives a Monte-Carlo estimate from N samples, with its standard error on stderr.
        """)

    @Argument(help: "CSV point file (one point per line, comma-separated objectives, minimised).")
    var file: String

    // Unconditional: a negative reference point (--ref -1,-1) is the option's value, not a flag.
    @Option(name: .customLong("ref"), parsing: .unconditional, help: "Reference point, one value per objective, comma separated (e.g. 1.1,1.1 or -1,-1).")
    var reference: String

    @Option(name: .customLong("approximate"), parsing: .unconditional, help: "Estimate by Monte Carlo with N samples instead (prints the standard error on stderr).")
    var samples: Int?

    @Option(name: .customLong("seed"), parsing: .unconditional, help: "Seed of the Monte-Carlo samples (with --approximate).", transform: parseSeed)
    var seed: UInt64 = 1

    @Option(name: .customLong("repeat"), parsing: .unconditional, help: "Compute N times and print 'seconds: <median>' of the computation alone on stderr.")
    var repeatCount: Int?

    func run() throws {
        let points = try PointInput.load(file)
        let ref: [Double]
        do {
            ref = try PointFile.parseList(reference, option: "--ref")
        } catch {
            throw PointInput.fail(error.description)
        }
        guard ref.count == points.dimension else {
            throw PointInput.fail("--ref: error: the reference point has \(ref.count) value\(ref.count == 1 ? "" : "s") but the points in \(file) have \(points.dimension) objectives\n  hint: give one reference value per objective, e.g. --ref \(Array(repeating: "1.1", count: points.dimension).joined(separator: ","))")
        }
        let repeats = try PointInput.repeats(repeatCount)
        if let samples {
            guard samples >= 1 && samples <= 1_000_000_000 else {
                throw PointInput.fail("--approximate: error: \(samples) is not a sample count between 1 and 10^9\n  hint: write --approximate 1000000")
            }
            var rng = RandomSource(seed: seed)
            let e = Hypervolume.estimate(points, reference: ref, samples: samples, using: &rng)
            print(String(format: "%.17g", e.value))
            PointInput.printError("standard error: \(String(format: "%.3g", e.standardError)) (\(samples) samples, seed \(seed))")
            return
        }
        var value: Double? = 0
        let timing = PointInput.medianSeconds(repeats) {
            value = Hypervolume.compute(points, reference: ref, workLimit: Hypervolume.defaultWorkLimit)
        }
        guard let value else {
            throw PointInput.fail("\(file): error: the exact hypervolume of \(points.count) points in \(points.dimension) objectives needs more than \(Hypervolume.defaultWorkLimit) steps (the limit)\n  hint: add --approximate 1000000 for a Monte-Carlo estimate with its standard error, or keep fewer points (hyperfront nondominated \(file))")
        }
        print(String(format: "%.17g", value))
        if repeatCount != nil { timing.report() }
    }
}

/// Shared plumbing of the point-file commands (`hv`, `nondominated`).
enum PointInput {
    static func load(_ path: String) throws -> PointSet {
        do {
            return try PointFile.read(path: path)
        } catch {
            throw fail(error.description)
        }
    }

    static func repeats(_ count: Int?) throws -> Int {
        guard let count else { return 1 }
        guard count >= 1 else { throw fail("--repeat: error: \(count) is not a positive count\n  hint: write --repeat 5") }
        return count
    }

    /// Prints `message` on stderr and returns the exit code for bad input (2).
    static func fail(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(2)
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Runs `body` `count` times; the median wall-clock and thread-CPU seconds of one run.
    static func medianSeconds(_ count: Int, _ body: () -> Void) -> Timing {
        let clock = ContinuousClock()
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<count {
            let c0 = threadCPUSeconds()
            let elapsed = clock.measure(body)
            cpu.append(threadCPUSeconds() - c0)
            wall.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return Timing(seconds: median(wall), cpuSeconds: median(cpu))
    }

    struct Timing {
        var seconds: Double
        var cpuSeconds: Double

        /// `seconds: <median wall>` and, on a second line, `cpu-seconds: <median thread CPU>`
        /// (the latter shows the cost on a busy machine).
        func report() {
            printError("seconds: \(seconds)\ncpu-seconds: \(cpuSeconds)")
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let t = values.sorted()
        let m = t.count / 2
        return t.count % 2 == 1 ? t[m] : (t[m - 1] + t[m]) / 2
    }

    private static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
