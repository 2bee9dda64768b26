/// Something wrong with a data file, located so that a person can open the file and fix it.
///
/// `line` and `column` are 1-based; `column` counts comma-separated fields (0 when the problem
/// concerns the whole file or line). The description reads
/// `digits.csv:12:5 (column 'pixel_0_4'): not a number: 'abc' — write a plain number such as 0.5`.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of problem, so that callers and tests can tell them apart.
    public enum Kind: String, Sendable, Equatable {
        case unreadable, emptyFile, missingLabelColumn, raggedRow, nonNumeric, nonFinite
        case oneClass, tooFewRows, mismatchedColumns, unknownLabel, badSetting
    }

    public let kind: Kind
    public let file: String
    public let line: Int
    public let column: Int
    /// The header name of the column, when known.
    public let columnName: String?
    public let message: String
    /// What to write instead.
    public let hint: String

    public init(_ kind: Kind, file: String, line: Int, column: Int = 0, columnName: String? = nil,
                message: String, hint: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var place = "\(file):\(line)"
        if column > 0 { place += ":\(column)" }
        if let columnName { place += " (column '\(columnName)')" }
        return "\(place): \(message) — \(hint)"
    }
}
