import Foundation
import Hyperfront

extension Study {
    /// Where a scenario's study goes when no path is given: `runs/<name>.sqlite`, the name made
    /// into one safe file name (see `fileName(for:)`), so the study stays inside `runs/`.
    public static func defaultPath(for scenario: Scenario) -> String {
        "runs/\(fileName(for: scenario.name)).sqlite"
    }

    /// A scenario name as one file name: letters, digits, `-`, `_` and `.` are kept, every other
    /// character (`/`, spaces, `\`, control characters) becomes `-`; leading dots and dashes are
    /// dropped (no `..`, no hidden file, no option-like name), and at most 100 characters are
    /// kept. `"../../escaped"` gives `escaped`, `"a/b"` gives `a-b`, a name with nothing left
    /// gives `study`.
    public static func fileName(for name: String) -> String {
        var out = ""
        for c in name {
            out.append(c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." ? c : "-")
        }
        let trimmed = String(out.drop { $0 == "." || $0 == "-" }.prefix(100))
        return trimmed.isEmpty ? "study" : trimmed
    }

    /// Why a new study file cannot be written at `path` (its folder is created when missing);
    /// nil when it can.
    static func unwritable(creating path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return "\(path): cannot create the study file: \(dir) is a file, not a folder; choose another --study path" }
        } else {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            catch { return "\(path): cannot create the study file: its folder \(dir) cannot be created (\(blocker(of: dir))); choose another --study path" }
        }
        if access(dir, W_OK | X_OK) != 0 {
            return "\(path): cannot create the study file: the folder \(dir) is not writable (\(String(cString: strerror(errno)))); choose another --study path"
        }
        return nil
    }

    /// Why an existing study file at `path` cannot be written (SQLite writes the file and, beside
    /// it, its log); nil when it can.
    static func unwritable(resuming path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        if access(path, W_OK) != 0 {
            return "\(path): cannot resume: the study file is not writable (\(String(cString: strerror(errno)))); make it writable or copy it elsewhere and resume the copy"
        }
        if access(dir, W_OK | X_OK) != 0 {
            return "\(path): cannot resume: its folder \(dir) is not writable (\(String(cString: strerror(errno)))), and the study file's log is written beside it; copy the study elsewhere and resume the copy"
        }
        return nil
    }

    /// Why folder `dir` cannot be created: the nearest existing ancestor is a file, or not
    /// writable.
    private static func blocker(of dir: String) -> String {
        var ancestor = dir
        while true {
            ancestor = (ancestor as NSString).deletingLastPathComponent
            if ancestor.isEmpty { ancestor = "." }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
                if !isDirectory.boolValue { return "\(ancestor) is a file, not a folder" }
                if access(ancestor, W_OK | X_OK) != 0 { return "\(ancestor) is not writable" }
                return "permission denied or disk full"
            }
            if ancestor == "/" || ancestor == "." { return "permission denied" }
        }
    }
}
