import Hyperfront
import Training

/// The built-in MLP trainer in a scenario: `evaluator: {builtin: mlp, dataset: data/digits.csv}`.
public struct MLPPlugin: EvaluatorPlugin {
    public init() {}
    public var key: String { "builtin" }
    public var keys: [String] { ["builtin", "dataset", "validation_dataset", "validation_fraction", "label", "cv"] }
    public var example: String { "{builtin: mlp, dataset: data/digits.csv}" }

    public func parse(_ section: ScenarioNode) throws(ScenarioError) -> any EvaluatorSettings {
        let kindNode = section["builtin"]!
        let kind = try kindNode.string(example: "mlp")
        guard kind == "mlp" else { throw kindNode.error("unknown built-in evaluator '\(kind)'", hint: "the built-in evaluator is 'mlp'") }
        guard let dn = section["dataset"] else {
            throw section.error(about: "dataset", "missing", hint: "add 'dataset: data/digits.csv' (a CSV file with a header and a label column)")
        }
        let dataset = try dn.existingFile()
        let validation = try section["validation_dataset"].map { n throws(ScenarioError) in try n.existingFile() }
        var fraction = 0.2
        if let fn = section["validation_fraction"] {
            fraction = try fn.double(example: "validation_fraction: 0.2")
            if !(fraction > 0 && fraction < 1) { throw fn.error("must be strictly between 0 and 1, found \(formatNumber(fraction))", hint: "write validation_fraction: 0.2") }
        }
        let label = try section["label"].map { n throws(ScenarioError) in try n.string(example: "label: label") } ?? "label"
        let cv = try section["cv"].map { n throws(ScenarioError) in try folds(n, dataset: dataset, label: label, section: section) }
        return MLPSpec(dataset: dataset, validationDataset: validation, validationFraction: fraction, label: label, cv: cv)
    }

    /// `cv: k`: at least 2, at most the smallest class's number of rows, and not with a
    /// separate validation set or fraction.
    func folds(_ n: ScenarioNode, dataset: String, label: String, section: ScenarioNode) throws(ScenarioError) -> Int {
        let k = try n.int(example: "cv: 5")
        if k < 2 {
            throw n.error("cross-validation needs at least 2 folds, found \(k)", hint: "write cv: 5 (stratified 5-fold), or leave cv out for a hold-out split")
        }
        for other in ["validation_dataset", "validation_fraction"] where section[other] != nil {
            throw n.error("cv cannot be combined with \(other): every row is validated once, in its fold", hint: "remove \(other), or remove cv")
        }
        if n.checksFiles, let data = try? Dataset.load(csv: dataset, label: label) {
            let counts = data.classCounts
            if let c = counts.indices.min(by: { counts[$0] < counts[$1] }), counts[c] < k {
                throw n.error("cv: \(k) is more than the \(counts[c]) row(s) of class '\(data.classes[c])' in \(dataset) (each fold needs a row of every class)",
                              hint: "write cv: \(max(2, counts[c])) or fewer")
            }
        }
        return k
    }

    /// The trainer, and its exact formulas for params, memory_bytes and flops.
    public func makeEvaluator(_ scenario: Scenario) throws(PluginError) -> MadeEvaluator {
        do {
            let mlp = try MLPEvaluator(spec: scenario.evaluator.settings as! MLPSpec, space: scenario.space)
            return MadeEvaluator(evaluator: mlp, resources: try mlp.resourceFormulas())
        } catch { throw PluginError(error.description) }
    }

    public func decodeSettings(from decoder: any Decoder) throws -> any EvaluatorSettings {
        try MLPSpec(from: decoder)
    }
}
