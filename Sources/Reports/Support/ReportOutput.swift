import Foundation

/// Where a report may be written: never over one of its inputs, never over a study file.
public enum ReportOutput {
    /// Why writing to `output` must be refused (it is one of `inputs` or one of their
    /// `-wal`/`-shm`/`-journal` files, compared by real path, or an existing SQLite database such
    /// as a study file); nil when it may be written.
    public static func refusal(output: String, inputs: [String]) -> String? {
        let target = realPath(output)
        if let hit = inputs.first(where: { realPath($0) == target }) {
            return "--output \(output): that is the input \(hit); writing the report there would destroy it — give another --output path"
        }
        // A study's write-ahead log, shared memory and journal are part of it.
        for input in inputs {
            for suffix in ["-wal", "-shm", "-journal"] where realPath(input + suffix) == target {
                return "--output \(output): that is part of the study \(input) (its \(suffix.dropFirst()) file); give another --output path"
            }
        }
        if isDatabase(output) {
            return "--output \(output): that is a study file (an SQLite database); a report never replaces one — give another --output path"
        }
        return nil
    }

    /// The path with symbolic links, `.` and `..` resolved (as far as the file exists).
    static func realPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let resolved = realpath(absolute, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A file that does not exist yet: resolve its folder.
        let folder = (absolute as NSString).deletingLastPathComponent, name = (absolute as NSString).lastPathComponent
        if let resolved = realpath(folder, nil) {
            defer { free(resolved) }
            return String(cString: resolved) + "/" + name
        }
        return (absolute as NSString).standardizingPath
    }

    static func isDatabase(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        return ((try? h.read(upToCount: 16)) ?? Data()).starts(with: Array("SQLite format 3".utf8))
    }
}
