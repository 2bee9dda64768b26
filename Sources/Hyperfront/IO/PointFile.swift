import Foundation
import Pareto

/// Reads point files: CSV without a header, one point per line, objectives separated by commas
/// (minimisation). Blank lines are skipped; spaces around values are allowed; `\r\n` endings
/// and a leading UTF-8 byte-order mark are accepted. Every value must be a finite decimal number
/// (digits, an optional sign, point and `e` exponent: no hexadecimal, `inf` or `nan`) and every
/// row must have as many values as the first.
///
/// The parser walks the bytes once and converts each field in place with the C library's
/// correctly rounded `strtod`, so values written with shortest round-trip digits (Python `repr`,
/// Swift `description`) come back bit for bit.
public enum PointFile {
    /// Reads and parses the point file at `path`.
    public static func read(path: String) throws(PointFileError) -> PointSet {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
            throw PointFileError(file: path, line: 0, column: 0,
                                 message: "cannot open the point file: \(reason)",
                                 hint: "give the path of a CSV file with one point per line")
        }
        return try parse(data, name: path)
    }

    /// Parses point-file bytes; `name` is used in error messages.
    public static func parse(_ data: Data, name: String) throws(PointFileError) -> PointSet {
        var bytes = [UInt8](data)
        bytes.append(0)  // strtod stops at the terminator at the latest
        let result: Result<PointSet, PointFileError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(PointFileError) {
                return .success(try parseBytes(buffer, count: buffer.count - 1, name: name))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func parseBytes(_ b: UnsafeBufferPointer<UInt8>, count n: Int, name: String) throws(PointFileError) -> PointSet {
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let base = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self))
        var values: [Double] = []
        values.reserveCapacity(n / 8)
        var dimension = 0
        var line = 1, lineStart = 0, pos = 0
        // A UTF-8 byte-order mark (as spreadsheet programs write) is not part of the first value.
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { pos = 3; lineStart = 3 }
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        }
        while pos < n {
            // One line.
            var fields = 0
            var blank = true
            var scan = pos
            while scan < n && (b[scan] == space || b[scan] == tab || b[scan] == cr) { scan &+= 1 }
            if scan >= n || b[scan] == newline {
                pos = scan &+ 1
                line &+= 1
                lineStart = pos
                continue
            }
            blank = false
            while true {
                var start = pos
                while start < n && (b[start] == space || b[start] == tab) { start &+= 1 }
                var end = start
                while end < n && b[end] != comma && b[end] != newline && b[end] != cr { end &+= 1 }
                var tokenEnd = end
                while tokenEnd > start && (b[tokenEnd &- 1] == space || b[tokenEnd &- 1] == tab) { tokenEnd &-= 1 }
                let column = start &- lineStart &+ 1
                if tokenEnd == start {
                    throw PointFileError(file: name, line: line, column: column,
                                         message: "empty value (value \(fields + 1) of the row)",
                                         hint: "write a number between the commas, e.g. 0.25")
                }
                var parsedEnd: UnsafeMutablePointer<CChar>? = nil
                // strtod also reads hexadecimal, `inf` and `nan`: only decimal characters may reach it.
                var decimal = true
                for k in start..<tokenEnd where !isDecimalByte(b[k]) { decimal = false; break }
                let value = decimal ? strtod(base + start, &parsedEnd) : 0
                if !decimal && tokenNamesNonFinite(b, start, tokenEnd) {
                    throw PointFileError(file: name, line: line, column: column,
                                         message: "'\(text(start, tokenEnd))' is not a finite number",
                                         hint: "objective values must be finite decimal numbers; drop or fix this point")
                }
                if !decimal || parsedEnd != base + tokenEnd {
                    throw PointFileError(file: name, line: line, column: column,
                                         message: "'\(text(start, tokenEnd))' is not a number",
                                         hint: "write a decimal number such as 0.25, -3 or 1.5e-3")
                }
                if !value.isFinite {
                    throw PointFileError(file: name, line: line, column: column,
                                         message: "'\(text(start, tokenEnd))' is not a finite number",
                                         hint: "objective values must be finite; drop or fix this point")
                }
                values.append(value)
                fields &+= 1
                if dimension > 0 && fields > dimension {
                    throw PointFileError(file: name, line: line, column: column,
                                         message: "this row has more than \(dimension) values, but the first row has \(dimension)",
                                         hint: "every row needs one value per objective")
                }
                pos = end
                if pos < n && b[pos] == comma { pos &+= 1; continue }
                // End of the line: skip a carriage return and the newline.
                while pos < n && b[pos] == cr { pos &+= 1 }
                if pos < n && b[pos] != newline {
                    throw PointFileError(file: name, line: line, column: pos &- lineStart &+ 1,
                                         message: "unexpected character after a value",
                                         hint: "separate values with commas and end each point with a new line")
                }
                break
            }
            if !blank {
                if dimension == 0 {
                    dimension = fields
                } else if fields != dimension {
                    throw PointFileError(file: name, line: line, column: pos &- lineStart &+ 1,
                                         message: "this row has \(fields) value\(fields == 1 ? "" : "s"), but the first row has \(dimension)",
                                         hint: "every row needs one value per objective")
                }
            }
            pos &+= 1
            line &+= 1
            lineStart = pos
        }
        if dimension == 0 {
            throw PointFileError(file: name, line: 1, column: 1, message: "the point file holds no points",
                                 hint: "write one point per line, objectives separated by commas, e.g. 0.5,1.25")
        }
        return PointSet(values: values, dimension: dimension)
    }

    /// Parses a comma-separated list of finite numbers given as a command-line option value
    /// (e.g. a reference point); `option` names it in error messages.
    public static func parseList(_ text: String, option: String) throws(PointFileError) -> [Double] {
        var out: [Double] = []
        var column = 1
        for field in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = field.trimmingCharacters(in: .whitespaces)
            guard trimmed.utf8.allSatisfy(isDecimalByte), let v = Double(trimmed), v.isFinite else {
                throw PointFileError(file: option, line: 1, column: column,
                                     message: trimmed.isEmpty ? "empty value" : "'\(trimmed)' is not a finite number",
                                     hint: "write numbers separated by commas, e.g. \(option) 1.1,1.1")
            }
            out.append(v)
            column += field.count + 1
        }
        return out
    }
}

/// Whether the token spells infinity or NaN (`inf`, `-Infinity`, `nan`), in any case.
private func tokenNamesNonFinite(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
    var word: [UInt8] = []
    for k in from..<to where b[k] != 0x2B && b[k] != 0x2D { word.append(b[k] | 0x20) }
    return word == Array("inf".utf8) || word == Array("infinity".utf8) || word == Array("nan".utf8)
}

/// Whether `c` may appear in a decimal number: a digit, a sign, a point or an exponent mark.
@inline(__always)
private func isDecimalByte(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E || c == 0x45 || c == 0x65
}

/// A problem in a point file, located by file, line and column (1-based).
public struct PointFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    /// 1-based line; 0 when the whole file is concerned.
    public var line: Int
    /// 1-based byte column; 0 when the whole file is concerned.
    public var column: Int
    public var message: String
    public var hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        var s = "\(place): error: \(message)"
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}
