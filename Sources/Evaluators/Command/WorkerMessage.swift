import Foundation
import Hyperfront

/// The persistent worker's line protocol (docs/trial-protocol.md): what Hyperfront sends, and
/// the messages a worker answers with, one JSON object per line.
enum WorkerMessage: Equatable {
    case report(trial: Int, step: Int, metrics: [String: Double])
    case finish(trial: Int, metrics: [String: Double])
    /// `exiting`: the worker leaves after this message (an exception ended its loop).
    case fail(trial: Int, error: String, exiting: Bool)

    /// The line that hands trial `request` to a worker.
    static func trialLine(_ request: TrialRequest) -> String {
        let params = "{" + request.parameters.map { "\(jsonQuote($0.name)): \($0.value.json)" }.joined(separator: ", ") + "}"
        return "{\"type\": \"trial\", \"trial\": \(request.number), \"seed\": \(request.seed), \"params\": \(params)}"
    }

    static let continueLine = "{\"type\": \"continue\"}"
    static let stopLine = "{\"type\": \"stop\"}"

    private struct Wire: Decodable {
        var type: String
        var trial: Int?
        var step: Int?
        var metrics: [String: Double]?
        var error: String?
        var exiting: Bool?
    }

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        // Non-finite metric values travel as these strings (JSON has no NaN).
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return d
    }()

    /// Decodes one line; nil when it is not a protocol message.
    static func decode(_ line: [UInt8]) -> WorkerMessage? {
        guard let first = line.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 13 }), line[first] == UInt8(ascii: "{"),
              let w = try? decoder.decode(Wire.self, from: Data(line)), let trial = w.trial else { return nil }
        switch w.type {
        case "report":
            guard let step = w.step else { return nil }
            return .report(trial: trial, step: step, metrics: w.metrics ?? [:])
        case "finish":
            return .finish(trial: trial, metrics: w.metrics ?? [:])
        case "fail":
            return .fail(trial: trial, error: w.error ?? "the worker reported a failure", exiting: w.exiting ?? false)
        default:
            return nil
        }
    }
}
