import Foundation
import Randomness

extension CLI {
    /// Runs `hyperfront run scenario --study study --quiet` `rounds` times (with `--resume`
    /// after the first), each killed with SIGKILL after a pause drawn from `pauses`
    /// (microseconds) unless it finished first; returns how many rounds were killed.
    static func killRounds(scenario: String, study: String, rounds: Int, pauses: ClosedRange<UInt32>,
                           using rng: inout RandomSource) throws -> Int {
        var kills = 0
        for round in 0..<rounds {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["run", scenario, "--study", study, "--quiet"] + (round == 0 ? [] : ["--resume"])
            p.currentDirectoryURL = packageRoot
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: pauses, using: &rng))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); kills += 1 }
            p.waitUntilExit()
        }
        return kills
    }
}
