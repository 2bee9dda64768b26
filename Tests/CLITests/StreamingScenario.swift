import Foundation

/// A scenario whose command streams `{"epoch": k, "loss": …, "size": y}` for epochs 1…9 (awk,
/// so no interpreter is needed), then its final line, under ASHA on `epoch` (1 to 9, η = 3).
///
/// `loss` is an awk expression of `x`, `y` and the epoch `e`; `pause` is awk's wait after each
/// epoch (e.g. `system("sleep 0.02")`), `search` the scenario's `search:` mapping.
func streamingScenario(name: String, loss: String, pause: String = "", search: String) -> String {
    let step = pause.isEmpty ? "" : " \(pause)"
    let final = loss.replacingOccurrences(of: "/ e", with: "/ 9")
    let awk = #"BEGIN { for (e = 1; e <= 9; e++) { printf "{\"epoch\": %d, \"loss\": %.6f, \"size\": %s}\n", e, "# + loss + #", y; fflush();"# + step + #" } printf "{\"loss\": %.6f, \"size\": %s}\n", "# + final + #", y }"#
    return """
        name: \(name)
        evaluator:
          command: [awk, -v, "x={x}", -v, "y={y}", '\(awk.replacingOccurrences(of: "'", with: "''"))']
          timeout: 30s
          metrics: [loss, size]
        space:
          x: {float: [0, 1]}
          y: {float: [0, 1]}
        objectives:
          - {metric: loss, goal: minimize}
          - {metric: size, goal: minimize}
        early_stopping: {algorithm: asha, resource: epoch, min_resource: 1, max_resource: 9, reduction_factor: 3}
        search: \(search)
        """
}
