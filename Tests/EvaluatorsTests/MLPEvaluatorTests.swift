import Foundation
import Hyperfront
import Studies
import Testing
import Training
@testable import Evaluators

/// The built-in MLP evaluator: parameter mapping, exact resource formulas against the network
/// actually built, determinism, and its errors.
struct MLPEvaluatorTests {
    /// A small CSV data set: `classes` Gaussian blobs in `features` dimensions, written to a
    /// fresh temporary file.
    static func blobFile(rows: Int = 60, features: Int = 4, classes: Int = 3, seed: UInt64 = 1) -> String {
        var rng = RandomSource(seed: seed)
        var text = (0..<features).map { "f\($0)" }.joined(separator: ",") + ",label\n"
        for r in 0..<rows {
            let c = r % classes
            var fields: [String] = []
            for j in 0..<features {
                let u1 = 1 - rng.uniform(), u2 = rng.uniform()
                let noise = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
                fields.append(String((j % classes == c ? 3.0 : 0.0) + noise))
            }
            text += fields.joined(separator: ",") + ",\(["cat", "dog", "emu", "fox"][c])\n"
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mlp-\(UUID().uuidString).csv").path
        _ = FileManager.default.createFile(atPath: path, contents: text.data(using: .utf8))
        return path
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Architecture spaces of the kinds a scenario may declare.
    static func spaces() -> [(String, SearchSpace)] {
        let units: Domain = .ordinal([2, 3, 5, 8])
        let batch: Domain = .ordinal([4, 7, 16])
        // Shared width, 0–3 hidden layers, all optimisers.
        let shared = SearchSpace(parameters: [
            Parameter(name: "layers", domain: .int(lower: 0, upper: 3, log: false, step: 1)),
            Parameter(name: "units", domain: units),
            Parameter(name: "batch_size", domain: batch),
            Parameter(name: "optimizer", domain: .categorical([.string("sgd"), .string("adam"), .string("rmsprop")])),
        ])
        // Per-layer widths, inactive beyond the layer count.
        func active(from k: Int) -> Condition { Condition(clauses: [Condition.Clause(parameter: 0, allowed: Set((k...3).map(Double.init)))]) }
        let perLayer = SearchSpace(parameters: [
            Parameter(name: "layers", domain: .int(lower: 1, upper: 3, log: false, step: 1)),
            Parameter(name: "units_1", domain: units),
            Parameter(name: "units_2", domain: .int(lower: 1, upper: 6, log: false, step: 1), condition: active(from: 2)),
            Parameter(name: "units_3", domain: units, condition: active(from: 3)),
            Parameter(name: "batch_size", domain: .int(lower: 3, upper: 9, log: false, step: 1)),
            Parameter(name: "optimizer", domain: .fixed(.string("adam"))),
        ])
        // No layer count: two declared widths; default batch size; sgd only.
        let fixedDepth = SearchSpace(parameters: [
            Parameter(name: "units_1", domain: units),
            Parameter(name: "units_2", domain: units),
            Parameter(name: "optimizer", domain: .categorical([.string("sgd")])),
        ])
        // Nothing architectural: the defaults (1 × 64 units, batch 32, adam).
        let defaults = SearchSpace(parameters: [Parameter(name: "learning_rate", domain: .float(lower: 1e-3, upper: 1e-2, log: true, step: nil))])
        return [("shared", shared), ("perLayer", perLayer), ("fixedDepth", fixedDepth), ("defaults", defaults)]
    }

    @Test func formulasEqualTheBuiltNetworkForRandomArchitectures() throws {
        let path = Self.blobFile()
        for classes in [2, 3] {
            let file = classes == 3 ? path : Self.blobFile(rows: 40, features: 5, classes: 2, seed: 2)
            for (label, space) in Self.spaces() {
                let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: file), space: space)
                let formulas = try evaluator.resourceFormulas()
                #expect(formulas.map(\.metric) == ["params", "memory_bytes", "flops"])
                let worstSlots = space.index(of: "optimizer").map { space[$0].domain == .fixed(.string("adam")) ? 2 : (space[$0].domain.cardinality == 1 ? 1 : 2) } ?? 2
                var rng = RandomSource(seed: 99)
                for _ in 0..<60 {
                    let c = space.sample(using: &rng)
                    let config = try evaluator.trainingConfiguration(space.decode(c))
                    let shape = NetworkShape(inputs: evaluator.features, hidden: config.hidden, classes: evaluator.classes, batchSize: config.batchSize)
                    let values = formulas.map { $0.value(c, in: space) }
                    #expect(values[0] == Double(shape.parameterCount), "\(label): \(space.json(c))")
                    #expect(values[1] == Double(shape.memoryBytes(optimizerStateSlots: worstSlots)), "\(label): \(space.json(c))")
                    #expect(values[2] == Double(shape.trainingFLOPs(rows: evaluator.train.rows)), "\(label): \(space.json(c))")
                }
            }
        }
    }

