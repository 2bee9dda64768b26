import Foundation
import Hyperfront

/// Warm start (see `WarmStart`): a new study is told the finished trials of an earlier one.
///
/// ```swift
/// let study = try Study.create(scenario: refined, at: "runs/refined.sqlite")
/// let reused = try study.warmStart(from: "runs/first.sqlite")
/// print(reused.mismatches, reused.summary)
/// try study.run()
/// ```
extension Study {
    /// Records the finished trials of the study at `oldPath` to be told to the sampler before
    /// its first proposal, in this study and every later run, resume or ask of it. Only a study
    /// without trials can be warm-started; one already warm-started from `oldPath` keeps its
    /// recorded warm start (a resumed run may repeat `--warm-start`).
    @discardableResult
    public func warmStart(from oldPath: String) throws(StudyError) -> WarmStart {
        guard lease != nil else { throw .readOnly(path) }
        if let recorded = try recordedWarmStart() {
            guard recorded.source == oldPath else {
                throw .invalid("\(path) was warm-started from \(recorded.source), not \(oldPath); drop --warm-start or start a new study with --study")
            }
            return recorded
        }
        guard try trials().isEmpty else {
            throw .invalid("\(path) already has trials: a warm start applies to a new study; drop --warm-start or start a new study with --study")
        }
        let old = try Study.open(at: oldPath)
        let oldMetrics: [String]
        do { oldMetrics = try old.store.info().metricNames } catch { throw .store(error) }
        let warm = WarmStart.make(source: oldPath, oldSpace: old.scenario.space, oldMetrics: oldMetrics, trials: try old.trials(),
                                  for: scenario)
        try? old.close()
        do { try store.setSetting(WarmStart.settingKey, try warm.encoded()) }
        catch let e as StudyStorageError { throw .store(e) }
        catch { throw .invalid("\(path): cannot record the warm start (\(error))") }
        return warm
    }

    /// The warm start recorded in the study, if any.
    public func recordedWarmStart() throws(StudyError) -> WarmStart? {
        let text: String?
        do { text = try store.setting(WarmStart.settingKey) } catch { throw .store(error) }
        guard let text else { return nil }
        do { return try WarmStart.decoded(text) }
        catch { throw .invalid("\(path): the warm start recorded in the study file cannot be read (\(error))") }
    }
}
