import Foundation
import Yams

/// Reads and validates scenario files (YAML). Every mistake becomes a `ScenarioError` naming
/// the file, line, column and field, and what to write instead.
public enum ScenarioLoader {
    public static let topLevelKeys = ["name", "description", "evaluator", "space", "objectives", "constraints", "resources", "search", "early_stopping", "enqueue", "enqueue_budget", "report"]
    /// The `search:` keys every sampler shares; each sampler's plug-in adds its own.
    public static let searchKeys = ["algorithm", "trials", "seed", "workers", "max_failures"]
    public static let parameterKeys = ["float", "int", "choice", "fixed", "log", "step", "when"]

    /// Loads the scenario at `path`; `registry` lists the samplers and evaluators it may name
    /// (the standard one is `PluginRegistry.standard`, in the Studies module).
    /// - Parameter checkFiles: whether data files and directories it names must exist (off when
    ///   a stored scenario is re-read for a report, where only its model matters).
    public static func load(path: String, registry: PluginRegistry, checkFiles: Bool = true) throws(ScenarioError) -> Scenario {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScenarioError(file: path, line: 1, column: 1, field: "", message: "is a directory, not a scenario file",
                                hint: "give the path of a scenario YAML file, e.g. Scenarios/quickstart.yaml")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ScenarioError(file: path, line: 1, column: 1, field: "",
                                message: exists ? "cannot read the file" : "no such file",
                                hint: exists ? "check its permissions" : "give the path of a scenario YAML file, e.g. Scenarios/quickstart.yaml")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: 1, column: 1, field: "", message: "the file is not UTF-8 text", hint: "save it as UTF-8")
        }
        return try parse(text, path: path, registry: registry, checkFiles: checkFiles)
    }

    /// Parses scenario text; `path` is used for messages and to resolve relative paths.
    public static func parse(_ text: String, path: String = "<scenario>", registry: PluginRegistry,
                             checkFiles: Bool = true) throws(ScenarioError) -> Scenario {
        var reader = ScenarioReader(file: path, text: text, registry: registry, checkFiles: checkFiles)
        return try reader.scenario()
    }
}