    @Test func reportedResourcesEqualTheFormulas() throws {
        let path = Self.blobFile()
        for (label, base) in Self.spaces().prefix(3) {
            let space = SearchSpace(parameters: base.parameters + [Parameter(name: "epochs", domain: .fixed(.int(2)))])
            let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: path), space: space)
            let formulas = try evaluator.resourceFormulas()
            var rng = RandomSource(seed: 5)
            for n in 0..<6 {
                let c = space.sample(using: &rng)
                let outcome = evaluator.evaluate(TrialRequest(number: n, seed: UInt64(n), configuration: c, space: space))
                #expect(outcome.state == .complete, "\(label): \(outcome.failure ?? "")")
                let m = outcome.metrics
                #expect(m["params"] == formulas[0].value(c, in: space))
                #expect(m["flops"] == formulas[2].value(c, in: space))
                // Memory: exact when the space allows one optimiser state size, else bounded by
                // the worst case and exact for the trial's own optimiser.
                let memory = try #require(m["memory_bytes"])
                let config = try evaluator.trainingConfiguration(space.decode(c))
                let shape = NetworkShape(inputs: 4, hidden: config.hidden, classes: 3, batchSize: config.batchSize)
                #expect(memory == Double(shape.memoryBytes(optimizerStateSlots: config.optimizer.stateSlots)))
                if label == "shared" {
                    #expect(memory <= formulas[1].value(c, in: space))
                    if config.optimizer.name == "adam" { #expect(memory == formulas[1].value(c, in: space)) }
                } else {
                    #expect(memory == formulas[1].value(c, in: space))
                }
                #expect(m["epochs_run"] == 2)
            }
        }
    }

    @Test func reportsEveryMetricAndIsDeterministic() throws {
        let space = SearchSpace(parameters: [
            Parameter(name: "units", domain: .ordinal([6, 12])),
            Parameter(name: "dropout", domain: .float(lower: 0, upper: 0.3, log: false, step: nil)),
            Parameter(name: "epochs", domain: .int(lower: 3, upper: 6, log: false, step: 1)),
            Parameter(name: "activation", domain: .categorical([.string("relu"), .string("tanh"), .string("sigmoid")])),
            Parameter(name: "optimizer", domain: .categorical([.string("sgd"), .string("adam"), .string("rmsprop")])),
            Parameter(name: "nesterov", domain: .categorical([.bool(false), .bool(true)])),
            Parameter(name: "lr_schedule", domain: .categorical([.string("none"), .string("step"), .string("exponential"), .string("cosine")])),
            Parameter(name: "lr_decay", domain: .float(lower: 0, upper: 0.2, log: false, step: nil)),
            Parameter(name: "init", domain: .categorical(["glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "uniform", "xavier_normal"].map(Value.string))),
            Parameter(name: "l1", domain: .float(lower: 0, upper: 1e-3, log: false, step: nil)),
            Parameter(name: "l2", domain: .float(lower: 0, upper: 1e-3, log: false, step: nil)),
            Parameter(name: "patience", domain: .int(lower: 0, upper: 2, log: false, step: 1)),
        ])
        let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: Self.blobFile()), space: space)
        var rng = RandomSource(seed: 3)
        for n in 0..<8 {
            let c = space.sample(using: &rng)
            let request = TrialRequest(number: n, seed: 1000 + UInt64(n), configuration: c, space: space)
            let a = evaluator.evaluate(request), b = evaluator.evaluate(request)
            #expect(a.state == .complete, "\(a.failure ?? "")")
            #expect(Set(a.metrics.keys) == Set(MLPSpec.metrics))
            #expect(evaluator.metricNames == MLPSpec.metrics)
            for (k, v) in a.metrics where k != "train_seconds" { #expect(b.metrics[k] == v, "\(k) differs for the same seed") }
            let allFinite = a.metrics.values.allSatisfy { $0.isFinite }
            #expect(allFinite)
            #expect((0...1).contains(a.metrics["accuracy"]!) && a.metrics["val_loss"]! > 0)
            #expect(a.intermediate.count == Int(a.metrics["epochs_run"]!))
            let other = evaluator.evaluate(TrialRequest(number: n, seed: 7, configuration: c, space: space))
            #expect(other.metrics["val_loss"] != a.metrics["val_loss"])
        }
    }

    /// Workers call one evaluator from several threads at once (BLAS included): the results
    /// equal those of the same requests run one after another.
    @Test func concurrentEvaluationsMatchSequentialOnes() throws {
        let space = SearchSpace(parameters: [Parameter(name: "units", domain: .ordinal([8, 16])), Parameter(name: "epochs", domain: .fixed(.int(3))),
                                             Parameter(name: "dropout", domain: .float(lower: 0, upper: 0.3, log: false, step: nil))])
        let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: Self.blobFile(rows: 90)), space: space)
        var rng = RandomSource(seed: 8)
        let requests = (0..<6).map { TrialRequest(number: $0, seed: UInt64($0), configuration: space.sample(using: &rng), space: space) }
        let sequential = requests.map { evaluator.evaluate($0).metrics["val_loss"]! }
        final class Box: @unchecked Sendable { var values = [Double](repeating: .nan, count: 6); let lock = NSLock() }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            let v = evaluator.evaluate(requests[i]).metrics["val_loss"]!
            box.lock.lock(); box.values[i] = v; box.lock.unlock()
        }
        #expect(box.values == sequential)
    }

    @Test func defaultsAndParameterMapping() throws {
        let space = SearchSpace(parameters: [Parameter(name: "units_1", domain: .ordinal([4])), Parameter(name: "units_2", domain: .ordinal([3]))])
        let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: Self.blobFile()), space: space)
        let d = try evaluator.trainingConfiguration([])
        #expect(d.hidden == [64, 64])  // two units_k declared: two layers of the shared default
        #expect(d.optimizer == .adam && d.learningRate == 1e-3 && d.batchSize == 32 && d.epochs == 20 && d.patience == nil)
        #expect(d.activation == .relu && d.initializer == .glorotUniform && d.dropout == 0 && d.schedule == .constant)
        let c = try evaluator.trainingConfiguration([("layers", .int(3)), ("units", .int(9)), ("units_2", .int(5)),
                                                     ("optimizer", .string("sgd")), ("nesterov", .bool(true)), ("lr_decay", .double(0.1)),
                                                     ("patience", .int(0)), ("init", .string("xavier_uniform"))])
        #expect(c.hidden == [9, 5, 9])
        #expect(c.optimizer == .sgd(momentum: 0.9, nesterov: true) && c.learningRate == 0.01)
        #expect(c.schedule == .exponential(decay: 0.1) && c.patience == nil && c.initializer == .glorotUniform)
        #expect(throws: TrainingSettingError.self) { try evaluator.trainingConfiguration([("activation", .string("swish"))]) }
        #expect(throws: TrainingSettingError.self) { try evaluator.trainingConfiguration([("lr_schedule", .string("linear"))]) }
    }

    @Test func badSpacesAndDataAreExplained() {
        let path = Self.blobFile()
        let typo = SearchSpace(parameters: [Parameter(name: "learnig_rate", domain: .float(lower: 0.001, upper: 0.1, log: true, step: nil))])
        do {
            _ = try MLPEvaluator(spec: MLPSpec(dataset: path), space: typo)
            Issue.record("accepted an unknown parameter")
        } catch {
            #expect(error.description.contains("did you mean 'learning_rate'?"))
        }
        let badActivation = SearchSpace(parameters: [Parameter(name: "activation", domain: .categorical([.string("relu"), .string("gelu")]))])
        #expect(throws: MLPEvaluatorError.self) { try MLPEvaluator(spec: MLPSpec(dataset: path), space: badActivation) }
        let floatUnits = SearchSpace(parameters: [Parameter(name: "units", domain: .float(lower: 4, upper: 64, log: false, step: nil))])
        #expect(throws: MLPEvaluatorError.self) { try MLPEvaluator(spec: MLPSpec(dataset: path), space: floatUnits) }

        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv").path
        _ = FileManager.default.createFile(atPath: bad, contents: "a,b,label\n1,2,0\n3,oops,1\n".data(using: .utf8))
        do {
            _ = try MLPEvaluator(spec: MLPSpec(dataset: bad), space: SearchSpace(parameters: []))
            Issue.record("accepted a non-numeric feature")
        } catch {
            guard case .data(let e) = error else { Issue.record("wrong error \(error)"); return }
            #expect(e.file == bad && e.line == 3 && e.column == 2 && e.kind == .nonNumeric)
        }
        // A different label column name.
        #expect(throws: MLPEvaluatorError.self) { try MLPEvaluator(spec: MLPSpec(dataset: path, label: "class"), space: SearchSpace(parameters: [])) }
    }

    @Test func separateValidationFile() throws {
        let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: Self.blobFile(seed: 4), validationDataset: Self.blobFile(rows: 30, seed: 5)),
                                         space: SearchSpace(parameters: []))
        #expect(evaluator.train.rows == 60 && evaluator.validation.rows == 30)
        #expect(evaluator.classes == 3 && evaluator.train.classes == ["cat", "dog", "emu"])
    }

    @Test func trainsOnTheShippedWineData() throws {
        let wine = Self.repositoryRoot.appendingPathComponent("Scenarios/data/wine.csv").path
        let space = SearchSpace(parameters: [Parameter(name: "units", domain: .fixed(.int(16))), Parameter(name: "epochs", domain: .fixed(.int(60))),
                                             Parameter(name: "learning_rate", domain: .fixed(.double(0.01)))])
        let evaluator = try MLPEvaluator(spec: MLPSpec(dataset: wine), space: space)
        #expect(evaluator.train.rows + evaluator.validation.rows == 178)
        #expect(evaluator.validation.classCounts == [12, 14, 10])
        let outcome = evaluator.evaluate(TrialRequest(number: 0, seed: 1, configuration: Configuration([0, 0, 0]), space: space))
        #expect(outcome.state == .complete)
        #expect(outcome.metrics["accuracy"]! >= 0.9, "wine accuracy \(outcome.metrics["accuracy"]!)")
    }

    @Test func quickstartScenarioBuildsItsEvaluator() throws {
        let path = Self.repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        let scenario = try ScenarioLoader.load(path: path)
        guard let spec = scenario.evaluator.settings as? MLPSpec else { Issue.record("not an MLP scenario"); return }
        let evaluator = try MLPEvaluator(spec: spec, space: scenario.space)
        #expect(evaluator.features == 64 && evaluator.classes == 10 && evaluator.train.rows == 1437)
        let formulas = try evaluator.resourceFormulas()
        // The memory budget splits the space: some configurations fit, some do not.
        let budget = try #require(scenario.constraints.first { $0.metric == "memory_bytes" })
        var rng = RandomSource(seed: 1)
        var fits = 0
        for _ in 0..<200 {
            let c = scenario.space.sample(using: &rng)
            if budget.violation(formulas[1].value(c, in: scenario.space)) == 0 { fits += 1 }
        }
        #expect(fits > 40 && fits < 190, "\(fits) of 200 fit")
    }
}
