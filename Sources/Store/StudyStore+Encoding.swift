import Foundation
import Hyperfront

/// Little-endian float64 array, the study file's encoding of parameters and metrics.
func encodeDoubles(_ values: [Double]) -> Data {
    var data = Data(count: values.count * 8)
    data.withUnsafeMutableBytes { raw in
        for (i, v) in values.enumerated() {
            raw.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: i * 8, as: UInt64.self)
        }
    }
    return data
}

func decodeDoubles(_ data: Data) -> [Double] {
    let n = data.count / 8
    return data.withUnsafeBytes { raw in
        (0..<n).map { i in Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
    }
}

func jsonArray(_ names: [String]) -> String {
    "[" + names.map(jsonQuote).joined(separator: ",") + "]"
}

func parseJSONArray(_ text: String) -> [String] {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]) ?? []
}
