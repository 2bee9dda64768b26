import Foundation

extension Dataset {
    /// Reads a CSV file with a header row: numeric feature columns and one label column
    /// (`label`; integer or string class names). Blank lines are skipped; fields may be quoted
    /// with `"`.
    ///
    /// With `classes`, the labels must be among those names (a validation file read against
    /// its training file) and `features` must match the training file's columns.
    public static func load(csv path: String, label: String = "label", features expected: [String]? = nil,
                            classes known: [String]? = nil) throws(DataError) -> Dataset {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DataError(.unreadable, file: path, line: 1, message: exists ? "cannot read the file" : "no such file",
                            hint: exists ? "check its permissions" : "give the path of a CSV file with a header row, e.g. data/digits.csv")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataError(.unreadable, file: path, line: 1, message: "the file is not UTF-8 text", hint: "save it as UTF-8 CSV")
        }
        return try parse(csv: text, source: path, label: label, features: expected, classes: known)
    }

    /// Parses CSV text (see `load(csv:label:features:classes:)`); `source` names it in errors.
    public static func parse(csv text: String, source: String = "<csv>", label: String = "label",
                             features expected: [String]? = nil, classes known: [String]? = nil) throws(DataError) -> Dataset {
        var lines: [(number: Int, text: Substring)] = []
        var number = 0
        // "\r\n" is one Character in Swift: split on either form of line end.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            lines.append((number, line))
        }
        guard let header = lines.first else {
            throw DataError(.emptyFile, file: source, line: 1, message: "the file is empty",
                            hint: "write a header row (feature names and '\(label)') and one row per sample")
        }
        let names = splitFields(header.text).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let labelIndex = names.firstIndex(of: label) else {
            let shown = names.count > 8 ? names.prefix(4).joined(separator: ", ") + ", …, " + names.suffix(3).joined(separator: ", ") : names.joined(separator: ", ")
            throw DataError(.missingLabelColumn, file: source, line: header.number,
                            message: "no label column '\(label)' in the header (columns: \(shown))",
                            hint: "name the label column '\(label)' or set 'label:' to one of the columns")
        }
        let featureNames = names.enumerated().filter { $0.offset != labelIndex }.map(\.element)
        if featureNames.isEmpty {
            throw DataError(.missingLabelColumn, file: source, line: header.number, message: "the header has a label column but no feature columns",
                            hint: "add at least one numeric feature column")
        }
        if let expected, expected != featureNames {
            let k = (0..<min(expected.count, featureNames.count)).first { expected[$0] != featureNames[$0] } ?? min(expected.count, featureNames.count)
            let column = k < labelIndex ? k + 1 : k + 2
            throw DataError(.mismatchedColumns, file: source, line: header.number, column: column,
                            columnName: k < featureNames.count ? featureNames[k] : nil,
                            message: "the feature columns differ from the training file's (\(featureNames.count) here, \(expected.count) there; first difference at feature \(k + 1))",
                            hint: "use the same feature columns in the same order as the training file")
        }
        if lines.count == 1 {
            throw DataError(.emptyFile, file: source, line: header.number + 1, message: "the file has a header but no data rows",
                            hint: "add one row per sample below the header")
        }

        var values = [Float]()
        values.reserveCapacity((lines.count - 1) * featureNames.count)
        var rawLabels = [String]()
        rawLabels.reserveCapacity(lines.count - 1)
        for (lineNumber, text) in lines.dropFirst() {
            let fields = splitFields(text)
            if fields.count != names.count {
                throw DataError(.raggedRow, file: source, line: lineNumber, column: min(fields.count, names.count) + 1,
                                message: "this row has \(fields.count) fields, the header has \(names.count)",
                                hint: "give every row exactly \(names.count) comma-separated values")
            }
            for (j, field) in fields.enumerated() {
                let f = field.trimmingCharacters(in: .whitespaces)
                if j == labelIndex {
                    if f.isEmpty {
                        throw DataError(.nonNumeric, file: source, line: lineNumber, column: j + 1, columnName: label,
                                        message: "the label is empty", hint: "write the row's class (an integer or a name)")
                    }
                    rawLabels.append(canonicalLabel(f))
                    continue
                }
                guard let v = Double(f) else {
                    throw DataError(.nonNumeric, file: source, line: lineNumber, column: j + 1, columnName: names[j],
                                    message: f.isEmpty ? "the value is missing" : "not a number: '\(f)'",
                                    hint: "write a plain number such as 0.5 or 12 (every feature must be numeric)")
                }
                guard v.isFinite, Float(v).isFinite else {
                    throw DataError(.nonFinite, file: source, line: lineNumber, column: j + 1, columnName: names[j],
                                    message: "the value '\(f)' is not a finite number",
                                    hint: "replace missing or infinite values with a number (e.g. the column's mean), or drop the row")
                }
                values.append(Float(v))
            }
        }

        let classes: [String]
        if let known {
            classes = known
        } else {
            let distinct = Set(rawLabels)
            if distinct.allSatisfy({ Int($0) != nil }) {
                classes = distinct.sorted { Int($0)! < Int($1)! }
            } else {
                classes = distinct.sorted()
            }
        }
        var index: [String: Int32] = [:]
        for (i, c) in classes.enumerated() { index[c] = Int32(i) }
        var labels = [Int32]()
        labels.reserveCapacity(rawLabels.count)
        for (r, l) in rawLabels.enumerated() {
            guard let i = index[l] else {
                throw DataError(.unknownLabel, file: source, line: lines[r + 1].number, column: labelIndex + 1, columnName: label,
                                message: "the class '\(l)' does not occur in the training data (classes: \(classes.joined(separator: ", ")))",
                                hint: "use only classes present in the training file")
            }
            labels.append(i)
        }
        if known == nil && classes.count < 2 {
            throw DataError(.oneClass, file: source, line: lines[1].number, column: labelIndex + 1, columnName: label,
                            message: "every row has the same class '\(classes[0])'",
                            hint: "a classifier needs at least two classes in the '\(label)' column")
        }
        return Dataset(values: values, features: featureNames, labels: labels, classes: classes, source: source)
    }

    /// Integer labels written as `3`, `3.0` or ` 3` are one class.
    static func canonicalLabel(_ s: String) -> String {
        if let i = Int(s) { return String(i) }
        if let d = Double(s), d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return s
    }

    /// Splits a CSV line on commas, honouring double quotes (`""` inside quotes is one quote).
    static func splitFields(_ line: Substring) -> [String] {
        if !line.contains("\"") { return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var out: [String] = []
        var current = ""
        var quoted = false
        var it = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { current.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out
    }
}
