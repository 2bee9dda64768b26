import Foundation
import GRDB

extension StudyStore {
    /// Opens a study for reading only: nothing is written to the file or beside it, so a study
    /// in a read-only folder, on a full disk or owned by another user still reports.
    ///
    /// Without a write-ahead log beside it (no run has the study open) the file is opened as
    /// immutable (`file:…?immutable=1`: no locks, no `-shm`/`-wal` files made); with one (a run
    /// is writing, or one was killed) it is opened read-only through the log, so committed
    /// trials still in the log are seen.
    convenience init(readingOnly path: String) throws(StoreError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        config.label = "study-read"
        let hasLog = FileManager.default.fileExists(atPath: path + "-wal")
        var queue: DatabaseQueue? = nil
        var firstError: (any Error)? = nil
        if !hasLog, let uri = StudyStore.immutableURI(path) {
            do {
                let q = try DatabaseQueue(path: uri, configuration: config)
                _ = try q.read { db in try db.tableExists("study") }
                queue = q
            } catch { firstError = error }
        }
        if queue == nil {
            do {
                let q = try DatabaseQueue(path: path, configuration: config)
                _ = try q.read { db in try db.tableExists("study") }
                queue = q
            } catch { throw StudyStore.readingError(path, firstError ?? error, hasLog: hasLog) }
        }
        guard let queue else { throw .notAStudy(path, "it cannot be opened") }
        do {
            let ok = try queue.read { db in try db.tableExists("study") && db.tableExists("trial") }
            if !ok { throw StoreError.notAStudy(path, "it has no study table") }
        } catch let e as StoreError { throw e } catch { throw StudyStore.readingError(path, error, hasLog: hasLog) }
        self.init(path: path, readOnlyQueue: queue)
    }

    /// `file:` URI of `path` opened immutable, or nil when it cannot be written as one.
    static func immutableURI(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "/-._~")
        guard let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return "file:" + escaped + "?immutable=1"
    }

    static func readingError(_ path: String, _ error: any Error, hasLog: Bool) -> StoreError {
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notAStudy(path, e.message ?? "\(e.resultCode)")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
                if hasLog {
                    return .database(path, "cannot read the study: its write-ahead log (\(path)-wal) needs a shared-memory file that cannot be made here; run 'hyperfront run … --resume' once where the folder is writable, or copy the study with its -wal file to a writable folder")
                }
                return .database(path, "cannot read the study: \(e.message ?? "\(e.resultCode)")")
            default: break
            }
        }
        return .notAStudy(path, "\(error)")
    }
}
