/// A way to render a study's report (`hyperfront report --format NAME`).
public protocol ReportFormat {
    /// The name on the command line (`table`, `csv`, …).
    static var name: String { get }
    /// The report: the front, or every trial with `all`. The same study gives the same bytes.
    static func render(_ report: StudyReport, all: Bool) -> String
}

/// The report formats, in the order the help lists them. Adding a format is one type and one
/// line here.
public enum ReportFormats {
    // A constant list of stateless types (their metatypes hold nothing mutable).
    nonisolated(unsafe) public static let all: [any ReportFormat.Type] = [
        TableFormat.self,
        MarkdownFormat.self,
        CSVFormat.self,
        JSONFormat.self,
        HTMLFormat.self,
    ]

    public static var names: [String] { all.map { $0.name } }

    /// The format called `name`, or nil.
    public static func named(_ name: String) -> (any ReportFormat.Type)? {
        all.first { $0.name == name }
    }
}

extension TableFormat: ReportFormat { public static let name = "table" }
extension MarkdownFormat: ReportFormat { public static let name = "markdown" }
extension CSVFormat: ReportFormat { public static let name = "csv" }
extension JSONFormat: ReportFormat { public static let name = "json" }
extension HTMLFormat: ReportFormat { public static let name = "html" }
